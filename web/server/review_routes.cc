// casefile-web's review queue routes (web_app.h): the items an import sent
// to review (ListReviewItems), one item with both sides (GetReviewItem), and
// its decision (ResolveReviewItem with the form's request id and the state
// the operator saw), after which the operator is taken to the next item
// waiting (web/review_pages.h). casefiled decides who may: operators and
// admins; anyone else gets its refusal.
#include <string>

#include "absl/strings/str_cat.h"
#include "casefile/v1/import.grpc.pb.h"
#include "web/form_token.h"
#include "web/server/web_app.h"
#include "web/server/web_responses.h"
#include "web/site_pages.h"

namespace casefile::web {
namespace {

// A review item's id as casefiled makes them ("e-3f0c...", "p-...") has the shape of a case id.
bool PlausibleItemId(const std::string& id) { return PlausibleCaseId(id); }

std::string ItemName(const std::string& id) { return absl::StrCat("reviewItems/", id); }

}  // namespace

void WebApp::ReviewQueue(const httplib::Request& req, httplib::Response& res) {
  Signed s = SessionOf(req);
  if (s.token.empty()) return res.set_redirect("/signin", 303);
  auto stub = v1::ImportService::NewStub(channel_);
  ReviewQueuePageData data;
  data.show_decided = req.get_param_value("all") == "1";
  v1::ListReviewItemsRequest request;
  request.set_show_resolved(data.show_decided);
  request.set_page_token(req.get_param_value("page"));
  grpc::Status status = stub->ListReviewItems(Context(s.token).get(), request, &data.page);
  if (!status.ok()) return Fail(status, s, res);
  if (const std::string decided = req.get_param_value("decided"); PlausibleItemId(decided)) {
    v1::GetReviewItemRequest get;
    get.set_name(ItemName(decided));
    v1::ReviewItem item;
    if (stub->GetReviewItem(Context(s.token).get(), get, &item).ok()) data.just_decided = item;
  }
  res.set_content(ReviewQueuePage(Nav(s), data), kHtml);
}

void WebApp::ReviewItem(const httplib::Request& req, httplib::Response& res) {
  Signed s = SessionOf(req);
  if (s.token.empty()) return res.set_redirect("/signin", 303);
  const std::string id = req.matches[1];
  if (!PlausibleItemId(id)) return Fail(grpc::Status(grpc::StatusCode::NOT_FOUND, ""), s, res);
  ReviewItemPageContext context;
  if (const std::string decided = req.get_param_value("decided"); PlausibleItemId(decided) && decided != id) {
    v1::GetReviewItemRequest get;
    get.set_name(ItemName(decided));
    v1::ReviewItem item;
    if (v1::ImportService::NewStub(channel_)->GetReviewItem(Context(s.token).get(), get, &item).ok())
      context.just_decided = item;
  }
  // One decision however often the form is sent; the item was open as drawn.
  ReviewItemWithDraft(s, id, std::move(context), {"", RandomHex32(), "open"}, 200, res);
}

void WebApp::ReviewItemWithDraft(const Signed& s, const std::string& item_id, ReviewItemPageContext context,
                                 const ReviewDraft& draft, int code, httplib::Response& res) {
  v1::GetReviewItemRequest get;
  get.set_name(ItemName(item_id));
  grpc::Status status = v1::ImportService::NewStub(channel_)->GetReviewItem(Context(s.token).get(), get, &context.item);
  if (!status.ok()) return Fail(status, s, res);
  context.nav = Nav(s);
  context.csrf = form_tokens_.TokenFor(s.token);
  res.status = code;
  res.set_content(ReviewItemPage(context, draft), kHtml);
}

void WebApp::DecideReviewItem(const httplib::Request& req, httplib::Response& res) {
  Signed s = SessionOf(req);
  // Signed out while the page was open: the choice goes through sign-in, kept.
  if (s.token.empty()) return KeepThroughSignIn(req, res, s);
  const std::string id = req.matches[1];
  if (!PlausibleItemId(id)) return Fail(grpc::Status(grpc::StatusCode::NOT_FOUND, ""), s, res);
  const ReviewDraft draft = ReviewDraftFromParams([&](const std::string& name) { return req.get_param_value(name.c_str()); });
  ReviewItemPageContext context;
  if (!CsrfOk(req, s)) {
    context.errors.push_back({"", "The form had expired. Nothing was decided: check your choice and send it again."});
    return ReviewItemWithDraft(s, id, std::move(context), draft, 403, res);
  }
  context.errors = CheckReviewDraft(draft);
  if (!context.errors.empty()) return ReviewItemWithDraft(s, id, std::move(context), draft, 400, res);
  v1::ResolveReviewItemRequest request;
  request.set_name(ItemName(id));
  request.set_decision(draft.decision == "merge" ? v1::ReviewItem::DECISION_MERGE : v1::ReviewItem::DECISION_SEPARATE);
  request.set_request_id(draft.request_id);
  request.set_expect_open(draft.seen == "open");
  auto stub = v1::ImportService::NewStub(channel_);
  v1::ReviewItem decided;
  grpc::Status status = stub->ResolveReviewItem(Context(s.token).get(), request, &decided);
  if (status.ok()) {
    // On to the next item waiting (the queue's first: this one has left it).
    v1::ListReviewItemsRequest list;
    list.set_page_size(1);
    v1::ListReviewItemsResponse next;
    const bool more = stub->ListReviewItems(Context(s.token).get(), list, &next).ok() && !next.review_items().empty();
    return res.set_redirect(
        more ? absl::StrCat("/review/", ReviewItemId(next.review_items(0).name()), "?decided=", id)
             : absl::StrCat("/review?decided=", id),
        303);
  }
  switch (status.error_code()) {
    case grpc::StatusCode::ABORTED:
      // Someone decided first: their decision stands and is shown; nothing of it is overwritten.
      context.notice = absl::StrCat("Someone else decided this item while you had it open (", status.error_message(),
                                    "). Your choice (", draft.decision == "merge" ? "merge" : "keep apart",
                                    ") was not sent: the item stays as they decided, shown below.");
      return ReviewItemWithDraft(s, id, std::move(context), draft, 409, res);
    case grpc::StatusCode::INVALID_ARGUMENT:
    case grpc::StatusCode::FAILED_PRECONDITION:
      context.errors.push_back({"", status.error_message()});
      return ReviewItemWithDraft(s, id, std::move(context), draft, 400, res);
    case grpc::StatusCode::UNAUTHENTICATED:
      return KeepThroughSignIn(req, res, s);
    case grpc::StatusCode::NOT_FOUND:
    case grpc::StatusCode::PERMISSION_DENIED:
      return Fail(status, s, res);
    default:
      context.errors.push_back(
          {"", absl::StrCat("Nothing was decided (", status.error_message(), "). Your choice is kept below: send it again.")});
      return ReviewItemWithDraft(s, id, std::move(context), draft, 503, res);
  }
}

}  // namespace casefile::web
