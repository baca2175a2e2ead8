// A server binary started as a child process, the way the end-to-end tests
// and the benchmarks run the real casefiled (or a peer): fork + exec with its
// stdout and stderr appended to a log, then wait until it writes its port
// file, which a server does only once it is serving.
//
// Thread-compatible: plain functions.
#ifndef CASEFILE_CLIENT_SERVER_CHILD_H_
#define CASEFILE_CLIENT_SERVER_CHILD_H_

#include <sys/types.h>

#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace casefile::client {

struct ServerChildOptions {
  std::string port_file;  // passed as --port_file=...; removed first
  std::string log_path;   // the child's stdout and stderr, appended
  // Killed when the thread that started it ends (a benchmark that dies
  // must not leave servers behind).
  bool die_with_parent = false;
};

struct ServerChild {
  pid_t pid = 0;
  int port = 0;
};

// InternalError with the log when the child exits before serving;
// DeadlineExceeded (the child killed) when it does not serve within 30 s.
absl::StatusOr<ServerChild> StartServerChild(std::vector<std::string> argv, const ServerChildOptions& options);

// The whole file, or "" when it cannot be read.
std::string ReadWholeFile(const std::string& path);

}  // namespace casefile::client

#endif  // CASEFILE_CLIENT_SERVER_CHILD_H_
