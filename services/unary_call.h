// RespondUnary: the shape every unary handler shares — authenticate the
// caller, hand the domain call a Reply, and finish the gRPC call with the
// reply's value or status. RespondRawUnary does the same for a raw method,
// parsing the request itself so that a text field that is not UTF-8 gets an
// error naming it (see request_parse.h).
//
// Thread-safe: the Reply may run on any thread (often the store's writer).
#ifndef CASEFILE_SERVICES_UNARY_CALL_H_
#define CASEFILE_SERVICES_UNARY_CALL_H_

#include <utility>

#include <grpcpp/grpcpp.h>

#include "core/chronology/case_chronology.h"
#include "services/grpc_status.h"
#include "services/request_parse.h"
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

// `call(const Caller&, Request, Reply<Response>)` starts the domain operation.
template <typename Request, typename Response, typename Call>
grpc::ServerUnaryReactor* RespondRawUnary(const TokenAuthenticator& auth,
                                          grpc::CallbackServerContext* context,
                                          const grpc::ByteBuffer* raw_request,
                                          grpc::ByteBuffer* raw_response, Call call) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  absl::StatusOr<Caller> caller = auth.Authenticate(*context);
  absl::StatusOr<Request> request =
      caller.ok() ? ParseRequest<Request>(*raw_request) : caller.status();
  if (!request.ok()) {
    reactor->Finish(ToGrpcStatus(request.status()));
    return reactor;
  }
  call(*caller, *std::move(request),
       Reply<Response>([reactor, raw_response](absl::StatusOr<Response> result) {
         if (!result.ok()) return reactor->Finish(ToGrpcStatus(result.status()));
         bool own_buffer = false;
         reactor->Finish(
             grpc::SerializationTraits<Response>::Serialize(*result, raw_response, &own_buffer));
       }));
  return reactor;
}

}  // namespace casefile

#endif  // CASEFILE_SERVICES_UNARY_CALL_H_
