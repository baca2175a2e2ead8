#include "bench/support/child_server.h"

#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <thread>

#include "absl/strings/str_cat.h"
#include "client/server_child.h"

namespace casefile::bench {

absl::StatusOr<std::unique_ptr<ChildServer>> ChildServer::Start(const std::string& name,
                                                                const std::string& work_dir,
                                                                std::vector<std::string> argv) {
  client::ServerChildOptions options;
  options.port_file = absl::StrCat(work_dir, "/", name, ".port");
  options.log_path = absl::StrCat(work_dir, "/", name, ".log");
  options.die_with_parent = true;  // a benchmark that dies leaves no servers behind
  auto child = client::StartServerChild(std::move(argv), options);
  if (!child.ok()) return child.status();
  return std::unique_ptr<ChildServer>(new ChildServer(name, options.log_path, child->pid, child->port));
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
                                          "): ", client::ReadWholeFile(log_path_)));
}

}  // namespace casefile::bench
