// casefile-web's review queue (ImportService's review items, for operators
// and admins): the uncertain matches an import sent to review, strongest
// evidence first, and one item's page with both legacy records side by side
// — every field, the evidence, where each was read — and the decision form:
// merge or keep apart (GOV.UK radios), with a request id made when the form
// is drawn (a double submit decides once) and the state the operator saw
// ("open": someone deciding first is shown, and nothing of theirs is
// overwritten). A decided item says who decided what and when, and that
// later imports keep it. Every stored string is escaped: legacy text is
// hostile.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_WEB_REVIEW_PAGES_H_
#define CASEFILE_WEB_REVIEW_PAGES_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "casefile/v1/import.pb.h"
#include "web/form_html.h"

namespace casefile::web {

// The decision form's fields as sent.
struct ReviewDraft {
  std::string decision;    // "merge" or "separate"; "" when none was chosen
  std::string request_id;  // made when the form was first drawn
  std::string seen;        // "open": the item was open when the form was drawn
};
ReviewDraft ReviewDraftFromParams(absl::FunctionRef<std::string(const std::string&)> param);
// The errors the browser can see for itself: no decision chosen.
std::vector<FieldError> CheckReviewDraft(const ReviewDraft& draft);

// "e-3f0c" for "reviewItems/e-3f0c".
std::string ReviewItemId(const std::string& name);
// "merged by op1 on 07/12/2026 17:40", "kept apart by ...", or "open".
std::string ReviewDecisionText(const v1::ReviewItem& item);

struct ReviewItemPageContext {
  std::string nav;  // trusted HTML
  std::string csrf;
  v1::ReviewItem item;  // as it stands
  std::vector<FieldError> errors;
  std::string notice;  // above the item (escaped)
  // The item decided just before (the operator moves on to this one).
  std::optional<v1::ReviewItem> just_decided;
};
std::string ReviewItemPage(const ReviewItemPageContext& context, const ReviewDraft& draft);

struct ReviewQueuePageData {
  v1::ListReviewItemsResponse page;
  bool show_decided = false;
  std::optional<v1::ReviewItem> just_decided;  // the queue emptied with it
};
std::string ReviewQueuePage(const std::string& nav, const ReviewQueuePageData& data);

}  // namespace casefile::web

#endif  // CASEFILE_WEB_REVIEW_PAGES_H_
