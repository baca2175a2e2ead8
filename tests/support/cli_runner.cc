#include "tests/support/cli_runner.h"

#include <sys/wait.h>

#include <cstdio>

#include "absl/strings/str_cat.h"

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

}  // namespace casefile::testing
