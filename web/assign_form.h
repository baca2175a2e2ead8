// The "assign" form of casefile-web (GOV.UK patterns, web/form_html.h): the
// case's new owner and/or team and the reason. It carries the request id
// made when the form is shown (a double submit assigns once) and the version
// the assigner saw (someone writing first is told, never overwritten), and
// keeps what was typed through every refusal. Shown on the case page to those
// who may assign (casefiled decides: AssignCase), and alone after a refusal.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_WEB_ASSIGN_FORM_H_
#define CASEFILE_WEB_ASSIGN_FORM_H_

#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "casefile/v1/case.pb.h"
#include "casefile/v1/case_service.pb.h"
#include "web/form_html.h"

namespace casefile::web {

struct AssignDraft {
  std::string owner, team, reason;
  std::string request_id;
  std::string seen_version;  // the case's version when the form was shown
};

AssignDraft AssignDraftFromForm(absl::FunctionRef<std::string(const std::string&)> param);

// A fresh draft for case `c`: its owner and team as they are, its version.
AssignDraft AssignDraftFor(const v1::Case& c, std::string request_id);

// The request the draft describes for `case_id`, or the errors of its fields.
std::vector<FieldError> DraftToAssignment(const AssignDraft& draft, const std::string& case_id,
                                          v1::AssignCaseRequest& request);

// casefiled's refusal ("owner: ...", "reason: ...") against the field it names.
FieldError AssignErrorOf(const std::string& message);

// The form (POST /cases/{id}/assign) on the case page, folded under
// "Assign this case".
std::string AssignFormHtml(const std::string& csrf, const std::string& case_id, const AssignDraft& draft);

// The form as a page, under the case's title, owner and team as they are now;
// `notice` (e.g. someone wrote first) above it when not empty, then the
// entries others wrote since the assigner's form was shown.
std::string AssignFormPage(const std::string& nav, const std::string& csrf, const v1::Case& c,
                           const std::vector<FieldError>& errors, const AssignDraft& draft, const std::string& notice,
                           const std::vector<v1::Entry>& written_meanwhile = {});

// After AssignCase: who the case is with now.
std::string CaseAssignedPage(const std::string& nav, const v1::Case& c);

}  // namespace casefile::web

#endif  // CASEFILE_WEB_ASSIGN_FORM_H_
