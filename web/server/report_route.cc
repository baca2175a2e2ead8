// casefile-web's inspection report routes (web_app.h): GET /report (the
// period form, then the report with its charts), GET /report.csv and GET
// /report.html (the same report to download, as CSV and as one printable
// file), GET /report/cases (the cases behind one figure). casefiled decides
// who may (ReportService: admins) and which cases count (need to know).
#include <string>

#include "absl/strings/numbers.h"
#include "casefile/v1/report.grpc.pb.h"
#include "core/safeguarding/report_csv.h"
#include "core/safeguarding/report_words.h"
#include "web/report_page.h"
#include "web/server/web_app.h"
#include "web/server/web_responses.h"

namespace casefile::web {
namespace {

ReportQuery QueryOf(const httplib::Request& req) {
  return {req.get_param_value("from"), req.get_param_value("to"), req.get_param_value("team")};
}

v1::GetInspectionReportRequest RequestOf(const ReportQuery& q) {
  v1::GetInspectionReportRequest request;
  request.set_from_date(q.from);
  request.set_to_date(q.to);
  request.set_team(q.team);
  return request;
}

// A number parameter, 0 when absent or not a number.
int NumberParam(const httplib::Request& req, const char* name) {
  int n = 0;
  return absl::SimpleAtoi(req.get_param_value(name), &n) ? n : 0;
}

}  // namespace

void WebApp::Report(const httplib::Request& req, httplib::Response& res, ReportFormat format) {
  Signed s = SessionOf(req);
  if (s.token.empty()) return res.set_redirect("/signin", 303);
  const ReportQuery query = QueryOf(req);
  if (query.from.empty() && query.to.empty() && format == ReportFormat::kPage)
    return res.set_content(ReportPage(Nav(s), query, nullptr, ""), kHtml);
  v1::InspectionReport report;
  grpc::Status status =
      v1::ReportService::NewStub(channel_)->GetInspectionReport(Context(s.token).get(), RequestOf(query), &report);
  if (status.error_code() == grpc::StatusCode::INVALID_ARGUMENT && format == ReportFormat::kPage) {
    res.status = 400;
    return res.set_content(ReportPage(Nav(s), query, nullptr, status.error_message()), kHtml);
  }
  if (!status.ok()) return Fail(status, s, res);
  switch (format) {
    case ReportFormat::kPage: return res.set_content(ReportPage(Nav(s), query, &report, ""), kHtml);
    case ReportFormat::kCsv:
      res.set_header("Content-Disposition", "attachment; filename=\"inspection-report.csv\"");
      return res.set_content(InspectionReportCsv(report), "text/csv; charset=utf-8");
    case ReportFormat::kFile:
      res.set_header("Content-Disposition", "attachment; filename=\"inspection-report.html\"");
      return res.set_content(ReportFile(report), kHtml);
  }
}

void WebApp::ReportCases(const httplib::Request& req, httplib::Response& res) {
  Signed s = SessionOf(req);
  if (s.token.empty()) return res.set_redirect("/signin", 303);
  const ReportQuery query = QueryOf(req);
  v1::ListReportCasesRequest request;
  request.set_from_date(query.from);
  request.set_to_date(query.to);
  request.set_team(query.team);
  request.set_measure(static_cast<v1::ReportMeasure>(NumberParam(req, "measure")));
  request.set_selection(static_cast<v1::ReportSelection>(NumberParam(req, "selection")));
  request.set_month(req.get_param_value("month"));
  request.set_officer(req.get_param_value("officer"));
  request.set_page_size(200);
  request.set_page_token(req.get_param_value("page"));
  v1::ListReportCasesResponse response;
  grpc::Status status = v1::ReportService::NewStub(channel_)->ListReportCases(Context(s.token).get(), request, &response);
  if (!status.ok()) return Fail(status, s, res);
  res.set_content(ReportCasesPage(Nav(s), query, request, response, ReportMeasureTitle(request.measure())), kHtml);
}

}  // namespace casefile::web
