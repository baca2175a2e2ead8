#include "bench/support/child_server.h"

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

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace casefile::bench {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

absl::StatusOr<std::unique_ptr<ChildServer>> ChildServer::Start(const std::string& name,
                                                                const std::string& work_dir,
                                                                std::vector<std::string> argv) {
  const std::string port_file = absl::StrCat(work_dir, "/", name, ".port");
  const std::string log_path = absl::StrCat(work_dir, "/", name, ".log");
  std::filesystem::remove(port_file);
  argv.push_back("--port_file=" + port_file);
  pid_t pid = fork();
  if (pid < 0) return absl::InternalError(absl::StrCat("fork for ", name, " failed"));
  if (pid == 0) {
    // Die with the benchmark, and keep its stdout (often a pipe) to ourselves.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (std::freopen(log_path.c_str(), "a", stderr) == nullptr ||
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
    if (absl::SimpleAtoi(absl::StripAsciiWhitespace(ReadFile(port_file)), &port) && port > 0) {
      return std::unique_ptr<ChildServer>(new ChildServer(name, log_path, pid, port));
    }
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) {
      return absl::InternalError(
          absl::StrCat(name, " exited at start (", argv[0], "): ", ReadFile(log_path)));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  return absl::DeadlineExceededError(absl::StrCat(name, " did not serve within 30 s"));
}

ChildServer::ChildServer(std::string name, std::string log_path, pid_t pid, int port)
    : name_(std::move(name)),
      log_path_(std::move(log_path)),
      pid_(pid),
      channel_(grpc::CreateChannel(absl::StrCat("127.0.0.1:", port),
                                   grpc::InsecureChannelCredentials())) {}

ChildServer::~ChildServer() { Stop().IgnoreError(); }

absl::Status ChildServer::Stop() {
  if (pid_ == 0) return absl::OkStatus();
  kill(pid_, SIGTERM);
  int status = 0;
  // SIGTERM lets it finish in-flight calls; one that hangs gets SIGKILL.
  pid_t reaped = 0;
  for (int i = 0; i < 1500 && (reaped = waitpid(pid_, &status, WNOHANG)) == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  if (reaped == 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, &status, 0);
  }
  pid_ = 0;
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return absl::OkStatus();
  return absl::InternalError(absl::StrCat(name_, " did not stop cleanly (wait status ", status,
                                          "): ", ReadFile(log_path_)));
}

}  // namespace casefile::bench
