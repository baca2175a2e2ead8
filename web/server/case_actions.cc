// casefile-web's restrict and review routes (web_app.h): the forms and the
// writes, keeping what was typed through every refusal (web/case_action_form.h).
#include <string>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "casefile/v1/case_service.grpc.pb.h"
#include "web/case_action_form.h"
#include "web/form_token.h"
#include "web/server/web_app.h"
#include "web/server/web_responses.h"
#include "web/site_pages.h"

namespace casefile::web {

grpc::Status WebApp::CaseActionContextOf(const Signed& s, const std::string& case_id, CaseActionContext& context) {
  v1::GetCaseRequest get;
  get.set_name(absl::StrCat("cases/", case_id));
  grpc::Status status = v1::CaseService::NewStub(channel_)->GetCase(Context(s.token).get(), get, &context.case_header);
  if (!status.ok()) return status;
  context.nav = Nav(s);
  context.csrf = form_tokens_.TokenFor(s.token);
  context.case_id = case_id;
  context.offered_teams = OfferedTeams(s.teams, context.case_header);
  return status;
}

void WebApp::CaseActionForm(const httplib::Request& req, httplib::Response& res, CaseAction action) {
  Signed s;
  if (!SignedForm(req, res, s)) return;
  const std::string id = req.matches[1];
  if (!PlausibleCaseId(id)) return Fail(grpc::Status(grpc::StatusCode::NOT_FOUND, ""), s, res);
  CaseActionContext context;
  if (grpc::Status status = CaseActionContextOf(s, id, context); !status.ok()) return Fail(status, s, res);
  CaseActionDraft draft = NewCaseActionDraft(action, context.case_header);
  draft.request_id = RandomHex32();  // one review however often the form is sent
  draft.purpose = req.get_param_value("purpose");
  res.set_content(CaseActionPage(context, draft), kHtml);
}

void WebApp::WriteCaseAction(const httplib::Request& req, httplib::Response& res, CaseAction action) {
  Signed s = SessionOf(req);
  // Signed out while the form was open: it goes through sign-in, kept.
  if (s.token.empty()) return KeepThroughSignIn(req, res, s);
  const std::string id = req.matches[1];
  if (!PlausibleCaseId(id)) return Fail(grpc::Status(grpc::StatusCode::NOT_FOUND, ""), s, res);
  CaseActionContext context;
  if (grpc::Status status = CaseActionContextOf(s, id, context); !status.ok()) {
    if (status.error_code() == grpc::StatusCode::UNAUTHENTICATED) return KeepThroughSignIn(req, res, s);
    return Fail(status, s, res);
  }
  auto stub = v1::CaseService::NewStub(channel_);
  grpc::Status status;
  CaseActionDraft draft = CaseActionDraftFromForm(
      action, [&](const std::string& name) { return req.get_param_value(name.c_str()); }, context.offered_teams);
  auto again = [&](int code) {
    res.status = code;
    res.set_content(CaseActionPage(context, draft), kHtml);
  };
  if (!CsrfOk(req, s)) {
    context.errors.push_back({"", "The form had expired. Nothing was changed: check the form and send it again."});
    return again(403);
  }
  int64_t seen = -1;
  if (!absl::SimpleAtoi(draft.seen_version, &seen)) seen = -1;
  v1::Case after;
  if (action == CaseAction::kRestrict) {
    v1::SetCaseRestrictionRequest request;
    context.errors = DraftToRestriction(draft, id, request);
    if (!context.errors.empty()) return again(400);
    if (seen >= 0) request.set_expected_version(seen);
    status = stub->SetCaseRestriction(Context(s.token).get(), request, &after);
  } else {
    v1::ReviewCaseRequest request;
    context.errors = DraftToReview(draft, id, request);
    if (!context.errors.empty()) return again(400);
    if (seen >= 0) request.set_expected_version(seen);
    status = stub->ReviewCase(Context(s.token).get(), request, &after);
  }
  if (status.ok())
    return res.set_content(CaseActionDonePage(Nav(s), context.csrf, draft.purpose, action, after), kHtml);
  switch (status.error_code()) {
    case grpc::StatusCode::ABORTED: {
      // Someone wrote first: show what, and take it as seen for the next submit.
      grpc::Status shown = EntriesAfter(s, id, seen, draft.purpose, context.written_meanwhile);
      draft.seen_version = shown.ok() ? absl::StrCat(context.case_header.version()) : "";
      context.notice = "Someone else wrote to this case while you had this form open (below, when it could be shown). "
                       "Nothing is changed yet: check your choice still stands, then send it again.";
      return again(409);
    }
    case grpc::StatusCode::INVALID_ARGUMENT:
      context.errors.push_back(CaseActionServerError(action, status.error_message()));
      return again(400);
    case grpc::StatusCode::UNAUTHENTICATED:
      return KeepThroughSignIn(req, res, s);
    case grpc::StatusCode::NOT_FOUND:
      return Fail(status, s, res);
    default:
      context.errors.push_back(
          {"", absl::StrCat("Nothing was changed (", status.error_message(), "). Your form is kept below: send it again.")});
      return again(status.error_code() == grpc::StatusCode::PERMISSION_DENIED ? 403 : 503);
  }
}

}  // namespace casefile::web
