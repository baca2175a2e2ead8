// End-to-end tests of what casefile-web's operator pages ask of casefiled:
// ListImports (newest first, headings and counts only, audited, operators
// and admins only), and ResolveReviewItem with a request id (a retry decides
// once) and the state seen (two operators deciding at once: the second is
// ABORTED naming the first's decision, which stands).
#include <filesystem>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/casefiled_fixture.h"
#include "tests/support/import_client.h"
#include "tools/legacy_generator/legacy_generator.h"

namespace casefile::testing {
namespace {

using ::testing::HasSubstr;

class ReviewDecisionE2eTest : public CasefiledTest {
 protected:
  void SetUp() override {
    CasefiledTest::SetUp();
    legacy_generator::GeneratorOptions options;
    options.cases = 40;
    options.seed = 14;
    folder_ = dir_.path() + "/legacy";
    auto summary = legacy_generator::GenerateLegacyFolder(options, folder_);
    ASSERT_TRUE(summary.ok()) << summary.status();
    std::filesystem::rename(folder_ + "/truth.json", dir_.path() + "/truth.json");
    first_ = UploadFolder(server_->channel(), kOperatorToken, folder_, false);
    ASSERT_TRUE(first_.status.ok()) << first_.status.error_message();
    stub_ = v1::ImportService::NewStub(server_->channel());
  }

  v1::ReviewItem FirstOpenItem() {
    v1::ListReviewItemsResponse items;
    EXPECT_TRUE(stub_->ListReviewItems(Context(kOperatorToken).get(), {}, &items).ok());
    EXPECT_GT(items.review_items_size(), 0) << "the generated lookalikes must give the operator work";
    return items.review_items_size() > 0 ? items.review_items(0) : v1::ReviewItem();
  }

  grpc::Status Resolve(const std::string& token, const std::string& name, v1::ReviewItem::Decision decision,
                       const std::string& request_id, v1::ReviewItem& out) {
    v1::ResolveReviewItemRequest request;
    request.set_name(name);
    request.set_decision(decision);
    request.set_request_id(request_id);
    request.set_expect_open(true);
    return stub_->ResolveReviewItem(Context(token).get(), request, &out);
  }

  std::string folder_;
  ImportOutcome first_;
  std::unique_ptr<v1::ImportService::Stub> stub_;
};

TEST_F(ReviewDecisionE2eTest, ListImportsNewestFirstWithCountsOnlyAndAudited) {
  ImportOutcome second = UploadFolder(server_->channel(), kOperatorToken, folder_, false);
  ASSERT_TRUE(second.status.ok());
  v1::ListImportsResponse listed;
  ASSERT_TRUE(stub_->ListImports(Context(kOperatorToken).get(), {}, &listed).ok());
  ASSERT_EQ(listed.imports_size(), 2);
  EXPECT_EQ(listed.imports(0).name(), "imports/imp-000002");
  EXPECT_EQ(listed.imports(1).name(), "imports/imp-000001");
  EXPECT_EQ(listed.imports(1).operator_(), "op1");
  EXPECT_EQ(listed.imports(1).counts().records_read(), first_.report.counts().records_read());
  EXPECT_EQ(listed.imports(0).counts().records_already_imported(), second.report.counts().records_already_imported());
  EXPECT_EQ(listed.imports(1).cases_size(), 0);  // GetImport's lines, not the list's
  EXPECT_GT(first_.report.cases_size(), 0);
  // Paged: one a page.
  v1::ListImportsRequest one;
  one.set_page_size(1);
  ASSERT_TRUE(stub_->ListImports(Context(kAdminToken).get(), one, &listed).ok());
  ASSERT_EQ(listed.imports_size(), 1);
  EXPECT_EQ(listed.next_page_token(), "1");
  one.set_page_token(listed.next_page_token());
  ASSERT_TRUE(stub_->ListImports(Context(kAdminToken).get(), one, &listed).ok());
  EXPECT_EQ(listed.imports(0).name(), "imports/imp-000001");
  EXPECT_EQ(listed.next_page_token(), "");
  // Operators and admins only.
  EXPECT_EQ(stub_->ListImports(Context(kInvestigatorToken).get(), {}, &listed).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  // Each list is an audit record naming the imports it listed.
  v1::ListAuditEventsRequest audit;
  audit.set_kind("ListImports");
  audit.set_user("op1");
  v1::ListAuditEventsResponse events;
  ASSERT_TRUE(audit_->ListAuditEvents(Context(kAuditorToken).get(), audit, &events).ok());
  ASSERT_EQ(events.audit_events_size(), 1);
  EXPECT_THAT(events.audit_events(0).resources(),
              ::testing::ElementsAre("imports/imp-000002", "imports/imp-000001"));
}

TEST_F(ReviewDecisionE2eTest, ARetriedDecisionDecidesOnceAndASecondOperatorSeesTheFirstsDecision) {
  const v1::ReviewItem item = FirstOpenItem();
  ASSERT_FALSE(item.name().empty());
  v1::ReviewItem decided;
  ASSERT_TRUE(Resolve(kOperatorToken, item.name(), v1::ReviewItem::DECISION_MERGE, "req-merge-1", decided).ok());
  EXPECT_EQ(decided.decision(), v1::ReviewItem::DECISION_MERGE);
  EXPECT_EQ(decided.decided_by(), "op1");
  // The same request again (a double submit): answered as it decided, nothing more.
  v1::ReviewItem retried;
  ASSERT_TRUE(Resolve(kOperatorToken, item.name(), v1::ReviewItem::DECISION_MERGE, "req-merge-1", retried).ok());
  EXPECT_EQ(retried.SerializeAsString(), decided.SerializeAsString());
  // Another operator who saw it open, deciding the other way: ABORTED, naming the decision that stands.
  v1::ReviewItem second;
  grpc::Status late = Resolve(kAdminToken, item.name(), v1::ReviewItem::DECISION_SEPARATE, "req-other", second);
  EXPECT_EQ(late.error_code(), grpc::StatusCode::ABORTED);
  EXPECT_THAT(late.error_message(), HasSubstr(item.name() + " was decided meanwhile: merged by op1 at "));
  // ... and deciding the same way: ABORTED too (they did not decide it).
  late = Resolve(kAdminToken, item.name(), v1::ReviewItem::DECISION_MERGE, "req-other-2", second);
  EXPECT_EQ(late.error_code(), grpc::StatusCode::ABORTED);
  v1::GetReviewItemRequest get;
  get.set_name(item.name());
  v1::ReviewItem now;
  ASSERT_TRUE(stub_->GetReviewItem(Context(kAdminToken).get(), get, &now).ok());
  EXPECT_EQ(now.SerializeAsString(), decided.SerializeAsString());
  // Without expect_open (the CLI), the same decision is answered as it stands.
  v1::ResolveReviewItemRequest plain;
  plain.set_name(item.name());
  plain.set_decision(v1::ReviewItem::DECISION_MERGE);
  ASSERT_TRUE(stub_->ResolveReviewItem(Context(kAdminToken).get(), plain, &second).ok());
  EXPECT_EQ(second.decided_by(), "op1");
  // A malformed request id is refused at the edge.
  EXPECT_EQ(Resolve(kOperatorToken, item.name(), v1::ReviewItem::DECISION_MERGE, std::string(300, 'x'), second)
                .error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
  // The decision is remembered: a re-import asks nothing again.
  ImportOutcome again = UploadFolder(server_->channel(), kOperatorToken, folder_, false);
  ASSERT_TRUE(again.status.ok());
  EXPECT_EQ(again.report.counts().sent_to_review(), 0);
  ASSERT_TRUE(stub_->GetReviewItem(Context(kOperatorToken).get(), get, &now).ok());
  EXPECT_EQ(now.decision(), v1::ReviewItem::DECISION_MERGE);
}

}  // namespace
}  // namespace casefile::testing
