#include "services/audit_service.h"

#include "services/unary_call.h"

namespace casefile {

grpc::ServerUnaryReactor* AuditServiceImpl::ListAuditEvents(
    grpc::CallbackServerContext* context, const v1::ListAuditEventsRequest* request,
    v1::ListAuditEventsResponse* response) {
  return RespondUnary(*auth_, context, response,
                      [&](const Caller& caller, Reply<v1::ListAuditEventsResponse> reply) {
                        reply = audit_->AfterRecording(caller, "ListAuditEvents", std::move(reply));
                        reply(audit_->List(caller, *request));
                      });
}

grpc::ServerUnaryReactor* AuditServiceImpl::VerifyAuditLog(grpc::CallbackServerContext* context,
                                                           const v1::VerifyAuditLogRequest* request,
                                                           v1::VerifyAuditLogResponse* response) {
  return RespondUnary(*auth_, context, response,
                      [&](const Caller& caller, Reply<v1::VerifyAuditLogResponse> reply) {
                        reply = audit_->AfterRecording(caller, "VerifyAuditLog", std::move(reply));
                        reply(audit_->Verify(caller));
                      });
}

}  // namespace casefile
