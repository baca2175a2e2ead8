#include "web/entry_form.h"

#include <map>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "core/time/partial_time.h"
#include "core/time/partial_time_proto.h"
#include "web/form_html.h"
#include "web/html_escape.h"
#include "web/site_pages.h"
#include "web/words.h"

namespace casefile::web {
namespace {

// The kinds of a free-text entry; a structured record has its own form.
constexpr v1::EntryKind kFormKinds[] = {v1::ENTRY_KIND_NOTE, v1::ENTRY_KIND_ENQUIRY, v1::ENTRY_KIND_CONTACT,
                                        v1::ENTRY_KIND_VISIT, v1::ENTRY_KIND_INTERVIEW};

// The draft's fields, by form name, in one place for the form, the hidden
// sign-in copy and the reader of both.
struct DraftField {
  const char* name;
  std::string EntryDraft::*member;
};
constexpr DraftField kDraftFields[] = {
    {"kind", &EntryDraft::kind},         {"when-day", &EntryDraft::day},
    {"when-month", &EntryDraft::month},  {"when-year", &EntryDraft::year},
    {"when-time", &EntryDraft::time},    {"text", &EntryDraft::text},
    {"request_id", &EntryDraft::request_id}, {"seen_version", &EntryDraft::seen_version},
    {"purpose", &EntryDraft::purpose},   {"correcting", &EntryDraft::correcting},
    {"reason", &EntryDraft::reason},
};

std::string KindRadios(const std::vector<FieldError>& errors, const EntryDraft& d) {
  const bool refused = !FieldErrorHtml(errors, "kind").empty();
  std::string out = absl::StrCat("<fieldset class=\"radios\"", refused ? " aria-describedby=\"kind-error\"" : "",
                                 "><legend>What kind of entry is it?</legend>", FieldErrorHtml(errors, "kind"));
  bool first = true;
  for (const std::string& word : FormKinds()) {
    // The first radio carries the id the error summary links to.
    const std::string id = first ? "kind" : absl::StrCat("kind-", word);
    absl::StrAppend(&out, "<div class=\"radio\"><input type=\"radio\" id=\"", id, "\" name=\"kind\" value=\"", word,
                    "\"", d.kind == word ? " checked" : "", "><label for=\"", id, "\">", word, "</label></div>");
    first = false;
  }
  return out + "</fieldset>";
}

std::string EntryLine(const v1::Entry& e) {
  return absl::StrCat("<li><strong>#", e.number(), " ", HtmlEscape(KindWord(e.kind())), "</strong>, ",
                      HtmlEscape(TimeText(e.occur_time())), ", by ", HtmlEscape(e.author_display_name()),
                      "<br><span class=\"entry-text\">", HtmlEscape(e.text()), "</span></li>");
}

}  // namespace

const std::vector<std::string>& FormKinds() {
  static const auto* const kinds = [] {
    auto* words = new std::vector<std::string>();
    for (v1::EntryKind k : kFormKinds) words->push_back(KindWord(k));
    return words;
  }();
  return *kinds;
}

EntryDraft DraftFromForm(absl::FunctionRef<std::string(const char*)> param) {
  EntryDraft d;
  for (const DraftField& f : kDraftFields) d.*f.member = param(f.name);
  return d;
}

std::vector<FieldError> DraftToEntry(const EntryDraft& draft, v1::Entry& entry) {
  std::vector<FieldError> errors;
  entry.Clear();
  if (draft.correcting.empty()) {
    for (v1::EntryKind k : kFormKinds) {
      if (KindWord(k) == draft.kind) entry.set_kind(k);
    }
    if (entry.kind() == v1::ENTRY_KIND_UNSPECIFIED) errors.push_back({"kind", "Choose what kind of entry it is"});
  } else if (absl::StripAsciiWhitespace(draft.reason).empty()) {
    errors.push_back({"reason", "Enter why the entry is corrected"});
  }
  std::vector<FieldError> when = ReadDateParts({draft.day, draft.month, draft.year, draft.time}, "when",
                                               "Enter when it happened: at least the year", *entry.mutable_occur_time());
  errors.insert(errors.end(), when.begin(), when.end());
  if (absl::StripAsciiWhitespace(draft.text).empty()) errors.push_back({"text", "Enter what happened"});
  // Browsers send new lines as CR LF; the chronology keeps LF.
  std::string text;
  text.reserve(draft.text.size());
  for (size_t i = 0; i < draft.text.size(); ++i) {
    if (draft.text[i] == '\r' && i + 1 < draft.text.size() && draft.text[i + 1] == '\n') continue;
    text += draft.text[i];
  }
  entry.set_text(std::move(text));
  return errors;
}

EntryDraft CorrectionDraft(const v1::Entry& e) {
  EntryDraft d;
  d.correcting = absl::StrCat(e.number());
  d.kind = KindWord(e.kind());
  const PartialTime when = FromProto(e.occur_time());
  if (when.precision >= TimePrecision::kYear) d.year = absl::StrCat(when.year);
  if (when.precision >= TimePrecision::kMonth) d.month = absl::StrCat(when.month);
  if (when.precision >= TimePrecision::kDay) d.day = absl::StrCat(when.day);
  if (when.precision >= TimePrecision::kMinute) d.time = absl::StrFormat("%02d:%02d", when.hour, when.minute);
  d.text = e.text();
  return d;
}

std::string FormAction(const std::string& case_id, const EntryDraft& draft) {
  if (draft.correcting.empty()) return absl::StrCat("/cases/", case_id, "/entries");
  return absl::StrCat("/cases/", case_id, "/entries/", draft.correcting, "/correct");
}

std::string FieldOfServerError(const std::string& message) {
  static const std::pair<const char*, const char*> kFields[] = {
      {"entry.text", "text"}, {"entry.occur_time", "when-day"}, {"entry.kind", "kind"},
      {"text", "text"},       {"reason", "reason"},             {"occur_time", "when-day"}};
  for (const auto& [prefix, field] : kFields) {
    if (message.rfind(prefix, 0) == 0) return field;
  }
  return "";
}

std::string EntryFormPage(const EntryFormContext& c, const EntryDraft& d) {
  const bool correcting = !d.correcting.empty();
  const std::string heading = correcting ? absl::StrCat("Correct entry #", d.correcting, " of ", c.case_id)
                                         : absl::StrCat("Add an entry to ", c.case_id);
  std::string body = absl::StrCat(c.nav, ErrorSummary(c.errors), "<h1>", HtmlEscape(heading),
                                  "</h1><p class=\"muted\">", HtmlEscape(c.case_title), "</p>");
  if (correcting) {
    absl::StrAppend(&body, "<p class=\"hint\">The ", HtmlEscape(d.kind), " stays in the chronology as it was, "
                    "marked as corrected; the correction is a new entry beside it, with your reason.</p>");
  }
  if (!c.notice.empty()) absl::StrAppend(&body, "<p class=\"notice\" id=\"notice\">", HtmlEscape(c.notice), "</p>");
  if (!c.written_meanwhile.empty()) {
    absl::StrAppend(&body, "<section id=\"written-meanwhile\"><h2>Written by others since you opened the form</h2><ul>");
    for (const v1::Entry& e : c.written_meanwhile) absl::StrAppend(&body, EntryLine(e));
    absl::StrAppend(&body, "</ul></section>");
  }
  absl::StrAppend(&body, "<form class=\"stack\" method=\"post\" action=\"", HtmlEscape(FormAction(c.case_id, d)),
                  "\" novalidate>", Hidden("csrf", c.csrf), Hidden("request_id", d.request_id),
                  Hidden("seen_version", d.seen_version), Hidden("purpose", d.purpose));
  if (correcting) {
    absl::StrAppend(&body, Hidden("correcting", d.correcting), Hidden("kind", d.kind),
                    TextArea(c.errors, "reason", "Why is it corrected?", d.reason, 2));
  } else {
    absl::StrAppend(&body, KindRadios(c.errors, d));
  }
  absl::StrAppend(&body, DateInput(c.errors, "when", "When did it happen?",
                            "For example, 12 11 2012 and 09:15. Give what you know: a year alone, or a month (a "
                            "number or a name, like Nov) and a year.",
                            {d.day, d.month, d.year, d.time}, true),
                  TextArea(c.errors, "text", "What happened", d.text, 12),
                  "<p><button type=\"submit\" id=\"add-entry\">",
                  correcting ? "Add the correction" : "Add the entry", "</button></p></form>");
  return SitePage(absl::StrCat(c.errors.empty() ? "" : "Error: ", heading, " — casefile"), body);
}

std::string EntryWrittenPage(const std::string& nav, const std::string& csrf, const std::string& case_id,
                             const std::string& purpose, const v1::Entry& entry) {
  const std::string action = absl::StrCat("/cases/", HtmlEscape(case_id));
  return SitePage(
      absl::StrCat("Entry written to ", case_id, " — casefile"),
      absl::StrCat(nav, "<div class=\"panel\" id=\"written\"><h1>Entry #", entry.number(), " is written</h1><p>It is in the "
                   "chronology of ", HtmlEscape(case_id), " and the audit trail.",
                   entry.supersedes().empty() ? "" : absl::StrCat(" It corrects #", HtmlEscape(entry.supersedes().substr(
                                                        entry.supersedes().rfind('/') + 1)), ", which stays beside it, "
                                                        "marked as corrected."),
                   "</p></div><ul class=\"written\">",
                   EntryLine(entry), "</ul>",
                   // Both ways on carry the purpose stated when the case was opened.
                   "<div class=\"actions\"><form method=\"post\" action=\"", action, "/entries/new\">", Hidden("csrf", csrf),
                   Hidden("purpose", purpose),
                   "<button type=\"submit\" id=\"add-another\">Add another entry</button></form>"
                   "<form method=\"post\" action=\"", action, "\">", Hidden("csrf", csrf), Hidden("purpose", purpose),
                   "<button type=\"submit\" id=\"back-to-case\">Back to the case file</button></form></div>"));
}

std::string DraftHiddenFields(const std::string& case_id, const EntryDraft& draft) {
  std::string out = Hidden("draft-case", case_id);
  for (const DraftField& f : kDraftFields) {
    out += Hidden(absl::StrCat("draft-", f.name), draft.*f.member);
  }
  return out;
}

bool DraftFromSignIn(absl::FunctionRef<std::string(const char*)> param, std::string& case_id, EntryDraft& draft) {
  case_id = param("draft-case");
  if (case_id.empty()) return false;
  for (const DraftField& f : kDraftFields) draft.*f.member = param(absl::StrCat("draft-", f.name).c_str());
  return true;
}

}  // namespace casefile::web
