// The supervision forms of casefile-web (SupervisionService): "Ask for
// approval" of an entry or of the case's closure, a supervisor's "Approve or
// return", "Close this case" and "Reopen this case". One form, one text
// (the note, the comment, the reason: required), the request id made when the
// form is first drawn (a double submit writes once) and the case's version
// the writer saw (someone writing first is shown above the form, kept as
// typed, and nothing is written until the next submit), on GOV.UK patterns
// (error summary, radios). Every stored string is escaped.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_WEB_SUPERVISION_FORM_H_
#define CASEFILE_WEB_SUPERVISION_FORM_H_

#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "casefile/v1/case.pb.h"
#include "web/form_html.h"

namespace casefile::web {

enum class SupervisionStep { kAsk, kDecide, kClose, kReopen };

// The form's fields as typed.
struct SupervisionDraft {
  SupervisionStep step = SupervisionStep::kAsk;
  std::string entry;     // kAsk: the entry's number, or "" for the closure; kDecide: the request's number
  std::string decision;  // kDecide: "approve" or "return"
  std::string text;
  std::string request_id;
  std::string seen_version;  // decimal
  std::string purpose;       // stated when the case was opened, for the way back
};

// The draft from a form's or an address's parameters; nullopt-like `ok` false
// when `step` names no step.
bool SupervisionDraftFromParams(absl::FunctionRef<std::string(const std::string&)> param, SupervisionDraft& draft);
// The words of `step` in a form's parameters ("ask", "decide", "close", "reopen").
std::string StepWord(SupervisionStep step);

// The errors the browser can see for itself (a blank text, no decision).
std::vector<FieldError> CheckSupervisionDraft(const SupervisionDraft& draft);
// casefiled's refusal (INVALID_ARGUMENT naming a field, FAILED_PRECONDITION,
// PERMISSION_DENIED) placed on the form.
FieldError SupervisionServerError(const std::string& message);

struct SupervisionFormContext {
  std::string nav;  // trusted HTML
  std::string csrf;
  std::string case_id;
  v1::Case case_header;  // as read before the form was drawn
  std::string request_text;  // kDecide: the request entry's text, when it could be read
  std::vector<FieldError> errors;
  std::string notice;  // shown above the form (escaped)
  std::vector<v1::Entry> written_meanwhile;
};

std::string SupervisionFormPage(const SupervisionFormContext& context, const SupervisionDraft& draft);
// After the write: the entry that records it, and the way back to the case.
std::string SupervisionDonePage(const std::string& nav, const std::string& csrf, const SupervisionDraft& draft,
                                const std::string& case_id, const v1::Entry& written);
// The case page's buttons for the case's state: ask approval to close and
// close (an open or reopened case), or reopen (a closed one).
std::string CaseStateButtons(const v1::Case& c, const std::string& csrf, const std::string& purpose);

}  // namespace casefile::web

#endif  // CASEFILE_WEB_SUPERVISION_FORM_H_
