// AuditServiceImpl: the gRPC adapter of casefile.v1.AuditService. Each
// handler authenticates and calls AuditTrail, which checks the role.
//
// Thread-safe.
#ifndef CASEFILE_SERVICES_AUDIT_SERVICE_H_
#define CASEFILE_SERVICES_AUDIT_SERVICE_H_

#include "casefile/v1/audit.grpc.pb.h"
#include "core/audit/audit_trail.h"
#include "services/token_authenticator.h"

namespace casefile {

class AuditServiceImpl final : public v1::AuditService::CallbackService {
 public:
  // Both must outlive the service.
  AuditServiceImpl(const TokenAuthenticator* auth, AuditTrail* audit) : auth_(auth), audit_(audit) {}

  grpc::ServerUnaryReactor* ListAuditEvents(grpc::CallbackServerContext* context,
                                            const v1::ListAuditEventsRequest* request,
                                            v1::ListAuditEventsResponse* response) override;
  grpc::ServerUnaryReactor* VerifyAuditLog(grpc::CallbackServerContext* context,
                                           const v1::VerifyAuditLogRequest* request,
                                           v1::VerifyAuditLogResponse* response) override;

 private:
  const TokenAuthenticator* const auth_;
  AuditTrail* const audit_;
};

}  // namespace casefile

#endif  // CASEFILE_SERVICES_AUDIT_SERVICE_H_
