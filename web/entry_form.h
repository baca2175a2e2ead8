// The "add an entry" form of casefile-web, on GOV.UK Design System patterns:
// radios for the kind, a date input (day, month, year, an optional time), a
// text area, and on a refusal an error summary whose links lead to each
// field, with the message beside the field too.
//
// What the writer typed is never lost: a draft is the form's fields exactly
// as typed, carried through every refusal (a mistake, someone else writing
// first, casefiled restarting, a session that ended, which goes through the
// sign-in page and back: web/kept_form.h) and turned into an entry only to send it. The
// draft's request id is made when the form is first shown, so a double click
// or a resubmit writes one entry; its seen version is the case's version the
// writer saw, so someone else's entry in between is shown, never overwritten.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_WEB_ENTRY_FORM_H_
#define CASEFILE_WEB_ENTRY_FORM_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "casefile/v1/case.pb.h"
#include "web/form_html.h"
#include "web/record_forms/record_form.h"

namespace casefile::web {

// The form's fields as typed (names as in the HTML).
struct EntryDraft {
  std::string kind;  // "note", "enquiry", "contact", "visit", "interview"
  std::string day, month, year, time;
  std::string text;
  std::string request_id;
  std::string seen_version;  // decimal
  // Why the writer opened the case (stated on its purpose form): used to
  // show them what others wrote meanwhile, recorded as any look is.
  std::string purpose;
  // A correction: the number of the entry corrected (decimal) and why. The
  // corrected entry keeps its kind; both stay in the chronology.
  std::string correcting;
  std::string reason;
  // A structured record: the kind of its form ("referral", record_forms.h)
  // and what was typed in it; the entry's kind is then the record's.
  std::string record;
  RecordDraft record_fields;
};

// The draft from a form's parameters (`param(name)`: "" when absent).
EntryDraft DraftFromForm(absl::FunctionRef<std::string(const char*)> param);

// The entry the draft describes (kind, occur_time with the precision given,
// text), or the errors of its fields in the form's order. The text is left
// for casefiled to judge (its own rules, mapped back by FieldOfServerError).
// A correction needs no kind but a reason. A record's references to other
// entries are made in the case `case_id`.
std::vector<FieldError> DraftToEntry(const EntryDraft& draft, v1::Entry& entry, const std::string& case_id = "");

// The draft of a correction of `e`: its text and time as they stand.
EntryDraft CorrectionDraft(const v1::Entry& e);

// The form field casefiled's INVALID_ARGUMENT message is about
// ("entry.text: ..." is "text"), or "" when it names none of them.
std::string FieldOfServerError(const std::string& message);
// casefiled's INVALID_ARGUMENT message placed on the draft's form: a record's
// field (the form row behind "attendees[1]", in the form's words), else as
// FieldOfServerError.
FieldError ServerErrorOnForm(const EntryDraft& draft, const std::string& case_id, const std::string& message);

// What the form page shows besides the draft.
struct EntryFormContext {
  std::string nav;   // trusted HTML
  std::string csrf;
  std::string case_id;
  std::string case_title;
  std::vector<FieldError> errors;
  // Shown above the form (escaped): why it is shown again.
  std::string notice;
  // Entries written by others since the version the writer had seen.
  std::vector<v1::Entry> written_meanwhile;
};

std::string EntryFormPage(const EntryFormContext& context, const EntryDraft& draft);

// The entries others wrote since the writer's form was shown (a write refused
// ABORTED), above the form kept as typed; "" when none.
std::string WrittenMeanwhileHtml(const std::vector<v1::Entry>& entries);

// The form's address: ".../entries" for a new entry, ".../entries/N/correct"
// for a correction.
std::string FormAction(const std::string& case_id, const EntryDraft& draft);

// The page after an entry was written: what was written, and the ways on.
std::string EntryWrittenPage(const std::string& nav, const std::string& csrf, const std::string& case_id,
                             const std::string& purpose, const v1::Entry& entry);

// The kinds the form offers, as their words ("note", ...).
const std::vector<std::string>& FormKinds();

}  // namespace casefile::web

#endif  // CASEFILE_WEB_ENTRY_FORM_H_
