// casefile-web's writing routes (web_app.h): the "add an entry" form and the
// write, keeping what the writer typed through every refusal (see
// web/entry_form.h for the rules).
#include <optional>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "casefile/v1/case_service.grpc.pb.h"
#include "web/case_form.h"
#include "web/form_token.h"
#include "web/record_forms/record_forms.h"
#include "web/server/web_app.h"
#include "web/server/web_responses.h"
#include "web/site_pages.h"

namespace casefile::web {
// A look like any other, recorded by casefiled with the writer's purpose.
grpc::Status WebApp::EntriesAfter(const Signed& s, const std::string& case_id, int64_t version,
                                  const std::string& purpose, std::vector<v1::Entry>& out) {
  v1::GetCaseFileRequest request;
  request.set_name(absl::StrCat("cases/", case_id));
  request.set_purpose(purpose.empty() ? "writing to the case: what others wrote meanwhile" : purpose);
  auto context = Context(s.token);
  auto reader = v1::CaseService::NewStub(channel_)->GetCaseFile(context.get(), request);
  v1::GetCaseFileResponse chunk;
  while (reader->Read(&chunk)) {
    for (v1::Entry& e : *chunk.mutable_entries()) {
      if (e.number() > version) out.push_back(std::move(e));
    }
  }
  return reader->Finish();
}

void WebApp::EntryForm(const Signed& s, const std::string& case_id, const EntryDraft& draft, EntryFormContext context,
                       int code, httplib::Response& res) {
  context.nav = Nav(s);
  context.csrf = form_tokens_.TokenFor(s.token);
  context.case_id = case_id;
  if (context.case_title.empty()) {
    v1::GetCaseRequest request;
    request.set_name(absl::StrCat("cases/", case_id));
    v1::Case c;
    if (v1::CaseService::NewStub(channel_)->GetCase(Context(s.token).get(), request, &c).ok())
      context.case_title = c.title();
  }
  res.status = code;
  res.set_content(EntryFormPage(context, draft), kHtml);
}

void WebApp::NewEntryForm(const httplib::Request& req, httplib::Response& res) {
  Signed s;
  if (!SignedForm(req, res, s)) return;
  const std::string id = req.matches[1];
  if (!PlausibleCaseId(id)) return Fail(grpc::Status(grpc::StatusCode::NOT_FOUND, ""), s, res);
  v1::GetCaseRequest request;
  request.set_name(absl::StrCat("cases/", id));
  v1::Case c;
  grpc::Status status = v1::CaseService::NewStub(channel_)->GetCase(Context(s.token).get(), request, &c);
  if (!status.ok()) return Fail(status, s, res);
  EntryDraft draft;
  draft.request_id = RandomHex32();  // one entry however often this form is sent
  draft.seen_version = absl::StrCat(c.version());
  draft.purpose = req.get_param_value("purpose");
  // A structured record's form, when one was chosen ("Or record ...").
  if (FindRecordForm(req.get_param_value("record")) != nullptr) draft.record = req.get_param_value("record");
  EntryFormContext context;
  context.case_title = c.title();
  EntryForm(s, id, draft, std::move(context), 200, res);
}

void WebApp::CorrectionForm(const httplib::Request& req, httplib::Response& res) {
  Signed s = SessionOf(req);
  if (s.token.empty()) return res.set_redirect("/signin", 303);
  const std::string id = req.matches[1];
  int64_t number = 0;
  if (!PlausibleCaseId(id) || !absl::SimpleAtoi(req.matches[2].str(), &number))
    return Fail(grpc::Status(grpc::StatusCode::NOT_FOUND, ""), s, res);
  // The entry as it stands, read as any look is (recorded, with this purpose).
  v1::GetCaseFileRequest request;
  request.set_name(absl::StrCat("cases/", id));
  request.set_purpose(absl::StrCat("correcting entry #", number));
  auto context = Context(s.token);
  auto reader = v1::CaseService::NewStub(channel_)->GetCaseFile(context.get(), request);
  v1::GetCaseFileResponse chunk;
  v1::Case header;
  std::optional<v1::Entry> entry;
  while (reader->Read(&chunk)) {
    if (chunk.has_case_()) header = std::move(*chunk.mutable_case_());
    for (v1::Entry& e : *chunk.mutable_entries()) {
      if (e.number() == number) entry = std::move(e);
    }
  }
  grpc::Status status = reader->Finish();
  if (!status.ok()) return Fail(status, s, res);
  if (!entry.has_value()) return Fail(grpc::Status(grpc::StatusCode::NOT_FOUND, ""), s, res);
  if (!entry->superseded_by().empty()) {
    res.status = 409;
    return res.set_content(MessagePage(Nav(s), "Already corrected",
                                       absl::StrCat("Entry #", number, " was corrected by ",
                                                    entry->superseded_by().substr(entry->superseded_by().rfind('/') + 1),
                                                    "; correct that entry instead.")),
                           kHtml);
  }
  EntryDraft draft = CorrectionDraft(*entry);
  draft.request_id = RandomHex32();
  draft.seen_version = absl::StrCat(header.version());
  EntryFormContext form;
  form.case_title = header.title();
  EntryForm(s, id, draft, std::move(form), 200, res);
}

void WebApp::WriteEntry(const httplib::Request& req, httplib::Response& res, const std::string& correcting) {
  const std::string id = req.matches[1];
  Signed s = SessionOf(req);
  EntryDraft draft = DraftFromForm([&](const char* name) { return req.get_param_value(name); });
  draft.correcting = correcting;  // the address says what is written, not a field
  if (!PlausibleCaseId(id)) return Fail(grpc::Status(grpc::StatusCode::NOT_FOUND, ""), s, res);
  // Signed out (or never signed in here): the draft goes through sign-in.
  if (s.token.empty()) return KeepThroughSignIn(req, res, s);
  EntryFormContext context;
  if (!CsrfOk(req, s)) {
    context.errors.push_back({"", "The form had expired. Nothing was written: check your entry and add it again."});
    return EntryForm(s, id, draft, std::move(context), 403, res);
  }
  // "Add another attendee" and the like: the form again with one more row, nothing written.
  if (!draft.record.empty() && !req.get_param_value("add-row").empty())
    return EntryForm(s, id, draft, std::move(context), 200, res);
  v1::Entry entry;
  context.errors = DraftToEntry(draft, entry, id);
  if (!context.errors.empty()) return EntryForm(s, id, draft, std::move(context), 400, res);
  int64_t seen = -1;
  if (!absl::SimpleAtoi(draft.seen_version, &seen)) seen = -1;
  auto stub = v1::CaseService::NewStub(channel_);
  v1::Entry written;
  grpc::Status status;
  if (correcting.empty()) {
    v1::AppendEntryRequest request;
    request.set_parent(absl::StrCat("cases/", id));
    request.set_request_id(draft.request_id);
    if (seen >= 0) request.set_expected_version(seen);
    *request.mutable_entry() = std::move(entry);
    status = stub->AppendEntry(Context(s.token).get(), request, &written);
  } else {
    v1::CorrectEntryRequest request;
    request.set_name(absl::StrCat("cases/", id, "/entries/", correcting));
    request.set_text(entry.text());
    request.set_reason(std::string(absl::StripAsciiWhitespace(draft.reason)));
    *request.mutable_occur_time() = entry.occur_time();
    request.set_request_id(draft.request_id);
    if (seen >= 0) request.set_expected_version(seen);
    status = stub->CorrectEntry(Context(s.token).get(), request, &written);
  }
  if (status.ok()) {
    res.set_content(EntryWrittenPage(Nav(s), form_tokens_.TokenFor(s.token), id, draft.purpose, written), kHtml);
    return;
  }
  switch (status.error_code()) {
    case grpc::StatusCode::UNAUTHENTICATED:
      return KeepThroughSignIn(req, res, s, "Your session ended while you were writing; sign in again.");
    case grpc::StatusCode::ABORTED: {
      // Someone else wrote first: show what they wrote, and take their
      // entries as seen, so that the next submit adds this one after them.
      grpc::Status shown = EntriesAfter(s, id, seen, draft.purpose, context.written_meanwhile);
      if (shown.ok() && !context.written_meanwhile.empty()) {
        draft.seen_version = absl::StrCat(context.written_meanwhile.back().number());
        context.notice = "Someone else wrote to this case while you were writing (below). Your entry is not written "
                         "yet: check it still stands, then add it after theirs.";
      } else {
        // Their entries could not be shown: the writer must look at the case first.
        draft.seen_version.clear();
        context.notice = "Someone else wrote to this case while you were writing. Your entry is not written yet: "
                         "look at the case file in another tab, then add it.";
      }
      return EntryForm(s, id, draft, std::move(context), 409, res);
    }
    case grpc::StatusCode::INVALID_ARGUMENT:
      context.errors.push_back(ServerErrorOnForm(draft, id, status.error_message()));
      return EntryForm(s, id, draft, std::move(context), 400, res);
    case grpc::StatusCode::NOT_FOUND:
      return Fail(status, s, res);
    default:
      // Refused or not answered (permission, a restart): the entry stays on screen.
      context.errors.push_back({"", absl::StrCat("Nothing was written (", status.error_message(),
                                                 "). Your entry is kept below: add it again.")});
      return EntryForm(s, id, draft, std::move(context), status.error_code() == grpc::StatusCode::PERMISSION_DENIED ? 403 : 503,
                       res);
  }
}

void WebApp::NewCaseForm(const httplib::Request& req, httplib::Response& res) {
  Signed s = SessionOf(req);
  if (s.token.empty()) return res.set_redirect("/signin", 303);
  CaseDraft draft;
  draft.request_id = RandomHex32();  // one case however often this form is sent
  res.set_content(CaseFormPage(Nav(s), form_tokens_.TokenFor(s.token), {}, draft, s.teams), kHtml);
}

void WebApp::OpenCase(const httplib::Request& req, httplib::Response& res) {
  Signed s = SessionOf(req);
  if (s.token.empty()) return res.set_redirect("/signin", 303);
  CaseDraft draft = CaseDraftFromForm([&](const std::string& name) { return req.get_param_value(name.c_str()); }, s.teams);
  std::vector<FieldError> errors;
  auto again = [&](int code) {
    res.status = code;
    res.set_content(CaseFormPage(Nav(s), form_tokens_.TokenFor(s.token), errors, draft, s.teams), kHtml);
  };
  if (!CsrfOk(req, s)) {
    errors.push_back({"", "The form had expired. Nothing was written: check the case and open it again."});
    return again(403);
  }
  v1::CreateCaseRequest request;
  errors = DraftToCase(draft, request);
  if (!errors.empty()) return again(400);
  v1::Case made;
  grpc::Status status = v1::CaseService::NewStub(channel_)->CreateCase(Context(s.token).get(), request, &made);
  if (status.ok()) return res.set_content(CaseOpenedPage(Nav(s), form_tokens_.TokenFor(s.token), made), kHtml);
  if (status.error_code() == grpc::StatusCode::UNAUTHENTICATED) return Fail(status, s, res);
  // casefiled's own refusal ("case.subjects[1].surname: ...") or no answer: the form again, as typed.
  errors.push_back({"", status.error_code() == grpc::StatusCode::INVALID_ARGUMENT
                            ? status.error_message()
                            : absl::StrCat("Nothing was written (", status.error_message(), "): open the case again.")});
  again(status.error_code() == grpc::StatusCode::INVALID_ARGUMENT ? 400 : 503);
}

}  // namespace casefile::web
