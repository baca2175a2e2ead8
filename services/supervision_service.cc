#include "services/supervision_service.h"

#include "services/unary_call.h"

namespace casefile {

// Each step goes straight to CaseChronology's method of the same name.
#define CASEFILE_SUPERVISION_STEP(Method, Request, Response)                                                 \
  grpc::ServerUnaryReactor* SupervisionServiceImpl::Method(                                                  \
      grpc::CallbackServerContext* context, const grpc::ByteBuffer* request, grpc::ByteBuffer* response) {   \
    return RespondRawUnary<v1::Request, v1::Response>(                                                       \
        *auth_, context, request, response,                                                                  \
        [this](const Caller& caller, v1::Request request, Reply<v1::Response> reply) {                       \
          chronology_->Method(caller, std::move(request), std::move(reply));                                 \
        });                                                                                                  \
  }

CASEFILE_SUPERVISION_STEP(RequestApproval, RequestApprovalRequest, Entry)
CASEFILE_SUPERVISION_STEP(ApproveRequest, ApproveRequestRequest, Entry)
CASEFILE_SUPERVISION_STEP(ReturnRequest, ReturnRequestRequest, Entry)
CASEFILE_SUPERVISION_STEP(CloseCase, CloseCaseRequest, Case)
CASEFILE_SUPERVISION_STEP(ReopenCase, ReopenCaseRequest, Case)
#undef CASEFILE_SUPERVISION_STEP

grpc::ServerUnaryReactor* SupervisionServiceImpl::GetTasking(grpc::CallbackServerContext* context,
                                                             const grpc::ByteBuffer* request,
                                                             grpc::ByteBuffer* response) {
  return RespondRawUnary<v1::GetTaskingRequest, v1::Tasking>(
      *auth_, context, request, response,
      [this](const Caller& caller, v1::GetTaskingRequest request, Reply<v1::Tasking> reply) {
        tasking_->Get(caller, request, std::move(reply));
      });
}

grpc::ServerUnaryReactor* SupervisionServiceImpl::MarkTaskingHeld(grpc::CallbackServerContext* context,
                                                                  const grpc::ByteBuffer* request,
                                                                  grpc::ByteBuffer* response) {
  return RespondRawUnary<v1::MarkTaskingHeldRequest, v1::Tasking>(
      *auth_, context, request, response,
      [this](const Caller& caller, v1::MarkTaskingHeldRequest request, Reply<v1::Tasking> reply) {
        tasking_->MarkHeld(caller, request, std::move(reply));
      });
}

}  // namespace casefile
