#include "services/report_service.h"

#include "services/unary_call.h"

namespace casefile {

grpc::ServerUnaryReactor* ReportServiceImpl::GetInspectionReport(grpc::CallbackServerContext* context,
                                                                 const v1::GetInspectionReportRequest* request,
                                                                 v1::InspectionReport* response) {
  return RespondUnary(*auth_, context, response, [&](const Caller& caller, Reply<v1::InspectionReport> reply) {
    reply = audit_->AfterRecording(caller, "GetInspectionReport", std::move(reply));
    reply(reports_->Report(caller, *request));
  });
}

grpc::ServerUnaryReactor* ReportServiceImpl::ListReportCases(grpc::CallbackServerContext* context,
                                                             const v1::ListReportCasesRequest* request,
                                                             v1::ListReportCasesResponse* response) {
  return RespondUnary(*auth_, context, response,
                      [&](const Caller& caller, Reply<v1::ListReportCasesResponse> reply) {
                        reply = audit_->AfterRecording(caller, "ListReportCases", std::move(reply));
                        reply(reports_->ListCases(caller, *request));
                      });
}

}  // namespace casefile
