// Connection: the channel and credentials of one `casefile` invocation, from
// the global options --server, --token, --ca, --cert and --key (or their
// environment variables, CASEFILE_SERVER, ...: cli/command_line.cc). Without a
// token, the session `casefile login` kept (cli/session_file.h) for the same
// server.
//
// Thread-compatible.
#ifndef CASEFILE_CLI_CONNECTION_H_
#define CASEFILE_CLI_CONNECTION_H_

#include <memory>
#include <string>

#include <grpcpp/grpcpp.h>

#include "cli/command_line.h"

namespace casefile::cli {

class Connection {
 public:
  // InvalidArgument naming --token when it holds a space or control
  // character (gRPC would abort on such a header), or naming --cert/--key
  // when only one of them is given.
  static absl::Status CheckCredentials(const Args& args);
  explicit Connection(const Args& args);

  const std::shared_ptr<grpc::Channel>& channel() const { return channel_; }
  // A context carrying the bearer token, for one call.
  std::unique_ptr<grpc::ClientContext> NewContext() const;
  const std::string& server() const { return server_; }
  // Whether the token is the session `casefile login` kept.
  bool uses_session() const { return uses_session_; }

 private:
  std::string server_;
  std::string token_;
  bool uses_session_ = false;
  std::shared_ptr<grpc::Channel> channel_;
};

}  // namespace casefile::cli

#endif  // CASEFILE_CLI_CONNECTION_H_
