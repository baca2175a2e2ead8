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

std::string Trimmed(const std::string& s) { return std::string(absl::StripAsciiWhitespace(s)); }

// 1..12 from "11", "Nov" or "November" (any case); 0 when not a month.
int MonthNumber(const std::string& text) {
  int n = 0;
  if (absl::SimpleAtoi(text, &n)) return n >= 1 && n <= 12 ? n : 0;
  static const char* const kNames[] = {"january", "february", "march",     "april",   "may",      "june",
                                       "july",    "august",   "september", "october", "november", "december"};
  const std::string lower = absl::AsciiStrToLower(text);
  for (int i = 0; i < 12; ++i) {
    const std::string name = kNames[i];
    if (lower == name || (lower.size() == 3 && name.compare(0, 3, lower) == 0)) return i + 1;
  }
  return 0;
}

// "09:15" or "0915" → hour and minute.
bool ParseClock(const std::string& text, int& hour, int& minute) {
  std::string digits;
  for (char c : text) {
    if (c == ':') continue;
    if (!absl::ascii_isdigit(c)) return false;
    digits += c;
  }
  if (digits.size() != 4) return false;
  hour = (digits[0] - '0') * 10 + (digits[1] - '0');
  minute = (digits[2] - '0') * 10 + (digits[3] - '0');
  return hour < 24 && minute < 60;
}

// When it happened, from the date input: a year alone, a month and year, a
// whole date, or a whole date and a time. Errors name the first field wrong.
std::vector<FieldError> ReadWhen(const EntryDraft& d, v1::PartialTime& out) {
  const std::string day = Trimmed(d.day), month = Trimmed(d.month), year = Trimmed(d.year), time = Trimmed(d.time);
  if (day.empty() && month.empty() && year.empty() && time.empty())
    return {{"when-day", "Enter when it happened: at least the year"}};
  int y = 0;
  if (!absl::SimpleAtoi(year, &y) || year.size() != 4 || y < 1900 || y > 2199)
    return {{"when-year", "The year must be four digits, like 2012"}};
  PartialTime when{TimePrecision::kYear, y};
  if (!month.empty()) {
    when.month = MonthNumber(month);
    if (when.month == 0) return {{"when-month", "The month must be a number from 1 to 12, or its name"}};
    when.precision = TimePrecision::kMonth;
  }
  if (!day.empty()) {
    if (month.empty()) return {{"when-month", "Enter the month of that day"}};
    if (!absl::SimpleAtoi(day, &when.day) || when.day < 1 || when.day > DaysInMonth(y, when.month))
      return {{"when-day", absl::StrCat("The day must be a day of that month (1 to ", DaysInMonth(y, when.month), ")")}};
    when.precision = TimePrecision::kDay;
  }
  if (!time.empty()) {
    if (day.empty()) return {{"when-day", "Enter the day of that time"}};
    if (!ParseClock(time, when.hour, when.minute)) return {{"when-time", "The time must be like 09:15 (24-hour clock)"}};
    when.precision = TimePrecision::kMinute;
  }
  out = ToProto(when);
  return {};
}

std::string Hidden(const char* name, const std::string& value) {
  return absl::StrCat("<input type=\"hidden\" name=\"", name, "\" value=\"", HtmlEscape(value), "\">");
}

const FieldError* ErrorOf(const std::vector<FieldError>& errors, const std::string& field) {
  for (const FieldError& e : errors) {
    if (e.field == field) return &e;
  }
  return nullptr;
}

// The message beside a field, linked to it by aria-describedby.
std::string FieldErrorHtml(const std::vector<FieldError>& errors, const std::string& field) {
  const FieldError* e = ErrorOf(errors, field);
  if (e == nullptr) return "";
  return absl::StrCat("<p class=\"field-error\" id=\"", field, "-error\"><span class=\"visually-hidden\">Error: "
                      "</span>", HtmlEscape(e->message), "</p>");
}

std::string DescribedBy(const std::vector<FieldError>& errors, const std::string& field, const std::string& hint) {
  std::string ids = hint;
  if (ErrorOf(errors, field) != nullptr) ids = absl::StrCat(ids, ids.empty() ? "" : " ", field, "-error");
  return ids.empty() ? "" : absl::StrCat(" aria-describedby=\"", ids, "\"");
}

std::string ErrorSummary(const std::vector<FieldError>& errors) {
  if (errors.empty()) return "";
  std::string out =
      "<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\" tabindex=\"-1\">"
      "<h2 id=\"error-summary-title\">There is a problem</h2><ul>";
  for (const FieldError& e : errors) {
    if (e.field.empty()) {
      absl::StrAppend(&out, "<li>", HtmlEscape(e.message), "</li>");
    } else {
      absl::StrAppend(&out, "<li><a href=\"#", e.field, "\">", HtmlEscape(e.message), "</a></li>");
    }
  }
  return out + "</ul></div>";
}

std::string DateInput(const std::vector<FieldError>& errors, const EntryDraft& d) {
  // One message for the group: the first date field in error.
  std::string error_field;
  for (const char* f : {"when-day", "when-month", "when-year", "when-time"}) {
    if (error_field.empty() && ErrorOf(errors, f) != nullptr) error_field = f;
  }
  std::string out = absl::StrCat(
      "<fieldset class=\"date-input\" role=\"group\" aria-describedby=\"when-hint",
      error_field.empty() ? "" : absl::StrCat(" ", error_field, "-error"), "\"><legend>When did it happen?</legend>"
      "<p class=\"hint\" id=\"when-hint\">For example, 12 11 2012 and 09:15. Give what you know: a year alone, or a "
      "month (a number or a name, like Nov) and a year.</p>",
      error_field.empty() ? "" : FieldErrorHtml(errors, error_field));
  auto field = [&](const char* id, const char* label, const std::string& value, const char* size, const char* mode) {
    absl::StrAppend(&out, "<div class=\"date-part\"><label for=\"", id, "\">", label, "</label><input type=\"text\" id=\"",
                    id, "\" name=\"", id, "\" value=\"", HtmlEscape(value), "\" size=\"", size, "\" inputmode=\"",
                    mode, "\"", error_field == id ? " aria-invalid=\"true\"" : "", "></div>");
  };
  field("when-day", "Day", d.day, "2", "numeric");
  field("when-month", "Month", d.month, "9", "text");
  field("when-year", "Year", d.year, "4", "numeric");
  field("when-time", "Time (optional)", d.time, "5", "numeric");
  return out + "</fieldset>";
}

std::string KindRadios(const std::vector<FieldError>& errors, const EntryDraft& d) {
  std::string out = absl::StrCat("<fieldset class=\"radios\"", DescribedBy(errors, "kind", ""),
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

std::string TextArea(const std::vector<FieldError>& errors, const char* id, const char* label,
                     const std::string& value, int rows) {
  return absl::StrCat("<label for=\"", id, "\">", label, "</label>", FieldErrorHtml(errors, id), "<textarea id=\"", id,
                      "\" name=\"", id, "\" rows=\"", rows, "\"", DescribedBy(errors, id, ""),
                      ErrorOf(errors, id) != nullptr ? " aria-invalid=\"true\"" : "", ">", HtmlEscape(value),
                      "</textarea>");
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
  std::vector<FieldError> when = ReadWhen(draft, *entry.mutable_occur_time());
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
  absl::StrAppend(&body, DateInput(c.errors, d), TextArea(c.errors, "text", "What happened", d.text, 12),
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
    out += Hidden(absl::StrCat("draft-", f.name).c_str(), draft.*f.member);
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
