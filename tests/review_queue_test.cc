#include "migration/review_queue.h"

#include "migration/event_clusterer.h"
#include "migration/import_engine.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "casefile/storage/v1/records.pb.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/time_util.h"
#include "gtest/gtest.h"
#include "storage/case_tables.h"
#include "storage/keys.h"
#include "storage/store.h"
#include "tests/scratch_dir.h"

namespace casefile::migration {
namespace {

using storage::LmdbTxn;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
namespace keys = storage::keys;

const Caller kOperator{"op1", "Migration Operator", Role::kOperator};
const Caller kOtherOperator{"op2", "Second Operator", Role::kOperator};
const Caller kAdmin{"admin", "Administrator", Role::kAdmin};
const Caller kInvestigator{"dc4471", "DC 4471 Hughes", Role::kInvestigator};
const Caller kAuditor{"aud01", "Auditor One", Role::kAuditor};

v1::ReviewItem Item(const std::string& id, double score, const std::string& left, const std::string& right,
                    v1::ReviewItem::Kind kind = v1::ReviewItem::KIND_EVENT) {
  v1::ReviewItem item;
  item.set_name(absl::StrCat("reviewItems/", id));
  item.set_kind(kind);
  item.set_score(score);
  item.set_reason("text copy 0.70; same day");
  item.mutable_left()->set_locator(left);
  item.mutable_left()->set_text("left text");
  item.mutable_right()->set_locator(right);
  item.mutable_right()->set_text("right text");
  item.set_case_("cases/HFD-PVP-000123");
  return item;
}

std::vector<std::string> Names(const v1::ListReviewItemsResponse& response) {
  std::vector<std::string> out;
  for (const v1::ReviewItem& item : response.review_items()) out.push_back(item.name());
  return out;
}

v1::ListReviewItemsRequest Page(int size, const std::string& token = "", bool show_resolved = false) {
  v1::ListReviewItemsRequest request;
  request.set_page_size(size);
  request.set_page_token(token);
  request.set_show_resolved(show_resolved);
  return request;
}

v1::ResolveReviewItemRequest Decide(const std::string& name, v1::ReviewItem::Decision decision) {
  v1::ResolveReviewItemRequest request;
  request.set_name(name);
  request.set_decision(decision);
  return request;
}

class ReviewQueueTest : public ::testing::Test {
 protected:
  ReviewQueueTest() {
    storage::StoreOptions options;
    options.lmdb.map_size = size_t{16} << 20;
    options.lmdb.max_readers = 16;
    auto store = storage::Store::Open(dir_.path(), options);
    EXPECT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
    queue_ = std::make_unique<ReviewQueue>(store_.get(), [this] { return now_; });
    // The case the items belong to: a reviewer sees items of cases they may know.
    Write([](LmdbTxn& txn) {
      v1::Case c;
      c.set_name("cases/HFD-PVP-000123");
      return storage::SaveCase(txn, "HFD-PVP-000123", c);
    });
  }

  void Write(absl::AnyInvocable<absl::Status(LmdbTxn&)> op) {
    ASSERT_TRUE(store_->writer().Run(std::move(op)).ok());
  }
  void Seed(const std::vector<v1::ReviewItem>& items) {
    Write([items](LmdbTxn& txn) -> absl::Status {
      for (const v1::ReviewItem& item : items) {
        if (auto s = txn.Put(keys::ReviewItem(item.name().substr(12)), item.SerializeAsString()); !s.ok())
          return s;
      }
      return absl::OkStatus();
    });
  }
  // Entry `number` of the case, imported from the records at `locators`.
  void SeedEntry(const std::string& case_id, uint64_t number, const std::vector<std::string>& locators) {
    Write([=](LmdbTxn& txn) -> absl::Status {
      v1::Entry entry;
      entry.set_number(number);
      entry.set_text(absl::StrCat("entry ", number));
      if (auto s = storage::SaveEntry(txn, case_id, entry, {0, number}); !s.ok()) return s;
      for (const std::string& locator : locators) {
        v1::Source source;
        source.set_locator(locator);
        source.set_text(absl::StrCat("text of ", locator));
        if (auto s = txn.Put(keys::Source(case_id, number, locator), source.SerializeAsString()); !s.ok())
          return s;
        if (auto s = storage::SaveRecordPlace(txn, locator, {case_id, number}); !s.ok()) return s;
      }
      return absl::OkStatus();
    });
  }

  std::optional<std::string> Read(const std::string& key) {
    auto read = store_->BeginRead();
    EXPECT_TRUE(read.ok());
    if (!read.ok()) return std::nullopt;
    auto found = (*read)->txn().Get(key);
    EXPECT_TRUE(found.ok());
    if (!found.ok() || !found->has_value()) return std::nullopt;
    return std::string(**found);
  }
  std::vector<std::string> SourcesOf(const std::string& case_id, uint64_t entry) {
    std::vector<std::string> out;
    auto read = store_->BeginRead();
    if (!read.ok()) return out;
    auto cursor = (*read)->txn().OpenCursor();
    if (!cursor.ok()) return out;
    const std::string prefix = keys::EntrySourcePrefix(case_id, entry);
    for (auto at = cursor->Seek(prefix); at.ok() && *at && cursor->key().substr(0, prefix.size()) == prefix;
         at = cursor->Next()) {
      v1::Source source;
      EXPECT_TRUE(source.ParseFromArray(cursor->value().data(), cursor->value().size()));
      out.push_back(source.locator());
    }
    return out;
  }
  uint64_t SupersededBy(const std::string& case_id, uint64_t entry) {
    auto read = store_->BeginRead();
    EXPECT_TRUE(read.ok());
    auto by = storage::LoadSupersession((*read)->txn(), case_id, entry);
    EXPECT_TRUE(by.ok());
    return by.value_or(0);
  }

  ScratchDir dir_;
  std::unique_ptr<storage::Store> store_;
  absl::Time now_ = absl::FromUnixSeconds(1353024000);  // 2012-11-16 00:00 UTC
  std::unique_ptr<ReviewQueue> queue_;
};

TEST_F(ReviewQueueTest, ListsStrongestFirstThenByName) {
  Seed({Item("c", 70, "a#1", "b#1"), Item("a", 90, "a#2", "b#2"), Item("b", 70, "a#3", "b#3"),
        Item("d", 65.5, "a#4", "b#4")});
  auto listed = queue_->List(kOperator, Page(0));
  ASSERT_TRUE(listed.ok()) << listed.status();
  EXPECT_THAT(Names(*listed),
              ElementsAre("reviewItems/a", "reviewItems/b", "reviewItems/c", "reviewItems/d"));
  EXPECT_EQ(listed->next_page_token(), "");
  EXPECT_EQ(listed->review_items(0).left().text(), "left text");  // the operator sees both records
}

TEST_F(ReviewQueueTest, PagesFollowEachOtherWithoutGapsOrRepeats) {
  std::vector<v1::ReviewItem> items;
  for (int i = 0; i < 7; ++i) items.push_back(Item(absl::StrCat("i", i), 100 - i, "a", absl::StrCat("b", i)));
  Seed(items);
  std::vector<std::string> seen;
  std::string token;
  int pages = 0;
  do {
    auto page = queue_->List(kOperator, Page(3, token));
    ASSERT_TRUE(page.ok()) << page.status();
    EXPECT_LE(page->review_items_size(), 3);
    for (const std::string& name : Names(*page)) seen.push_back(name);
    token = page->next_page_token();
    ++pages;
  } while (!token.empty() && pages < 10);
  EXPECT_EQ(pages, 3);
  EXPECT_THAT(seen, ElementsAre("reviewItems/i0", "reviewItems/i1", "reviewItems/i2", "reviewItems/i3",
                                "reviewItems/i4", "reviewItems/i5", "reviewItems/i6"));
}

TEST_F(ReviewQueueTest, AnExactlyFullLastPageHasNoNextToken) {
  Seed({Item("a", 2, "a", "b"), Item("b", 1, "c", "d")});
  auto page = queue_->List(kOperator, Page(2));
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->review_items_size(), 2);
  EXPECT_EQ(page->next_page_token(), "");
}

TEST_F(ReviewQueueTest, DefaultPageIs50AndPagesAreCappedAt1000) {
  std::vector<v1::ReviewItem> items;
  for (int i = 0; i < 1001; ++i)
    items.push_back(Item(absl::StrCat("i", 10000 + i), 1, "a", absl::StrCat("b", i)));
  Seed(items);
  auto first = queue_->List(kOperator, Page(0));
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->review_items_size(), 50);
  EXPECT_FALSE(first->next_page_token().empty());
  auto large = queue_->List(kOperator, Page(5000));
  ASSERT_TRUE(large.ok());
  EXPECT_EQ(large->review_items_size(), 1000);
  auto rest = queue_->List(kOperator, Page(5000, large->next_page_token()));
  ASSERT_TRUE(rest.ok());
  EXPECT_THAT(Names(*rest), ElementsAre("reviewItems/i11000"));
}

TEST_F(ReviewQueueTest, ResolvedItemsAreListedOnlyOnRequest) {
  v1::ReviewItem decided = Item("decided", 99, "a", "b");
  decided.set_decision(v1::ReviewItem::DECISION_SEPARATE);
  Seed({decided, Item("open", 50, "c", "d")});
  auto open = queue_->List(kOperator, Page(0));
  ASSERT_TRUE(open.ok());
  EXPECT_THAT(Names(*open), ElementsAre("reviewItems/open"));
  auto all = queue_->List(kOperator, Page(0, "", /*show_resolved=*/true));
  ASSERT_TRUE(all.ok());
  EXPECT_THAT(Names(*all), ElementsAre("reviewItems/decided", "reviewItems/open"));
}

TEST_F(ReviewQueueTest, EmptyQueue) {
  auto listed = queue_->List(kOperator, Page(0));
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->review_items_size(), 0);
  EXPECT_EQ(listed->next_page_token(), "");
}

TEST_F(ReviewQueueTest, BadPageSizesAndTokensAreInvalidArguments) {
  Seed({Item("a", 1, "a", "b")});
  for (const v1::ListReviewItemsRequest& request :
       {Page(-1), Page(10, "abc"), Page(10, "-1"), Page(10, "-2147483648"), Page(10, "99999999999")}) {
    auto listed = queue_->List(kOperator, request);
    EXPECT_EQ(listed.status().code(), absl::StatusCode::kInvalidArgument) << request.ShortDebugString();
  }
  // A token past the end (the queue shrank since) is an empty page.
  for (const char* token : {"5", "2147483647"}) {
    auto listed = queue_->List(kOperator, Page(10, token));
    ASSERT_TRUE(listed.ok()) << token << ": " << listed.status();
    EXPECT_EQ(listed->review_items_size(), 0) << token;
    EXPECT_EQ(listed->next_page_token(), "") << token;
  }
}

TEST_F(ReviewQueueTest, OnlyOperatorsAndAdminsReview) {
  Seed({Item("a", 1, "a", "b")});
  for (const Caller& caller : {kInvestigator, kAuditor}) {
    EXPECT_EQ(queue_->List(caller, Page(0)).status().code(), absl::StatusCode::kPermissionDenied);
    EXPECT_EQ(queue_->Get(caller, "reviewItems/a").status().code(), absl::StatusCode::kPermissionDenied);
    EXPECT_EQ(
        queue_->Resolve(caller, Decide("reviewItems/a", v1::ReviewItem::DECISION_MERGE)).status().code(),
        absl::StatusCode::kPermissionDenied);
  }
  EXPECT_TRUE(queue_->List(kAdmin, Page(0)).ok());
  EXPECT_TRUE(queue_->Get(kAdmin, "reviewItems/a").ok());
  // Nothing was decided by the refused calls.
  auto item = queue_->Get(kOperator, "reviewItems/a");
  ASSERT_TRUE(item.ok());
  EXPECT_EQ(item->decision(), v1::ReviewItem::DECISION_UNSPECIFIED);
  EXPECT_EQ(Read(keys::Decision("a", "b")), std::nullopt);
}

TEST_F(ReviewQueueTest, GetReturnsTheStoredItem) {
  const v1::ReviewItem item = Item("e-0123", 80, "log.txt#entry=3", "paper.csv#row=9");
  Seed({item});
  auto got = queue_->Get(kOperator, "reviewItems/e-0123");
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->SerializeAsString(), item.SerializeAsString());
}

// Need to know: an item of a case kept from the reviewer is not found, not
// listed and not decidable; a reviewer of the case's team, and admins, see it.
TEST_F(ReviewQueueTest, ItemsOfACaseKeptFromTheReviewerDoNotExistForThem) {
  Write([](LmdbTxn& txn) {
    v1::Case c;
    c.set_name("cases/HFD-PVP-000123");
    c.mutable_restriction()->add_teams("cait");
    return storage::SaveCase(txn, "HFD-PVP-000123", c);
  });
  Seed({Item("e-0123", 80, "log.txt#entry=3", "paper.csv#row=9")});
  auto hidden = queue_->Get(kOperator, "reviewItems/e-0123");
  EXPECT_EQ(hidden.status(), absl::NotFoundError("reviewItems/e-0123 not found"));
  auto listed = queue_->List(kOperator, Page(10));
  ASSERT_TRUE(listed.ok());
  EXPECT_TRUE(listed->review_items().empty());
  EXPECT_EQ(queue_->Resolve(kOperator, Decide("reviewItems/e-0123", v1::ReviewItem::DECISION_SEPARATE)).status(),
            absl::NotFoundError("reviewItems/e-0123 not found"));

  Caller team_operator = kOperator;
  team_operator.teams = {"cait"};
  EXPECT_TRUE(queue_->Get(team_operator, "reviewItems/e-0123").ok());
  EXPECT_THAT(Names(*queue_->List(kAdmin, Page(10))), ElementsAre("reviewItems/e-0123"));
}

TEST_F(ReviewQueueTest, GetRejectsBadNamesAndReportsMissingItems) {
  Seed({Item("a", 1, "a", "b")});
  for (const char* name : {"", "reviewItems/", "reviewItems/a/b", "items/a", "a", "cases/x"}) {
    EXPECT_EQ(queue_->Get(kOperator, name).status().code(), absl::StatusCode::kInvalidArgument) << name;
  }
  auto missing = queue_->Get(kOperator, "reviewItems/zzz");
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(missing.status().message(), HasSubstr("reviewItems/zzz"));
}

TEST_F(ReviewQueueTest, ResolveStoresTheDecisionForLaterImports) {
  Seed({Item("x", 60, "paper.csv#row=9", "log.txt#entry=3")});
  auto decided = queue_->Resolve(kOperator, Decide("reviewItems/x", v1::ReviewItem::DECISION_SEPARATE));
  ASSERT_TRUE(decided.ok()) << decided.status();
  EXPECT_EQ(decided->decision(), v1::ReviewItem::DECISION_SEPARATE);
  EXPECT_EQ(decided->decided_by(), "op1");
  EXPECT_EQ(google::protobuf::util::TimeUtil::TimestampToSeconds(decided->decide_time()), 1353024000);

  // The item itself, as stored.
  auto got = queue_->Get(kOperator, "reviewItems/x");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->SerializeAsString(), decided->SerializeAsString());
  // The decision, under the pair's key (either order), smaller locator first.
  std::optional<std::string> value = Read(keys::Decision("log.txt#entry=3", "paper.csv#row=9"));
  ASSERT_TRUE(value.has_value());
  storage::v1::StoredDecision stored;
  ASSERT_TRUE(stored.ParseFromString(*value));
  EXPECT_EQ(stored.decision(), v1::ReviewItem::DECISION_SEPARATE);
  EXPECT_EQ(stored.review_item(), "reviewItems/x");
  EXPECT_EQ(stored.decided_by(), "op1");
  EXPECT_EQ(stored.locator_a(), "log.txt#entry=3");
  EXPECT_EQ(stored.locator_b(), "paper.csv#row=9");
  // No longer open.
  auto open = queue_->List(kOperator, Page(0));
  ASSERT_TRUE(open.ok());
  EXPECT_EQ(open->review_items_size(), 0);
}

TEST_F(ReviewQueueTest, DecidingTheSameWayAgainChangesNothing) {
  Seed({Item("x", 60, "a", "b")});
  auto first = queue_->Resolve(kOperator, Decide("reviewItems/x", v1::ReviewItem::DECISION_MERGE));
  ASSERT_TRUE(first.ok());
  const std::optional<std::string> decision = Read(keys::Decision("a", "b"));
  now_ += absl::Hours(1);
  auto again = queue_->Resolve(kOtherOperator, Decide("reviewItems/x", v1::ReviewItem::DECISION_MERGE));
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->SerializeAsString(), first->SerializeAsString());  // still op1's, at the first time
  EXPECT_EQ(Read(keys::Decision("a", "b")), decision);
}

TEST_F(ReviewQueueTest, DecidingTheOtherWayIsAFailedPrecondition) {
  Seed({Item("x", 60, "a", "b")});
  ASSERT_TRUE(queue_->Resolve(kOperator, Decide("reviewItems/x", v1::ReviewItem::DECISION_MERGE)).ok());
  const std::optional<std::string> decision = Read(keys::Decision("a", "b"));
  auto other = queue_->Resolve(kOtherOperator, Decide("reviewItems/x", v1::ReviewItem::DECISION_SEPARATE));
  EXPECT_EQ(other.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(other.status().message(), HasSubstr("op1"));
  EXPECT_EQ(Read(keys::Decision("a", "b")), decision);
  auto item = queue_->Get(kOperator, "reviewItems/x");
  ASSERT_TRUE(item.ok());
  EXPECT_EQ(item->decision(), v1::ReviewItem::DECISION_MERGE);
}

TEST_F(ReviewQueueTest, ResolveRejectsBadRequests) {
  Seed({Item("x", 60, "a", "b")});
  EXPECT_EQ(queue_->Resolve(kOperator, Decide("reviewItems/x", v1::ReviewItem::DECISION_UNSPECIFIED))
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(queue_->Resolve(kOperator, Decide("reviewItems/x", static_cast<v1::ReviewItem::Decision>(7)))
                .status()
                .code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(queue_->Resolve(kOperator, Decide("x", v1::ReviewItem::DECISION_MERGE)).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(
      queue_->Resolve(kOperator, Decide("reviewItems/y", v1::ReviewItem::DECISION_MERGE)).status().code(),
      absl::StatusCode::kNotFound);
  EXPECT_EQ(Read(keys::Decision("a", "b")), std::nullopt);
}

TEST_F(ReviewQueueTest, MergingTwoEntriesSupersedesTheLaterWhichHandsOverItsSources) {
  SeedEntry("HFD-PVP-000123", 2, {"log.txt#entry=3"});
  SeedEntry("HFD-PVP-000123", 5, {"paper.csv#row=9", "crime.csv#row=4"});
  Seed({Item("x", 60, "paper.csv#row=9", "log.txt#entry=3")});
  ASSERT_TRUE(queue_->Resolve(kOperator, Decide("reviewItems/x", v1::ReviewItem::DECISION_MERGE)).ok());
  EXPECT_EQ(SupersededBy("HFD-PVP-000123", 5), 2u);
  EXPECT_EQ(SupersededBy("HFD-PVP-000123", 2), 0u);
  // The earlier entry has every record now; the later keeps its own, as history.
  EXPECT_THAT(SourcesOf("HFD-PVP-000123", 2),
              ElementsAre("crime.csv#row=4", "log.txt#entry=3", "paper.csv#row=9"));
  EXPECT_THAT(SourcesOf("HFD-PVP-000123", 5), ElementsAre("crime.csv#row=4", "paper.csv#row=9"));
  // And the records are found in the entry that now holds them.
  const std::string in_entry_2 = absl::StrCat("HFD-PVP-000123", absl::string_view("\0", 1), keys::EncodeBe64(2),
                                              absl::string_view("\1", 1), keys::EncodeBe64(0));
  EXPECT_EQ(Read(keys::LegacyEvent("paper.csv#row=9")), in_entry_2);
  EXPECT_EQ(Read(keys::LegacyEvent("crime.csv#row=4")), in_entry_2);
}

TEST_F(ReviewQueueTest, AMergeAfterAMergeReachesTheEntryThatHoldsTheRecordNow) {
  SeedEntry("HFD-PVP-000123", 2, {"log.txt#entry=3"});
  SeedEntry("HFD-PVP-000123", 5, {"paper.csv#row=9"});
  SeedEntry("HFD-PVP-000123", 7, {"crime.csv#row=4"});
  Seed({Item("x", 60, "paper.csv#row=9", "log.txt#entry=3"),
        Item("y", 60, "crime.csv#row=4", "paper.csv#row=9")});
  ASSERT_TRUE(queue_->Resolve(kOperator, Decide("reviewItems/x", v1::ReviewItem::DECISION_MERGE)).ok());
  ASSERT_TRUE(queue_->Resolve(kOperator, Decide("reviewItems/y", v1::ReviewItem::DECISION_MERGE)).ok());
  EXPECT_EQ(SupersededBy("HFD-PVP-000123", 5), 2u);
  EXPECT_EQ(SupersededBy("HFD-PVP-000123", 7), 2u);
  EXPECT_THAT(SourcesOf("HFD-PVP-000123", 2),
              ElementsAre("crime.csv#row=4", "log.txt#entry=3", "paper.csv#row=9"));
}

TEST_F(ReviewQueueTest, SeparatingTwoEntriesChangesNoEntry) {
  SeedEntry("HFD-PVP-000123", 2, {"log.txt#entry=3"});
  SeedEntry("HFD-PVP-000123", 5, {"paper.csv#row=9"});
  Seed({Item("x", 60, "paper.csv#row=9", "log.txt#entry=3")});
  ASSERT_TRUE(queue_->Resolve(kOperator, Decide("reviewItems/x", v1::ReviewItem::DECISION_SEPARATE)).ok());
  EXPECT_EQ(SupersededBy("HFD-PVP-000123", 5), 0u);
  EXPECT_THAT(SourcesOf("HFD-PVP-000123", 2), ElementsAre("log.txt#entry=3"));
}

TEST_F(ReviewQueueTest, MergingRecordsNotYetImportedOnlyRecordsTheDecision) {
  Seed({Item("x", 60, "paper.csv#row=9", "log.txt#entry=3")});
  auto decided = queue_->Resolve(kOperator, Decide("reviewItems/x", v1::ReviewItem::DECISION_MERGE));
  ASSERT_TRUE(decided.ok()) << decided.status();
  EXPECT_TRUE(Read(keys::Decision("paper.csv#row=9", "log.txt#entry=3")).has_value());
}

TEST_F(ReviewQueueTest, DecidingAPersonPairRebuildsThePersonIndex) {
  Seed({Item("p-1", 60, "nominal.csv#row=1", "nominal.csv#row=2", v1::ReviewItem::KIND_PERSON)});
  auto decided = queue_->Resolve(kOperator, Decide("reviewItems/p-1", v1::ReviewItem::DECISION_SEPARATE));
  ASSERT_TRUE(decided.ok()) << decided.status();
  EXPECT_EQ(decided->kind(), v1::ReviewItem::KIND_PERSON);
}

// Import reports live with the ImportEngine; it shares this store.
TEST_F(ReviewQueueTest, GetImport) {
  v1::Import report;
  report.set_name("imports/imp-1");
  Write([report](LmdbTxn& txn) { return txn.Put(keys::Import("imp-1"), report.SerializeAsString()); });
  ChangeFeed feed;
  ImportEngine engine(store_.get(), &feed, [this] { return now_; }, DefaultEventClusterer());
  ImportEngine* queue = &engine;
  auto got = queue->GetImport(kOperator, "imports/imp-1");
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->name(), "imports/imp-1");
  EXPECT_EQ(queue->GetImport(kOperator, "imports/nope").status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(queue->GetImport(kOperator, "imp-1").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(queue->GetImport(kOperator, "imports/").status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(queue->GetImport(kInvestigator, "imports/imp-1").status().code(),
            absl::StatusCode::kPermissionDenied);
}

// Items that other decisions have settled wait for no one: two events now in
// one entry, or a pair an operator separated another way.
TEST_F(ReviewQueueTest, SettledItemsAreNotListedAsOpen) {
  SeedEntry("HFD-PVP-000123", 1, {"a.csv#row=1", "a.csv#row=2"});
  SeedEntry("HFD-PVP-000123", 2, {"a.csv#row=3"});
  SeedEntry("HFD-PVP-000123", 3, {"a.csv#row=4"});
  Seed({Item("e-one-entry", 0.9, "a.csv#row=1", "a.csv#row=2"),
        Item("e-separated", 0.8, "a.csv#row=3", "a.csv#row=4"),
        Item("e-open", 0.7, "a.csv#row=2", "a.csv#row=3")});
  Write([](LmdbTxn& txn) {
    storage::v1::StoredDecision d;
    d.set_decision(v1::ReviewItem::DECISION_SEPARATE);
    d.set_locator_a("a.csv#row=3");
    d.set_locator_b("a.csv#row=4");
    return txn.Put(keys::Decision("a.csv#row=3", "a.csv#row=4"), d.SerializeAsString());
  });
  auto open = queue_->List(kOperator, Page(10));
  ASSERT_TRUE(open.ok()) << open.status();
  EXPECT_THAT(Names(*open), ElementsAre("reviewItems/e-open"));
  auto all = queue_->List(kOperator, Page(10, "", true));
  ASSERT_TRUE(all.ok());
  EXPECT_THAT(Names(*all),
              ElementsAre("reviewItems/e-one-entry", "reviewItems/e-separated", "reviewItems/e-open"));
}

}  // namespace
}  // namespace casefile::migration
