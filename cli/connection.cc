#include "cli/connection.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/session_file.h"
#include "cli/terminal_safe.h"

namespace casefile::cli {
namespace {

// An unreadable file gives empty credentials: every call then fails with
// UNAVAILABLE, which names only the server; say which file first.
std::string ReadPem(const std::string& path, const char* flag) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream pem;
  pem << in.rdbuf();
  if (!in || pem.str().empty()) std::cerr << "casefile: cannot read " << flag << " '" << path << "'\n";
  return pem.str();
}

}  // namespace

absl::Status Connection::CheckCredentials(const Args& args) {
  for (char c : args.Get("token")) {
    if (c < 0x21 || c > 0x7e)
      return absl::InvalidArgumentError("--token (CASEFILE_TOKEN): only printable characters, no spaces");
  }
  if (args.Get("cert").empty() != args.Get("key").empty())
    return absl::InvalidArgumentError("--cert and --key (CASEFILE_CERT, CASEFILE_KEY): give both, or neither");
  return absl::OkStatus();
}

Connection::Connection(const Args& args)
    : server_(args.Get("server", kDefaultServer)),
      token_(args.Get("token")) {
  grpc::ChannelArguments channel_args;
  channel_args.SetMaxReceiveMessageSize(16 << 20);
  std::shared_ptr<grpc::ChannelCredentials> credentials = grpc::InsecureChannelCredentials();
  if (std::string ca = args.Get("ca"); !ca.empty()) {
    grpc::SslCredentialsOptions ssl;
    ssl.pem_root_certs = ReadPem(ca, "--ca");
    if (std::string cert = args.Get("cert"); !cert.empty()) {
      ssl.pem_cert_chain = ReadPem(cert, "--cert");
      ssl.pem_private_key = ReadPem(args.Get("key"), "--key");
    }
    credentials = grpc::SslCredentials(ssl);
  }
  channel_ = grpc::CreateCustomChannel(server_, credentials, channel_args);
  if (!token_.empty()) return;
  // No token given: the session of `casefile login`, if it is for this server.
  absl::StatusOr<std::string> path = SessionFilePath();
  absl::StatusOr<StoredSession> session = path.ok() ? LoadSession(*path) : path.status();
  if (session.ok() && session->server == server_) {
    token_ = session->token;
    uses_session_ = true;
  } else if (session.ok()) {
    std::cerr << "casefile: the session of 'casefile login' is for server " << TerminalSafe(session->server)
              << ", not " << TerminalSafe(server_) << ": not used\n";
  } else if (absl::IsFailedPrecondition(session.status())) {
    std::cerr << "casefile: " << TerminalSafe(session.status().message()) << "\n";
  }
}

std::unique_ptr<grpc::ClientContext> Connection::NewContext() const {
  auto context = std::make_unique<grpc::ClientContext>();
  if (!token_.empty()) context->AddMetadata("authorization", "Bearer " + token_);
  return context;
}

}  // namespace casefile::cli
