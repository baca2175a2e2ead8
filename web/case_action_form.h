// The case page's two other writes, as forms of casefile-web: "Restrict this
// case" (SetCaseRestriction: the teams and users to keep it to) and "Review
// for retention" (ReviewCase: retain until a date, or dispose). Both need a
// reason and carry the case's version the writer saw, so that an entry
// written in between is shown (ABORTED) before anything changes; both are
// kept as typed through every refusal, like the entry form (web/entry_form.h).
//
// Thread-safe: pure functions.
#ifndef CASEFILE_WEB_CASE_ACTION_FORM_H_
#define CASEFILE_WEB_CASE_ACTION_FORM_H_

#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "casefile/v1/case_service.pb.h"
#include "web/form_html.h"

namespace casefile::web {

enum class CaseAction { kRestrict, kReview };

// The form's fields as typed.
struct CaseActionDraft {
  CaseAction action = CaseAction::kRestrict;
  std::vector<std::string> teams;  // restrict: those ticked
  std::string users;               // restrict: user ids, separated by commas
  std::string decision;            // review: "retain" or "dispose"
  DateParts next;                  // review: the next review date
  std::string reason;
  std::string request_id;    // review (a restriction sets a state: sent twice, the same)
  std::string seen_version;  // decimal
  std::string purpose;       // stated when the case was opened
};

// The teams a restriction form offers: the writer's, then those the case is
// kept to now.
std::vector<std::string> OfferedTeams(const std::vector<std::string>& writers_teams, const v1::Case& c);

// The draft from a form's parameters (`param(name)`: "" when absent); a team
// is ticked when its box "team-<team>" was sent.
CaseActionDraft CaseActionDraftFromForm(CaseAction action, absl::FunctionRef<std::string(const std::string&)> param,
                                        const std::vector<std::string>& offered);

// The draft of a new form for `c`: its restriction as it stands.
CaseActionDraft NewCaseActionDraft(CaseAction action, const v1::Case& c);

// The requests the draft describes, or the errors of its fields.
std::vector<FieldError> DraftToRestriction(const CaseActionDraft& draft, const std::string& case_id,
                                           v1::SetCaseRestrictionRequest& request);
std::vector<FieldError> DraftToReview(const CaseActionDraft& draft, const std::string& case_id,
                                      v1::ReviewCaseRequest& request);

// casefiled's INVALID_ARGUMENT message placed on the form's field.
FieldError CaseActionServerError(CaseAction action, const std::string& message);

struct CaseActionContext {
  std::string nav;  // trusted HTML
  std::string csrf;
  std::string case_id;
  v1::Case case_header;  // as read before the form was drawn
  std::vector<std::string> offered_teams;
  std::vector<FieldError> errors;
  std::string notice;  // escaped, above the form
  std::vector<v1::Entry> written_meanwhile;
};

std::string CaseActionPage(const CaseActionContext& context, const CaseActionDraft& draft);

// After the write: what the case is now, and the way back to it.
std::string CaseActionDonePage(const std::string& nav, const std::string& csrf, const std::string& purpose,
                               CaseAction action, const v1::Case& after);

// The case page's writing buttons (add an entry, restrict, review), each a
// form carrying the purpose stated; `case_id` as in the page's address.
std::string CaseWritingButtons(const std::string& case_id, const std::string& csrf, const std::string& purpose);

}  // namespace casefile::web

#endif  // CASEFILE_WEB_CASE_ACTION_FORM_H_
