#include "client/server_child.h"

#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace casefile::client {

std::string ReadWholeFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

absl::StatusOr<ServerChild> StartServerChild(std::vector<std::string> argv, const ServerChildOptions& options) {
  if (argv.empty()) return absl::InvalidArgumentError("argv: the program to start is missing");
  std::filesystem::remove(options.port_file);
  argv.push_back("--port_file=" + options.port_file);
  // casefiled refuses a tokens file that others can read; the one a test or
  // benchmark wrote with the default umask is theirs to make private.
  for (const std::string& arg : argv) {
    if (absl::StartsWith(arg, "--tokens_file=")) {
      std::error_code ignored;  // a missing file is casefiled's to report
      std::filesystem::permissions(arg.substr(14), std::filesystem::perms::owner_read |
                                                       std::filesystem::perms::owner_write,
                                   ignored);
    }
  }
  const pid_t pid = fork();
  if (pid < 0) return absl::InternalError(absl::StrCat("fork for ", argv[0], " failed"));
  if (pid == 0) {
    if (options.die_with_parent) prctl(PR_SET_PDEATHSIG, SIGKILL);
    // The parent's stdout is often a pipe that it reads: keep ours out of it.
    if (std::freopen(options.log_path.c_str(), "a", stderr) == nullptr ||
        dup2(fileno(stderr), STDOUT_FILENO) < 0)
      _exit(126);
    std::vector<char*> args;
    for (std::string& a : argv) args.push_back(a.data());
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  for (int i = 0; i < 3000; ++i) {
    int port = 0;
    if (absl::SimpleAtoi(absl::StripAsciiWhitespace(ReadWholeFile(options.port_file)), &port) && port > 0) {
      return ServerChild{pid, port};
    }
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) {
      return absl::InternalError(absl::StrCat(argv[0], " exited at start: ", ReadWholeFile(options.log_path)));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  return absl::DeadlineExceededError(absl::StrCat(argv[0], " did not serve within 30 s"));
}

}  // namespace casefile::client
