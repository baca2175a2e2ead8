#include "tests/support/cli_runner.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace casefile::testing {

CliRun RunCasefileCli(const CasefiledProcess& server, const std::string& words, const std::string& token) {
  const std::string command = absl::StrCat(CASEFILE_CLI_PATH, " ", words, " --server ", server.address(),
                                           " --token ", token, " 2>&1");
  CliRun run;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return {127, "popen failed"};
  char buffer[4096];
  for (size_t n; (n = fread(buffer, 1, sizeof(buffer), pipe)) > 0;) run.out.append(buffer, n);
  run.exit_code = WEXITSTATUS(pclose(pipe));
  return run;
}

CliRun RunCasefileCliWithInput(const CasefiledProcess& server, const std::string& words,
                               const std::string& environment, const std::string& input) {
  std::string input_path = ::testing::TempDir() + "casefile-cli-input-XXXXXX";
  int fd = mkstemp(input_path.data());
  if (fd < 0) return {127, "mkstemp failed"};
  const bool written = write(fd, input.data(), input.size()) == static_cast<ssize_t>(input.size());
  close(fd);
  if (!written) return {127, "cannot write the input"};
  const std::string command =
      absl::StrCat("env -u CASEFILE_TOKEN ", environment, " ", CASEFILE_CLI_PATH, " ", words, " --server ",
                   server.address(), " <", input_path, " 2>&1");
  CliRun run;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe != nullptr) {
    char buffer[4096];
    for (size_t n; (n = fread(buffer, 1, sizeof(buffer), pipe)) > 0;) run.out.append(buffer, n);
    run.exit_code = WEXITSTATUS(pclose(pipe));
  } else {
    run = {127, "popen failed"};
  }
  unlink(input_path.c_str());
  return run;
}

}  // namespace casefile::testing
