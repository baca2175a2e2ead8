// casefile-web's way back from the sign-in page (web_app.h): a form sent
// while its writer was signed out is shown again as typed, on its own page,
// ready to send (web/kept_form.h). Which form it is follows from where it
// was sent; anywhere else, the home page.
#include <regex>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "casefile/v1/case_service.grpc.pb.h"
#include "web/assign_form.h"
#include "web/server/web_app.h"
#include "web/server/web_responses.h"
#include "web/site_pages.h"
#include "web/supervision_form.h"

namespace casefile::web {
namespace {

constexpr char kKeptNotice[] =
    "You were signed out while you were writing. What you typed is below, not sent yet: check it and send it.";

}  // namespace

void WebApp::ShowKeptForm(const Signed& s, const KeptForm& form, httplib::Response& res) {
  static const std::regex kEntry(R"(/cases/([^/]+)/entries(?:/([0-9]{1,18})/correct)?)");
  static const std::regex kCaseForm(R"(/cases/([^/]+)/(restrict|review|assign))");
  static const std::regex kSupervision(R"(/cases/([^/]+)/supervision)");
  static const std::regex kReviewDecision(R"(/review/([^/]+))");
  auto field = [&form](const std::string& name) { return KeptField(form, name); };
  std::smatch m;
  if (std::regex_match(form.path, m, kEntry) && PlausibleCaseId(m[1].str())) {
    EntryDraft draft = DraftFromForm([&](const char* name) { return field(name); });
    draft.correcting = m[2];  // the address says what is written, not a field
    EntryFormContext context;
    context.notice = kKeptNotice;
    return EntryForm(s, m[1].str(), draft, std::move(context), 200, res);
  }
  SupervisionDraft step;
  if (std::regex_match(form.path, m, kSupervision) && PlausibleCaseId(m[1].str()) &&
      SupervisionDraftFromParams(field, step))
    return SupervisionFormWithCase(s, m[1].str(), step, kKeptNotice, res);
  if (std::regex_match(form.path, m, kReviewDecision) && PlausibleCaseId(m[1].str())) {
    ReviewItemPageContext context;
    context.notice = kKeptNotice;
    return ReviewItemWithDraft(s, m[1].str(), std::move(context), ReviewDraftFromParams(field), 200, res);
  }
  if (!std::regex_match(form.path, m, kCaseForm) || !PlausibleCaseId(m[1].str())) return res.set_redirect("/", 303);
  const std::string id = m[1];
  if (m[2] == "assign") {
    v1::GetCaseRequest get;
    get.set_name(absl::StrCat("cases/", id));
    v1::Case now;
    grpc::Status status = v1::CaseService::NewStub(channel_)->GetCase(Context(s.token).get(), get, &now);
    if (!status.ok()) return Fail(status, s, res);
    return res.set_content(
        AssignFormPage(Nav(s), form_tokens_.TokenFor(s.token), now, {}, AssignDraftFromForm(field), kKeptNotice), kHtml);
  }
  const CaseAction action = m[2] == "restrict" ? CaseAction::kRestrict : CaseAction::kReview;
  CaseActionContext context;
  if (grpc::Status status = CaseActionContextOf(s, id, context); !status.ok()) return Fail(status, s, res);
  context.notice = kKeptNotice;
  res.set_content(CaseActionPage(context, CaseActionDraftFromForm(action, field, context.offered_teams)), kHtml);
}

}  // namespace casefile::web
