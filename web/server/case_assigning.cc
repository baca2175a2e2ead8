// casefile-web's assign route (web_app.h): POST /cases/{id}/assign sends the
// case page's form to AssignCase with its request id and the version the
// assigner saw; every refusal shows the form again as typed, under a GOV.UK
// error summary (web/assign_form.h).
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "casefile/v1/case_service.grpc.pb.h"
#include "web/assign_form.h"
#include "web/server/web_app.h"
#include "web/server/web_responses.h"
#include "web/site_pages.h"

namespace casefile::web {

bool WebApp::Signed::MayAssign(const v1::Case& c) const {
  if (role == "admin" || role.empty()) return true;  // unknown here: casefiled decides
  return MayWrite() && !c.team().empty() && std::find(teams.begin(), teams.end(), c.team()) != teams.end();
}

void WebApp::AssignCase(const httplib::Request& req, httplib::Response& res) {
  Signed s = SessionOf(req);
  // Signed out while the form was open: it goes through sign-in, kept.
  if (s.token.empty()) return KeepThroughSignIn(req, res, s);
  const std::string id = req.matches[1];
  if (!PlausibleCaseId(id)) return Fail(grpc::Status(grpc::StatusCode::NOT_FOUND, ""), s, res);
  AssignDraft draft = AssignDraftFromForm([&](const std::string& name) { return req.get_param_value(name.c_str()); });
  auto stub = v1::CaseService::NewStub(channel_);
  // The form again, as typed, under the case as it is now.
  auto again = [&](int code, const std::vector<FieldError>& errors, const std::string& notice,
                   const std::vector<v1::Entry>& written_meanwhile = {}) {
    v1::GetCaseRequest get;
    get.set_name(absl::StrCat("cases/", id));
    v1::Case now;
    grpc::Status status = stub->GetCase(Context(s.token).get(), get, &now);
    if (status.error_code() == grpc::StatusCode::UNAUTHENTICATED) return KeepThroughSignIn(req, res, s);
    if (!status.ok()) return Fail(status, s, res);
    if (!notice.empty()) draft.seen_version = absl::StrCat(now.version());  // the next submit follows what was written
    res.status = code;
    res.set_content(
        AssignFormPage(Nav(s), form_tokens_.TokenFor(s.token), now, errors, draft, notice, written_meanwhile), kHtml);
  };
  if (!CsrfOk(req, s))
    return again(403, {{"", "The form had expired. Nothing was changed: check it and assign again."}}, "");
  v1::AssignCaseRequest request;
  std::vector<FieldError> errors = DraftToAssignment(draft, id, request);
  if (!errors.empty()) return again(400, errors, "");
  v1::Case assigned;
  grpc::Status status = stub->AssignCase(Context(s.token).get(), request, &assigned);
  if (status.ok()) return res.set_content(CaseAssignedPage(Nav(s), assigned), kHtml);
  switch (status.error_code()) {
    case grpc::StatusCode::UNAUTHENTICATED:
      return KeepThroughSignIn(req, res, s);
    case grpc::StatusCode::NOT_FOUND:
      return Fail(status, s, res);
    case grpc::StatusCode::ABORTED: {
      // Someone wrote first: show what (a look recorded like any other).
      std::vector<v1::Entry> meanwhile;
      EntriesAfter(s, id, request.expected_version(), "", meanwhile);
      return again(409, {{"", "Someone else wrote to this case since you opened it. Nothing was changed."}},
                   "Check who the case is with now (above) and what was written (below), then assign it again.",
                   meanwhile);
    }
    case grpc::StatusCode::INVALID_ARGUMENT:
      return again(400, {AssignErrorOf(status.error_message())}, "");
    case grpc::StatusCode::PERMISSION_DENIED:
      return again(403, {{"", status.error_message()}}, "");
    default:
      return again(503, {{"", absl::StrCat("Nothing was changed (", status.error_message(), "): assign again.")}}, "");
  }
}

}  // namespace casefile::web
