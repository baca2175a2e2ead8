// The case page's view of a long chronology in casefile-web: a filter form
// (kind, happened from, to), pages counted back from the newest (a case of
// 20,000 entries opens on its newest 500), and "the whole file" for print.
// Each view is a POST of the case page's form, so every look still carries
// the reader's purpose and is recorded by casefiled.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_WEB_CHRONOLOGY_VIEW_FORM_H_
#define CASEFILE_WEB_CHRONOLOGY_VIEW_FORM_H_

#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "casefile/v1/case_service.pb.h"
#include "web/case_file_page.h"

namespace casefile::web {

// Entries a page of the case page (when not asked for the whole file).
inline constexpr int kChronologyPageSize = 500;

// `whole`'s value for the whole file followed by its entries' documents
// (web/document_appendix.h); any other value: the whole file alone.
inline constexpr char kWholeWithDocuments[] = "documents";

// The view's fields as sent ("" when absent); `person` is "persons/P".
struct ViewFields {
  std::string kind, from, to, page, whole, person;
};
ViewFields ViewFieldsFromForm(absl::FunctionRef<std::string(const char*)> param);

// The view the fields ask for; on a field that cannot be read, the view of
// everything else and `error` saying which field and why.
ChronologyView ViewFromFields(const ViewFields& fields, std::string& error);

// Asks casefiled for the view (GetCaseFile in time order, filtered and
// paged there, so that the newest page of a long case reads only its own
// entries): the fields ViewFromFields could read, of `view` (which it made).
void AskForView(const ViewFields& fields, const ChronologyView& view, v1::GetCaseFileRequest& request);

// A person the chronology can be narrowed to: `persons/P` and how to name them.
struct ViewPerson {
  std::string name, label;
};
// The people of a case to offer: its subjects that are persons, then the
// children its records name (Case.children_named), each once.
std::vector<ViewPerson> ViewPeople(const v1::Case& c);

// The filter form and the page buttons; `hidden` is the trusted HTML of the
// case form's own fields (CSRF token and purpose); `people` those offered
// for "Person".
std::string ViewFormHtml(const std::string& case_id, const std::string& hidden, const ViewFields& fields,
                         const std::string& error, const std::vector<ViewPerson>& people = {});
std::string PageButtonHtml(const std::string& case_id, const std::string& hidden, const ViewFields& fields, int page,
                           const std::string& label);

}  // namespace casefile::web

#endif  // CASEFILE_WEB_CHRONOLOGY_VIEW_FORM_H_
