// ChildServer: a gRPC server program run as a child process of a benchmark
// (the real casefiled, or this benchmark re-run as its peer). The program
// must take --port_file=FILE and write its port there once it serves; it is
// stopped with SIGTERM.
//
// Thread-compatible.
#ifndef CASEFILE_BENCH_SUPPORT_CHILD_SERVER_H_
#define CASEFILE_BENCH_SUPPORT_CHILD_SERVER_H_

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "absl/status/statusor.h"

namespace casefile::bench {

class ChildServer {
 public:
  // Runs `argv` plus --port_file=<work_dir>/<name>.port, its stderr going to
  // <work_dir>/<name>.log, and waits (up to 30 s) until it serves.
  static absl::StatusOr<std::unique_ptr<ChildServer>> Start(const std::string& name,
                                                            const std::string& work_dir,
                                                            std::vector<std::string> argv);
  ~ChildServer();  // Stop()
  ChildServer(const ChildServer&) = delete;
  ChildServer& operator=(const ChildServer&) = delete;

  pid_t pid() const { return pid_; }
  // A channel to the server (one HTTP/2 connection).
  std::shared_ptr<grpc::Channel> channel() const { return channel_; }
  // SIGTERM, then waits (SIGKILL after 15 s); OK if it exits 0, else the
  // wait status and its log.
  absl::Status Stop();

 private:
  ChildServer(std::string name, std::string log_path, pid_t pid, int port);

  std::string name_;
  std::string log_path_;
  pid_t pid_;
  std::shared_ptr<grpc::Channel> channel_;
};

}  // namespace casefile::bench

#endif  // CASEFILE_BENCH_SUPPORT_CHILD_SERVER_H_
