#include "cli/connection.h"

#include <cstdlib>

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
  channel_ = grpc::CreateCustomChannel(server_, grpc::InsecureChannelCredentials(), channel_args);
}

std::unique_ptr<grpc::ClientContext> Connection::NewContext() const {
  auto context = std::make_unique<grpc::ClientContext>();
  if (!token_.empty()) context->AddMetadata("authorization", "Bearer " + token_);
  return context;
}

}  // namespace casefile::cli
