#include "web/supervision_form.h"

#include <tuple>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "web/entry_form.h"
#include "web/html_escape.h"
#include "web/site_pages.h"

namespace casefile::web {
namespace {

std::string FormPath(const std::string& case_id) { return absl::StrCat("/cases/", case_id, "/supervision"); }

// The heading, the text's label and the button of each step.
struct StepWords {
  std::string heading, label, button;
};
StepWords WordsOf(const SupervisionDraft& d, const std::string& case_id) {
  switch (d.step) {
    case SupervisionStep::kAsk:
      return {d.entry.empty() ? absl::StrCat("Ask approval to close ", case_id)
                              : absl::StrCat("Ask for approval of entry #", d.entry),
              "What should the supervisor know?", "Ask for approval"};
    case SupervisionStep::kDecide:
      return {absl::StrCat("Approve or return request #", d.entry), "Your comment", "Record the decision"};
    case SupervisionStep::kClose:
      return {absl::StrCat("Close ", case_id), "Why is the case closed?", "Close the case"};
    case SupervisionStep::kReopen:
      return {absl::StrCat("Reopen ", case_id), "Why is the case reopened?", "Reopen the case"};
  }
  return {};
}

}  // namespace

std::string StepWord(SupervisionStep step) {
  switch (step) {
    case SupervisionStep::kAsk: return "ask";
    case SupervisionStep::kDecide: return "decide";
    case SupervisionStep::kClose: return "close";
    case SupervisionStep::kReopen: return "reopen";
  }
  return "";
}

bool SupervisionDraftFromParams(absl::FunctionRef<std::string(const std::string&)> param, SupervisionDraft& draft) {
  const std::string step = param("step");
  bool known = false;
  for (SupervisionStep s : {SupervisionStep::kAsk, SupervisionStep::kDecide, SupervisionStep::kClose,
                            SupervisionStep::kReopen}) {
    if (StepWord(s) == step) {
      draft.step = s;
      known = true;
    }
  }
  draft.entry = Trimmed(param("entry"));
  for (char c : draft.entry) {
    if (c < '0' || c > '9' || draft.entry.size() > 18) return false;
  }
  if (draft.step == SupervisionStep::kDecide && draft.entry.empty()) return false;
  draft.decision = param("decision");
  draft.text = LfNewLines(param("text"));
  draft.request_id = param("request_id");
  draft.seen_version = param("seen_version");
  draft.purpose = param("purpose");
  return known;
}

std::vector<FieldError> CheckSupervisionDraft(const SupervisionDraft& draft) {
  std::vector<FieldError> errors;
  if (draft.step == SupervisionStep::kDecide && draft.decision != "approve" && draft.decision != "return")
    errors.push_back({"decision", "Choose approve or return"});
  if (Trimmed(draft.text).empty())
    errors.push_back({"text", draft.step == SupervisionStep::kDecide ? "Enter your comment"
                              : draft.step == SupervisionStep::kAsk  ? "Enter what the supervisor should know"
                                                                      : "Enter the reason"});
  return errors;
}

FieldError SupervisionServerError(const std::string& message) {
  for (const char* field : {"note: ", "comment: ", "reason: "}) {
    if (absl::StartsWith(message, field)) return {"text", message.substr(std::string(field).size())};
  }
  return {"", message};
}

std::string SupervisionFormPage(const SupervisionFormContext& c, const SupervisionDraft& d) {
  const StepWords words = WordsOf(d, c.case_id);
  std::string body = absl::StrCat(c.nav, ErrorSummary(c.errors), "<h1>", HtmlEscape(words.heading),
                                  "</h1><p class=\"muted\">", HtmlEscape(c.case_header.title()), "</p>");
  if (!c.request_text.empty())
    absl::StrAppend(&body, "<div class=\"panel\" id=\"request\"><h2>What is asked</h2><p class=\"entry-text\">",
                    HtmlEscape(c.request_text), "</p></div>");
  if (!c.notice.empty()) absl::StrAppend(&body, "<p class=\"notice\" id=\"notice\">", HtmlEscape(c.notice), "</p>");
  body += WrittenMeanwhileHtml(c.written_meanwhile);
  absl::StrAppend(&body, "<form class=\"stack\" method=\"post\" action=\"", HtmlEscape(FormPath(c.case_id)),
                  "\" novalidate>", Hidden("csrf", c.csrf), Hidden("step", StepWord(d.step)), Hidden("entry", d.entry),
                  Hidden("request_id", d.request_id), Hidden("seen_version", d.seen_version),
                  Hidden("purpose", d.purpose));
  if (d.step == SupervisionStep::kDecide)
    body += Radios(c.errors, "decision", "Your decision",
                   {{"approve", "Approve"}, {"return", "Return to the investigator"}}, d.decision);
  absl::StrAppend(&body, TextArea(c.errors, "text", words.label, d.text, 4), "<p><button type=\"submit\" id=\"save-step\">",
                  HtmlEscape(words.button), "</button></p></form>");
  return SitePage(absl::StrCat(c.errors.empty() ? "" : "Error: ", words.heading, " — casefile"), body);
}

std::string SupervisionDonePage(const std::string& nav, const std::string& csrf, const SupervisionDraft& draft,
                                const std::string& case_id, const v1::Entry& written) {
  const std::string heading = absl::StrCat("Recorded as entry #", written.number(), " of ", case_id);
  return SitePage(
      absl::StrCat(heading, " — casefile"),
      absl::StrCat(nav, "<div class=\"panel\" id=\"done\"><h1>", HtmlEscape(heading), "</h1><p class=\"entry-text\">",
                   HtmlEscape(written.text()), "</p></div><form method=\"post\" action=\"/cases/", HtmlEscape(case_id),
                   "\">", Hidden("csrf", csrf), Hidden("purpose", draft.purpose),
                   "<button type=\"submit\" id=\"back-to-case\">Back to the case file</button></form>"));
}

std::string CaseStateButtons(const v1::Case& c, const std::string& csrf, const std::string& purpose) {
  const std::string id = CaseIdOf(c.name());
  std::string out = "<div class=\"actions no-print\">";
  const bool closed = c.state() == v1::CASE_STATE_CLOSED;
  std::vector<std::tuple<SupervisionStep, const char*, const char*>> buttons;
  if (closed) {
    buttons.emplace_back(SupervisionStep::kReopen, "reopen-start", "Reopen this case");
  } else {
    buttons.emplace_back(SupervisionStep::kAsk, "ask-closure-start", "Ask approval to close");
    buttons.emplace_back(SupervisionStep::kClose, "close-start", "Close this case");
  }
  for (const auto& [step, button_id, label] : buttons) {
    absl::StrAppend(&out, "<form method=\"post\" action=\"", HtmlEscape(FormPath(id)), "/new\">", Hidden("csrf", csrf),
                    Hidden("purpose", purpose), Hidden("step", StepWord(step)), "<button type=\"submit\" id=\"",
                    button_id, "\">", label, "</button></form>");
  }
  return out + "</div>";
}

}  // namespace casefile::web
