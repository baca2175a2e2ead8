#include "cli/connection.h"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

namespace casefile::cli {
namespace {

std::string FromFlagOrEnv(const Args& args, const char* flag, const char* env,
                          const char* fallback) {
  if (args.Has(flag)) return args.Get(flag);
  const char* value = std::getenv(env);
  return value != nullptr && *value != '\0' ? value : fallback;
}

}  // namespace

Connection::Connection(const Args& args)
    : server_(FromFlagOrEnv(args, "server", "CASEFILE_SERVER", kDefaultServer)),
      token_(FromFlagOrEnv(args, "token", "CASEFILE_TOKEN", "")) {
  grpc::ChannelArguments channel_args;
  channel_args.SetMaxReceiveMessageSize(16 << 20);
  std::shared_ptr<grpc::ChannelCredentials> credentials = grpc::InsecureChannelCredentials();
  if (std::string ca = FromFlagOrEnv(args, "ca", "CASEFILE_CA", ""); !ca.empty()) {
    std::ifstream in(ca, std::ios::binary);
    std::stringstream pem;
    pem << in.rdbuf();
    // An unreadable file gives an empty root set: every call then fails with
    // UNAVAILABLE, which names the server; say which file first.
    if (!in || pem.str().empty()) std::cerr << "casefile: cannot read --ca " << ca << "\n";
    credentials = grpc::SslCredentials({.pem_root_certs = pem.str()});
  }
  channel_ = grpc::CreateCustomChannel(server_, credentials, channel_args);
}

std::unique_ptr<grpc::ClientContext> Connection::NewContext() const {
  auto context = std::make_unique<grpc::ClientContext>();
  if (!token_.empty()) context->AddMetadata("authorization", "Bearer " + token_);
  return context;
}

}  // namespace casefile::cli
