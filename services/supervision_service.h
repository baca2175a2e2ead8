// SupervisionServiceImpl: the gRPC adapter of casefile.v1.SupervisionService.
// Each handler authenticates, calls the domain (CaseChronology for the
// steps written to a case, TaskingAgenda for the meeting) and maps the
// status — no rules here.
//
// Thread-safe.
#ifndef CASEFILE_SERVICES_SUPERVISION_SERVICE_H_
#define CASEFILE_SERVICES_SUPERVISION_SERVICE_H_

#include "casefile/v1/supervision_service.grpc.pb.h"
#include "core/chronology/case_chronology.h"
#include "core/chronology/tasking.h"
#include "services/token_authenticator.h"

namespace casefile {

// Raw methods, as CaseService's: text that is not UTF-8 is answered with its field.
using SupervisionServiceBase = v1::SupervisionService::WithRawCallbackMethod_RequestApproval<
    v1::SupervisionService::WithRawCallbackMethod_ApproveRequest<
        v1::SupervisionService::WithRawCallbackMethod_ReturnRequest<
            v1::SupervisionService::WithRawCallbackMethod_CloseCase<
                v1::SupervisionService::WithRawCallbackMethod_ReopenCase<
                    v1::SupervisionService::WithRawCallbackMethod_GetTasking<
                        v1::SupervisionService::WithRawCallbackMethod_MarkTaskingHeld<
                            v1::SupervisionService::CallbackService>>>>>>>;

class SupervisionServiceImpl final : public SupervisionServiceBase {
 public:
  // All must outlive the service.
  SupervisionServiceImpl(const TokenAuthenticator* auth, CaseChronology* chronology, TaskingAgenda* tasking)
      : auth_(auth), chronology_(chronology), tasking_(tasking) {}

  grpc::ServerUnaryReactor* RequestApproval(grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
                                            grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* ApproveRequest(grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
                                           grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* ReturnRequest(grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
                                          grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* CloseCase(grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
                                      grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* ReopenCase(grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
                                       grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* GetTasking(grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
                                       grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* MarkTaskingHeld(grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
                                            grpc::ByteBuffer* response) override;

 private:
  const TokenAuthenticator* const auth_;
  CaseChronology* const chronology_;
  TaskingAgenda* const tasking_;
};

}  // namespace casefile

#endif  // CASEFILE_SERVICES_SUPERVISION_SERVICE_H_
