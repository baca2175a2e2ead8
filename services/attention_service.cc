#include "services/attention_service.h"

#include "services/attention_watch_reactor.h"
#include "services/grpc_status.h"
#include "services/unary_call.h"

namespace casefile {

grpc::ServerUnaryReactor* AttentionServiceImpl::ListAttentionItems(
    grpc::CallbackServerContext* context, const v1::ListAttentionItemsRequest* request,
    v1::ListAttentionItemsResponse* response) {
  return RespondUnary(*auth_, context, response,
                      [&](const Caller& caller, Reply<v1::ListAttentionItemsResponse> reply) {
                        reply = audit_->AfterRecording(caller, "ListAttentionItems", std::move(reply));
                        reply(lists_->List(caller, *request));
                      });
}

grpc::ServerWriteReactor<v1::WatchAttentionResponse>* AttentionServiceImpl::WatchAttention(
    grpc::CallbackServerContext* context, const v1::WatchAttentionRequest* request) {
  auto* reactor = new AttentionWatchReactor(lists_, feed_, audit_);
  absl::StatusOr<Caller> caller = auth_->Authenticate(*context);
  absl::Status allowed = caller.ok() ? lists_->CheckWatch(*caller, *request) : caller.status();
  if (!allowed.ok()) {
    reactor->Fail(ToGrpcStatus(allowed));
    return reactor;
  }
  reactor->EndWithSession(auth_->SessionCheck(*context));
  reactor->Begin(*std::move(caller), *request);
  return reactor;
}

}  // namespace casefile
