// ReportServiceImpl: the gRPC adapter of casefile.v1.ReportService. Each
// handler authenticates and calls InspectionReports; every report and every
// list of cases behind a figure is audited.
//
// Thread-safe.
#ifndef CASEFILE_SERVICES_REPORT_SERVICE_H_
#define CASEFILE_SERVICES_REPORT_SERVICE_H_

#include "casefile/v1/report.grpc.pb.h"
#include "core/audit/audit_trail.h"
#include "core/safeguarding/inspection_report.h"
#include "services/token_authenticator.h"

namespace casefile {

class ReportServiceImpl final : public v1::ReportService::CallbackService {
 public:
  // All must outlive the service.
  ReportServiceImpl(const TokenAuthenticator* auth, const InspectionReports* reports, AuditTrail* audit)
      : auth_(auth), reports_(reports), audit_(audit) {}

  grpc::ServerUnaryReactor* GetInspectionReport(grpc::CallbackServerContext* context,
                                                const v1::GetInspectionReportRequest* request,
                                                v1::InspectionReport* response) override;
  grpc::ServerUnaryReactor* ListReportCases(grpc::CallbackServerContext* context,
                                            const v1::ListReportCasesRequest* request,
                                            v1::ListReportCasesResponse* response) override;

 private:
  const TokenAuthenticator* const auth_;
  const InspectionReports* const reports_;
  AuditTrail* const audit_;
};

}  // namespace casefile

#endif  // CASEFILE_SERVICES_REPORT_SERVICE_H_
