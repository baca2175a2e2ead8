// The review queue's pages: both sides field by field, the evidence, the
// decision form (radios, CSRF, request id, the state seen), a decided item's
// who, what and when without a form, and hostile legacy text made inert.
#include "web/review_pages.h"

#include <string>

#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"

namespace casefile::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

v1::ReviewItem Example() {
  v1::ReviewItem item;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(R"pb(
    name: "reviewItems/e-3f0c" kind: KIND_EVENT score: 0.8125 reason: "same day; texts 81% alike"
    case: "cases/CF-000007"
    left { locator: "logs/a.txt#entry=4" text: "<script>alert(1)</script> Visit to home"
           occurred { precision: PRECISION_DAY year: 2012 month: 11 day: 13 } record: "logs/a.txt#entry=4"
           import: "imports/imp-000001" }
    right { locator: "paper/HPVP.csv#row=2" text: "Visit to the home" occurred { precision: PRECISION_MONTH year: 2012 month: 11 }
            record: "paper/HPVP.csv#row=2@ab12" import: "imports/imp-000002" })pb", &item));
  return item;
}

TEST(ReviewPagesTest, AnOpenItemShowsBothSidesAndTheDecisionForm) {
  ReviewItemPageContext context{"<nav></nav>", "csrf-token", Example(), {}, "", std::nullopt};
  const std::string page = ReviewItemPage(context, {"", "req-1", "open"});
  EXPECT_THAT(page, HasSubstr("<h1>Review item e-3f0c</h1>"));
  EXPECT_THAT(page, HasSubstr("<dd id=\"evidence\">same day; texts 81% alike</dd>"));
  EXPECT_THAT(page, HasSubstr("0.81"));
  EXPECT_THAT(page, HasSubstr("<a href=\"/cases/CF-000007\">CF-000007</a>"));
  EXPECT_THAT(page, HasSubstr("<tr><th scope=\"row\">Read from</th><td>logs/a.txt#entry=4</td><td>paper/HPVP.csv#row=2</td></tr>"));
  EXPECT_THAT(page, HasSubstr("<td>logs/a.txt#entry=4</td><td>paper/HPVP.csv#row=2@ab12</td>"));
  EXPECT_THAT(page, HasSubstr("<a href=\"/imports/imp-000002\">imp-000002</a>"));
  EXPECT_THAT(page, HasSubstr("2012-11-13"));
  EXPECT_THAT(page, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt; Visit to home"));
  EXPECT_THAT(page, Not(HasSubstr("<script>")));
  EXPECT_THAT(page, HasSubstr("<form class=\"stack\" method=\"post\" action=\"/review/e-3f0c\">"));
  EXPECT_THAT(page, HasSubstr("name=\"csrf\" value=\"csrf-token\""));
  EXPECT_THAT(page, HasSubstr("name=\"request_id\" value=\"req-1\""));
  EXPECT_THAT(page, HasSubstr("name=\"seen\" value=\"open\""));
  EXPECT_THAT(page, HasSubstr("<input type=\"radio\" id=\"decision\" name=\"decision\" value=\"merge\">"));
  EXPECT_THAT(page, HasSubstr("value=\"separate\">"));
  EXPECT_THAT(page, Not(HasSubstr("id=\"decided\"")));
}

TEST(ReviewPagesTest, NoChoiceIsRefusedInTheErrorSummaryBesideTheRadios) {
  ReviewItemPageContext context{"", "csrf", Example(), {}, "", std::nullopt};
  const ReviewDraft draft = ReviewDraftFromParams([](const std::string& name) {
    return name == "decision" ? std::string("<b>") : name == "request_id" ? std::string("req-2") : std::string();
  });
  EXPECT_EQ(draft.decision, "");  // only merge or separate are choices
  context.errors = CheckReviewDraft(draft);
  ASSERT_EQ(context.errors.size(), 1u);
  const std::string page = ReviewItemPage(context, draft);
  EXPECT_THAT(page, HasSubstr("There is a problem"));
  EXPECT_THAT(page, HasSubstr("<a href=\"#decision\">Choose whether the two records are the same"));
  EXPECT_THAT(page, HasSubstr("aria-describedby=\"decision-error\""));
  EXPECT_THAT(page, HasSubstr("value=\"req-2\""));  // the same request id: still one decision
  EXPECT_TRUE(CheckReviewDraft({"separate", "r", "open"}).empty());
}

TEST(ReviewPagesTest, ADecidedItemSaysWhoDecidedWhatAndWhenAndOffersNoForm) {
  v1::ReviewItem item = Example();
  item.set_decision(v1::ReviewItem::DECISION_SEPARATE);
  item.set_decided_by("op<1>");
  item.mutable_decide_time()->set_seconds(1796665200);  // 07/12/2026 17:40 UTC (GMT in December)
  ReviewItemPageContext context{"", "csrf", item, {}, "Someone else decided this item", std::nullopt};
  const std::string page = ReviewItemPage(context, {"merge", "req-1", "open"});
  EXPECT_THAT(page, HasSubstr("Decided: kept apart by op&lt;1&gt; on 07/12/2026 17:40."));
  EXPECT_THAT(page, HasSubstr("Importing them again does not ask again"));
  EXPECT_THAT(page, HasSubstr("id=\"review-notice\" role=\"alert\"><p>Someone else decided this item"));
  EXPECT_THAT(page, Not(HasSubstr("<form class=\"stack\"")));
}

TEST(ReviewPagesTest, TheQueueStrongestFirstAsSentWithTheNextPageAndWhatWasJustDecided) {
  ReviewQueuePageData data;
  *data.page.add_review_items() = Example();
  v1::ReviewItem person = Example();
  person.set_name("reviewItems/p-9");
  person.set_kind(v1::ReviewItem::KIND_PERSON);
  person.set_case_("");
  person.set_score(0.5);
  *data.page.add_review_items() = person;
  data.page.set_next_page_token("50&x");
  v1::ReviewItem decided = Example();
  decided.set_name("reviewItems/e-1");
  decided.set_decision(v1::ReviewItem::DECISION_MERGE);
  decided.set_decided_by("op1");
  data.just_decided = decided;
  const std::string page = ReviewQueuePage("<nav></nav>", data);
  EXPECT_LT(page.find("e-3f0c"), page.find("p-9"));
  EXPECT_THAT(page, HasSubstr("<td>two person records</td><td>0.50</td>"));
  EXPECT_THAT(page, HasSubstr("href=\"/review?page=50%26x\""));
  EXPECT_THAT(page, HasSubstr("id=\"just-decided\""));
  EXPECT_THAT(page, HasSubstr("<a href=\"/review/e-1\">e-1</a>: merged by op1"));
  EXPECT_THAT(page, HasSubstr("href=\"/review?all=1\""));
  EXPECT_THAT(ReviewQueuePage("", {}), HasSubstr("Nothing waits for review."));
}

}  // namespace
}  // namespace casefile::web
