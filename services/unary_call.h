// RespondUnary: the shape every unary handler shares — authenticate the
// caller, hand the domain call a Reply, and finish the gRPC call with the
// reply's value or status.
//
// Thread-safe: the Reply may run on any thread (often the store's writer).
#ifndef CASEFILE_SERVICES_UNARY_CALL_H_
#define CASEFILE_SERVICES_UNARY_CALL_H_

#include <utility>

#include <grpcpp/grpcpp.h>

#include "core/case_chronology.h"
#include "services/grpc_status.h"
#include "services/token_authenticator.h"

namespace casefile {

// `call(const Caller&, Reply<Response>)` starts the domain operation.
template <typename Response, typename Call>
grpc::ServerUnaryReactor* RespondUnary(const TokenAuthenticator& auth,
                                       grpc::CallbackServerContext* context, Response* response,
                                       Call call) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  absl::StatusOr<Caller> caller = auth.Authenticate(*context);
  if (!caller.ok()) {
    reactor->Finish(ToGrpcStatus(caller.status()));
    return reactor;
  }
  call(*caller, Reply<Response>([reactor, response](absl::StatusOr<Response> result) {
         if (result.ok()) *response = *std::move(result);
         reactor->Finish(ToGrpcStatus(result.status()));
       }));
  return reactor;
}

}  // namespace casefile

#endif  // CASEFILE_SERVICES_UNARY_CALL_H_
