// casefile-web's supervision routes (web_app.h): the forms of
// web/supervision_form.h and their writes to SupervisionService, keeping what
// was typed through every refusal.
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "casefile/v1/case_service.grpc.pb.h"
#include "casefile/v1/supervision_service.grpc.pb.h"
#include "web/form_token.h"
#include "web/server/web_app.h"
#include "web/server/web_responses.h"
#include "web/site_pages.h"
#include "web/supervision_form.h"

namespace casefile::web {
namespace {

// The step's request, as casefiled takes it, sent with the version seen.
template <typename Request>
Request StepRequest(const SupervisionDraft& d, int64_t seen) {
  Request request;
  request.set_request_id(d.request_id);
  if (seen >= 0) request.set_expected_version(seen);
  return request;
}

// The text of approval request #`entry` of case `case_name` (what the
// supervisor decides on), read as any look is: recorded, with the reader's
// purpose or, from a waiting request's link, "deciding approval request #N".
// Only the case's approval requests are read. "" when it cannot be read.
std::string RequestText(v1::CaseService::Stub& stub, std::unique_ptr<grpc::ClientContext> context,
                        const std::string& case_name, const SupervisionDraft& draft) {
  v1::GetCaseFileRequest request;
  request.set_name(case_name);
  request.set_purpose(draft.purpose.empty() ? absl::StrCat("deciding approval request #", draft.entry) : draft.purpose);
  request.set_order(v1::GetCaseFileRequest::ORDER_OCCURRED);  // which the kind filter needs
  request.add_kinds(v1::ENTRY_KIND_APPROVAL_REQUEST);
  auto reader = stub.GetCaseFile(context.get(), request);
  v1::GetCaseFileResponse chunk;
  std::string text;
  while (reader->Read(&chunk)) {
    for (v1::Entry& e : *chunk.mutable_entries())
      if (absl::StrCat(e.number()) == draft.entry) text = std::move(*e.mutable_text());
  }
  return reader->Finish().ok() ? text : "";
}

}  // namespace

void WebApp::SupervisionForm(const httplib::Request& req, httplib::Response& res) {
  Signed s;
  if (req.method == "POST") {
    if (!SignedForm(req, res, s)) return;
  } else {
    s = SessionOf(req);
    if (s.token.empty()) return res.set_redirect("/signin", 303);
  }
  const std::string id = req.matches[1];
  SupervisionDraft draft;
  if (!PlausibleCaseId(id) ||
      !SupervisionDraftFromParams([&](const std::string& name) { return req.get_param_value(name.c_str()); }, draft))
    return Fail(grpc::Status(grpc::StatusCode::NOT_FOUND, ""), s, res);
  draft.request_id = RandomHex32();  // one step however often the form is sent
  draft.seen_version.clear();       // the case's version as the form is drawn
  SupervisionFormWithCase(s, id, draft, "", res);
}

void WebApp::SupervisionFormWithCase(const Signed& s, const std::string& case_id, SupervisionDraft draft,
                                     const std::string& notice, httplib::Response& res) {
  SupervisionFormContext context;
  v1::GetCaseRequest get;
  get.set_name(absl::StrCat("cases/", case_id));
  grpc::Status status = v1::CaseService::NewStub(channel_)->GetCase(Context(s.token).get(), get, &context.case_header);
  if (!status.ok()) return Fail(status, s, res);
  context.nav = Nav(s);
  context.csrf = form_tokens_.TokenFor(s.token);
  context.case_id = case_id;
  context.notice = notice;
  if (draft.seen_version.empty()) draft.seen_version = absl::StrCat(context.case_header.version());
  if (draft.step == SupervisionStep::kDecide)
    context.request_text = RequestText(*v1::CaseService::NewStub(channel_), Context(s.token), get.name(), draft);
  res.set_content(SupervisionFormPage(context, draft), kHtml);
}

void WebApp::WriteSupervisionStep(const httplib::Request& req, httplib::Response& res) {
  Signed s = SessionOf(req);
  // Signed out while the form was open: it goes through sign-in, kept.
  if (s.token.empty()) return KeepThroughSignIn(req, res, s);
  const std::string id = req.matches[1];
  SupervisionDraft draft;
  if (!PlausibleCaseId(id) ||
      !SupervisionDraftFromParams([&](const std::string& name) { return req.get_param_value(name.c_str()); }, draft))
    return Fail(grpc::Status(grpc::StatusCode::NOT_FOUND, ""), s, res);
  SupervisionFormContext context;
  context.nav = Nav(s);
  context.csrf = form_tokens_.TokenFor(s.token);
  context.case_id = id;
  context.case_header.set_name(absl::StrCat("cases/", id));
  auto again = [&](int code) {
    // The request decided on stays in sight through every refusal.
    if (draft.step == SupervisionStep::kDecide)
      context.request_text = RequestText(*v1::CaseService::NewStub(channel_), Context(s.token),
                                         context.case_header.name(), draft);
    res.status = code;
    res.set_content(SupervisionFormPage(context, draft), kHtml);
  };
  if (!CsrfOk(req, s)) {
    context.errors.push_back({"", "The form had expired. Nothing was written: check the form and send it again."});
    return again(403);
  }
  context.errors = CheckSupervisionDraft(draft);
  if (!context.errors.empty()) return again(400);
  int64_t seen = -1;
  if (!absl::SimpleAtoi(draft.seen_version, &seen)) seen = -1;
  const std::string case_name = absl::StrCat("cases/", id);
  const std::string entry_name = absl::StrCat(case_name, "/entries/", draft.entry);
  auto stub = v1::SupervisionService::NewStub(channel_);
  v1::Entry written;
  v1::Case after;
  grpc::Status status;
  using Stub = v1::SupervisionService::Stub;
  // A decision names the request's entry and a state change the case; both carry the text.
  auto send = [&](auto request, auto rpc, auto& response) {
    if constexpr (requires { request.set_comment(""); }) {
      request.set_name(entry_name);
      request.set_comment(draft.text);
    } else {
      request.set_name(case_name);
      request.set_reason(draft.text);
    }
    return ((*stub).*rpc)(Context(s.token).get(), request, &response);
  };
  switch (draft.step) {
    case SupervisionStep::kAsk: {
      auto request = StepRequest<v1::RequestApprovalRequest>(draft, seen);
      request.set_parent(case_name);
      request.set_subject(draft.entry.empty() ? "closure" : entry_name);
      request.set_note(draft.text);
      status = stub->RequestApproval(Context(s.token).get(), request, &written);
      break;
    }
    case SupervisionStep::kDecide:
      status = draft.decision == "approve"
                   ? send(StepRequest<v1::ApproveRequestRequest>(draft, seen), &Stub::ApproveRequest, written)
                   : send(StepRequest<v1::ReturnRequestRequest>(draft, seen), &Stub::ReturnRequest, written);
      break;
    case SupervisionStep::kClose:
      status = send(StepRequest<v1::CloseCaseRequest>(draft, seen), &Stub::CloseCase, after);
      break;
    case SupervisionStep::kReopen:
      status = send(StepRequest<v1::ReopenCaseRequest>(draft, seen), &Stub::ReopenCase, after);
      break;
  }
  if (status.ok()) {
    if (!after.name().empty()) {
      written.set_number(after.version());
      written.set_text(absl::StrCat(id, " is now ", after.state() == v1::CASE_STATE_CLOSED ? "closed" : "reopened",
                                    ".\n\n", draft.text));
    }
    return res.set_content(SupervisionDonePage(Nav(s), context.csrf, draft, id, written), kHtml);
  }
  switch (status.error_code()) {
    case grpc::StatusCode::ABORTED: {
      // Someone wrote first: show what, and take it as seen for the next submit.
      grpc::Status shown = EntriesAfter(s, id, seen, draft.purpose, context.written_meanwhile);
      if (shown.ok() && !context.written_meanwhile.empty())
        draft.seen_version = absl::StrCat(context.written_meanwhile.back().number());
      context.notice = "Someone else wrote to this case while you had this form open (below, when it could be shown). "
                       "Nothing is written yet: check your text still stands, then send it again.";
      return again(409);
    }
    case grpc::StatusCode::INVALID_ARGUMENT:
    case grpc::StatusCode::FAILED_PRECONDITION:
    case grpc::StatusCode::PERMISSION_DENIED:
      context.errors.push_back(SupervisionServerError(status.error_message()));
      return again(status.error_code() == grpc::StatusCode::PERMISSION_DENIED ? 403 : 400);
    case grpc::StatusCode::UNAUTHENTICATED:
      return KeepThroughSignIn(req, res, s);
    case grpc::StatusCode::NOT_FOUND:
      return Fail(status, s, res);
    default:
      context.errors.push_back(
          {"", absl::StrCat("Nothing was written (", status.error_message(), "). Your form is kept below: send it again.")});
      return again(503);
  }
}

}  // namespace casefile::web
