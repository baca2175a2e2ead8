// casefile-web's import routes (web_app.h): the list of imports
// (ListImports), an import's report (GetImport) and its rejected records
// (ListRejectedRecords), drawn by web/import_pages.h. casefiled decides who
// may (operators and admins) and records each read.
#include <string>

#include "absl/strings/str_cat.h"
#include "casefile/v1/import.grpc.pb.h"
#include "web/import_pages.h"
#include "web/server/web_app.h"
#include "web/server/web_responses.h"

namespace casefile::web {
namespace {

// An import's id as casefiled makes them ("imp-000001") has the shape of a case id.
bool PlausibleImportId(const std::string& id) { return PlausibleCaseId(id); }

// Rejected records a page shows.
constexpr int kRejectedPerPage = 50;

}  // namespace

void WebApp::Imports(const httplib::Request& req, httplib::Response& res) {
  Signed s = SessionOf(req);
  if (s.token.empty()) return res.set_redirect("/signin", 303);
  v1::ListImportsRequest request;
  request.set_page_token(req.get_param_value("page"));
  v1::ListImportsResponse imports;
  grpc::Status status = v1::ImportService::NewStub(channel_)->ListImports(Context(s.token).get(), request, &imports);
  if (!status.ok()) return Fail(status, s, res);
  res.set_content(ImportsPage(Nav(s), imports), kHtml);
}

void WebApp::ImportReport(const httplib::Request& req, httplib::Response& res) {
  Signed s = SessionOf(req);
  if (s.token.empty()) return res.set_redirect("/signin", 303);
  const std::string id = req.matches[1];
  if (!PlausibleImportId(id)) return Fail(grpc::Status(grpc::StatusCode::NOT_FOUND, ""), s, res);
  v1::GetImportRequest request;
  request.set_name(absl::StrCat("imports/", id));
  v1::Import report;
  grpc::Status status = v1::ImportService::NewStub(channel_)->GetImport(Context(s.token).get(), request, &report);
  if (!status.ok()) return Fail(status, s, res);
  res.set_content(ImportReportPage(Nav(s), report), kHtml);
}

void WebApp::RejectedRecords(const httplib::Request& req, httplib::Response& res) {
  Signed s = SessionOf(req);
  if (s.token.empty()) return res.set_redirect("/signin", 303);
  const std::string id = req.matches[1];
  if (!PlausibleImportId(id)) return Fail(grpc::Status(grpc::StatusCode::NOT_FOUND, ""), s, res);
  v1::ListRejectedRecordsRequest request;
  request.set_parent(absl::StrCat("imports/", id));
  request.set_page_size(kRejectedPerPage);
  request.set_page_token(req.get_param_value("page"));
  v1::ListRejectedRecordsResponse page;
  grpc::Status status =
      v1::ImportService::NewStub(channel_)->ListRejectedRecords(Context(s.token).get(), request, &page);
  if (!status.ok()) return Fail(status, s, res);
  res.set_content(RejectedRecordsPage(Nav(s), id, page, !request.page_token().empty()), kHtml);
}

}  // namespace casefile::web
