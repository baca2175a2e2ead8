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
#include "web/record_forms/record_forms.h"
#include "web/site_pages.h"
#include "web/words.h"

namespace casefile::web {
namespace {

// The kinds of a free-text entry; a structured record has its own form.
constexpr v1::EntryKind kFormKinds[] = {v1::ENTRY_KIND_NOTE, v1::ENTRY_KIND_ENQUIRY, v1::ENTRY_KIND_CONTACT,
                                        v1::ENTRY_KIND_VISIT, v1::ENTRY_KIND_INTERVIEW};

// The draft's fields, by form name, in one place for the form and its reader.
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
    {"reason", &EntryDraft::reason},     {"record", &EntryDraft::record},
};

// The other kinds of entry, each a button to its form (a new request id;
// nothing typed here is carried).
std::string KindChoiceHtml(const EntryFormContext& c, const std::string& purpose, const RecordForm* shown) {
  std::string out = absl::StrCat("<section class=\"record-kinds\" aria-labelledby=\"record-kinds-title\"><h2 "
                                 "id=\"record-kinds-title\">", shown == nullptr ? "Or record" : "Another kind of entry",
                                 "</h2><form method=\"post\" action=\"/cases/", HtmlEscape(c.case_id),
                                 "/entries/new\">", Hidden("csrf", c.csrf), Hidden("purpose", purpose), "<ul>");
  if (shown != nullptr) {
    out += "<li><button type=\"submit\" class=\"link\" id=\"record-none\">A note, enquiry, contact, visit or "
           "interview</button></li>";
  }
  for (const RecordForm* form : RecordForms()) {
    if (form == shown) continue;
    absl::StrAppend(&out, "<li><button type=\"submit\" class=\"link\" name=\"record\" value=\"", form->kind,
                    "\" id=\"record-", form->kind, "\">", HtmlEscape(form->title), "</button></li>");
  }
  return out + "</ul></form></section>";
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
  if (const RecordForm* form = FindRecordForm(d.record); form != nullptr)
    d.record_fields = RecordDraftFromForm(*form, [&](const std::string& name) { return param(name.c_str()); });
  return d;
}

std::vector<FieldError> DraftToEntry(const EntryDraft& draft, v1::Entry& entry, const std::string& case_id) {
  std::vector<FieldError> errors;
  entry.Clear();
  const RecordForm* form = draft.correcting.empty() ? FindRecordForm(draft.record) : nullptr;
  if (form != nullptr) {
    errors = RecordToEntry(*form, draft.record_fields, case_id, entry);
  } else if (draft.correcting.empty()) {
    for (v1::EntryKind k : kFormKinds) {
      if (KindWord(k) == draft.kind) entry.set_kind(k);
    }
    if (entry.kind() == v1::ENTRY_KIND_UNSPECIFIED) errors.push_back({"kind", "Choose what kind of entry it is"});
  } else if (absl::StripAsciiWhitespace(draft.reason).empty()) {
    errors.push_back({"reason", "Enter why the entry is corrected"});
  }
  if (form == nullptr || form->when_field.empty()) {  // else the record says when
    std::vector<FieldError> when = ReadDateParts({draft.day, draft.month, draft.year, draft.time}, "when",
                                                 "Enter when it happened: at least the year", *entry.mutable_occur_time());
    errors.insert(errors.end(), when.begin(), when.end());
  }
  if (absl::StripAsciiWhitespace(draft.text).empty()) errors.push_back({"text", "Enter what happened"});
  entry.set_text(LfNewLines(draft.text));
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

std::string WrittenMeanwhileHtml(const std::vector<v1::Entry>& entries) {
  if (entries.empty()) return "";
  std::string out = "<section id=\"written-meanwhile\"><h2>Written by others since you opened the form</h2><ul>";
  for (const v1::Entry& e : entries) absl::StrAppend(&out, EntryLine(e));
  return out + "</ul></section>";
}

FieldError ServerErrorOnForm(const EntryDraft& draft, const std::string& case_id, const std::string& message) {
  const RecordForm* form = draft.correcting.empty() ? FindRecordForm(draft.record) : nullptr;
  if (form != nullptr) {
    v1::Entry sent;  // read again as sent, for the rows behind each element
    RowMap rows;
    RecordToEntry(*form, draft.record_fields, case_id, sent, &rows);
    FieldError placed = RecordServerError(*form, draft.record_fields, rows, message);
    if (!placed.field.empty()) return placed;
  }
  return {FieldOfServerError(message), message};
}

std::string EntryFormPage(const EntryFormContext& c, const EntryDraft& d) {
  const bool correcting = !d.correcting.empty();
  const RecordForm* form = correcting ? nullptr : FindRecordForm(d.record);
  const std::string heading =
      correcting ? absl::StrCat("Correct entry #", d.correcting, " of ", c.case_id)
      : form != nullptr ? absl::StrCat("Add an entry to ", c.case_id, ": ", absl::AsciiStrToLower(form->title))
                        : absl::StrCat("Add an entry to ", c.case_id);
  std::string body = absl::StrCat(c.nav, ErrorSummary(c.errors), "<h1>", HtmlEscape(heading),
                                  "</h1><p class=\"muted\">", HtmlEscape(c.case_title), "</p>");
  if (correcting) {
    absl::StrAppend(&body, "<p class=\"hint\">The ", HtmlEscape(d.kind), " stays in the chronology as it was, "
                    "marked as corrected; the correction is a new entry beside it, with your reason.</p>");
  }
  if (!c.notice.empty()) absl::StrAppend(&body, "<p class=\"notice\" id=\"notice\">", HtmlEscape(c.notice), "</p>");
  body += WrittenMeanwhileHtml(c.written_meanwhile);
  // The other kinds: a structured record has a form of its own.
  const std::string kinds_html = correcting ? "" : KindChoiceHtml(c, d.purpose, form);
  if (form == nullptr) body += kinds_html;
  absl::StrAppend(&body, "<form class=\"stack\" method=\"post\" action=\"", HtmlEscape(FormAction(c.case_id, d)),
                  "\" novalidate>", Hidden("csrf", c.csrf), Hidden("request_id", d.request_id),
                  Hidden("seen_version", d.seen_version), Hidden("purpose", d.purpose));
  // Enter in a field submits with the form's first submit button: in a record
  // form that would be "Add another ...", so an unseen copy of "Add the
  // entry" comes first (out of the tab order; the visible one is at the end).
  if (form != nullptr) {
    body += "<button type=\"submit\" class=\"visually-hidden\" tabindex=\"-1\" aria-hidden=\"true\">"
            "Add the entry</button>";
  }
  if (correcting) {
    absl::StrAppend(&body, Hidden("correcting", d.correcting), Hidden("kind", d.kind),
                    TextArea(c.errors, "reason", "Why is it corrected?", d.reason, 2));
  } else if (form != nullptr) {
    absl::StrAppend(&body, Hidden("record", form->kind), RecordFieldsHtml(*form, d.record_fields, c.errors));
  } else {
    std::vector<Choice> kinds;
    for (const std::string& word : FormKinds()) kinds.push_back({word, word});
    absl::StrAppend(&body, Radios(c.errors, "kind", "What kind of entry is it?", kinds, d.kind));
  }
  if (form == nullptr || form->when_field.empty()) {
    absl::StrAppend(&body, DateInput(c.errors, "when", "When did it happen?",
                                     "For example, 12 11 2012 and 09:15. Give what you know: a year alone, or a month "
                                     "(a number or a name, like Nov) and a year.",
                                     {d.day, d.month, d.year, d.time}, true));
  }
  absl::StrAppend(&body, TextArea(c.errors, "text", form != nullptr ? "Notes for the chronology" : "What happened",
                                  d.text, form != nullptr ? 6 : 12),
                  "<p><button type=\"submit\" id=\"add-entry\">",
                  correcting ? "Add the correction" : "Add the entry", "</button></p></form>");
  if (form != nullptr) body += kinds_html;
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

}  // namespace casefile::web
