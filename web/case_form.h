// The "open a case" form of casefile-web (GOV.UK patterns, web/form_html.h):
// a title, legacy references, up to four subjects each with a forename, a
// surname and a date of birth at whatever precision is known, and the
// writer's teams the case is kept to (need to know). Kept as typed through
// every refusal; the request id made when the form is first shown makes a
// double submit open one case.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_WEB_CASE_FORM_H_
#define CASEFILE_WEB_CASE_FORM_H_

#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "casefile/v1/case_service.pb.h"
#include "web/form_html.h"

namespace casefile::web {

inline constexpr int kSubjectRows = 4;

struct SubjectDraft {
  std::string forename, surname;
  DateParts born;
};

struct CaseDraft {
  std::string title;
  std::string refs;  // comma-separated
  SubjectDraft subjects[kSubjectRows];
  std::vector<std::string> teams;  // those ticked, of the writer's
  std::string request_id;
};

// The draft from a form's parameters; `offered` are the writer's teams (a
// team is ticked when its box "team-<i>" was sent).
CaseDraft CaseDraftFromForm(absl::FunctionRef<std::string(const std::string&)> param,
                            const std::vector<std::string>& offered);

// The request the draft describes, or the errors of its fields.
std::vector<FieldError> DraftToCase(const CaseDraft& draft, v1::CreateCaseRequest& request);

std::string CaseFormPage(const std::string& nav, const std::string& csrf, const std::vector<FieldError>& errors,
                         const CaseDraft& draft, const std::vector<std::string>& offered);

// After CreateCase: the case opened, and the way to its first entry.
std::string CaseOpenedPage(const std::string& nav, const std::string& csrf, const v1::Case& c);

}  // namespace casefile::web

#endif  // CASEFILE_WEB_CASE_FORM_H_
