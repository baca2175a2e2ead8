// The audit chain: appends link each record to the one before, VerifyAuditLog
// finds the first record that was altered or removed, and ListAuditEvents
// filters, pages and is for auditors only.
#include "core/audit/audit_trail.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/time_util.h"
#include "gtest/gtest.h"
#include "storage/case_tables.h"
#include "storage/keys.h"
#include "storage/store.h"
#include "tests/scratch_dir.h"

namespace casefile {
namespace {

using ::testing::ElementsAre;
using TimeUtil = google::protobuf::util::TimeUtil;

const Caller kInvestigator{"inv1", "DC Hughes", Role::kInvestigator, "ipv4:10.0.0.7:5000"};
const Caller kAuditor{"aud1", "Auditor", Role::kAuditor, "ipv4:10.0.0.9:5000"};
const Caller kAdmin{"adm1", "Admin", Role::kAdmin, "ipv4:10.0.0.1:5000"};

class AuditTrailTest : public ::testing::Test {
 protected:
  AuditTrailTest() {
    storage::StoreOptions options;
    options.lmdb.map_size = size_t{16} << 20;
    options.lmdb.max_readers = 16;
    auto store = storage::Store::Open(dir_.path(), options);
    EXPECT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
    trail_ = std::make_unique<AuditTrail>(store_.get(), [this] { return now_; });
  }

  // Records n events: GetCase of cases/C1, cases/C2, ... one second apart.
  void RecordReads(int n, const Caller& caller = kInvestigator) {
    for (int i = 1; i <= n; ++i) {
      now_ += absl::Seconds(1);
      v1::AuditEvent event = trail_->NewEvent(caller, "GetCase");
      event.add_resources(absl::StrCat("cases/C", i));
      ASSERT_TRUE(trail_->RecordNow(event).ok());
    }
  }

  v1::VerifyAuditLogResponse Verify() {
    auto result = trail_->Verify(kAuditor);
    EXPECT_TRUE(result.ok()) << result.status();
    return result.value_or(v1::VerifyAuditLogResponse());
  }

  std::string StoredBytes(uint64_t seq) {
    auto read = store_->BeginRead();
    EXPECT_TRUE(read.ok());
    auto got = (*read)->txn().Get(storage::keys::AuditRecord(seq));
    EXPECT_TRUE(got.ok() && got->has_value());
    return std::string(got.ok() && got->has_value() ? **got : "");
  }

  // Writes the store directly, as someone with the data folder could.
  void Overwrite(uint64_t seq, const std::string& bytes) {
    ASSERT_TRUE(store_->writer()
                    .Run([&](storage::LmdbTxn& txn) {
                      return txn.Put(storage::keys::AuditRecord(seq), bytes);
                    })
                    .ok());
  }
  void Remove(uint64_t seq) {
    ASSERT_TRUE(store_->writer()
                    .Run([&](storage::LmdbTxn& txn) {
                      return txn.Delete(storage::keys::AuditRecord(seq));
                    })
                    .ok());
  }

  std::vector<int64_t> Seqs(const v1::ListAuditEventsResponse& response) {
    std::vector<int64_t> out;
    for (const v1::AuditEvent& e : response.audit_events()) out.push_back(e.seq());
    return out;
  }

  ScratchDir dir_;
  std::unique_ptr<storage::Store> store_;
  absl::Time now_ = absl::FromUnixSeconds(1800000000);
  std::unique_ptr<AuditTrail> trail_;
};

TEST_F(AuditTrailTest, AnEmptyChainVerifies) {
  v1::VerifyAuditLogResponse v = Verify();
  EXPECT_TRUE(v.ok());
  EXPECT_EQ(v.records_checked(), 0);
}

TEST_F(AuditTrailTest, EachRecordHoldsTheHashOfTheOneBefore) {
  RecordReads(3);
  EXPECT_EQ(Verify().ok(), true);
  EXPECT_EQ(Verify().records_checked(), 3);
  v1::AuditEvent first, second;
  ASSERT_TRUE(first.ParseFromString(StoredBytes(1)));
  ASSERT_TRUE(second.ParseFromString(StoredBytes(2)));
  EXPECT_EQ(first.seq(), 1);
  EXPECT_EQ(first.previous_hash(), "");
  EXPECT_EQ(second.seq(), 2);
  EXPECT_EQ(second.previous_hash(), AuditHash(StoredBytes(1)));
  EXPECT_EQ(second.previous_hash().size(), 32u);
  EXPECT_EQ(second.user(), "inv1");
  EXPECT_EQ(second.role(), "investigator");
  EXPECT_EQ(second.peer(), "ipv4:10.0.0.7:5000");
  EXPECT_EQ(second.outcome(), "OK");
  EXPECT_EQ(TimeUtil::TimestampToSeconds(second.event_time()), 1800000002);
  // The head is apart from the records: the last seq and its bytes' hash.
  const std::string last = StoredBytes(3);
  auto read = store_->BeginRead();
  ASSERT_TRUE(read.ok());
  auto head = storage::LoadAuditHead((*read)->txn());
  ASSERT_TRUE(head.ok() && head->has_value());
  EXPECT_EQ((*head)->seq, 3u);
  EXPECT_EQ((*head)->hash, AuditHash(last));
}

// Every single byte of a middle record, changed in turn, is found, and the
// record named is that one.
TEST_F(AuditTrailTest, VerifyNamesARecordWithAnyOneByteAltered) {
  RecordReads(5);
  const std::string original = StoredBytes(3);
  for (size_t i = 0; i < original.size(); ++i) {
    SCOPED_TRACE(absl::StrCat("byte ", i));
    std::string altered = original;
    altered[i] = static_cast<char>(altered[i] ^ 0x01);
    Overwrite(3, altered);
    v1::VerifyAuditLogResponse v = Verify();
    EXPECT_FALSE(v.ok());
    EXPECT_EQ(v.first_broken_seq(), 3) << v.reason();
  }
  Overwrite(3, original);
  EXPECT_TRUE(Verify().ok());
}

TEST_F(AuditTrailTest, VerifyNamesTheFirstAndLastRecordsWhenAltered) {
  RecordReads(4);
  for (uint64_t seq : {1u, 4u}) {
    SCOPED_TRACE(seq);
    const std::string original = StoredBytes(seq);
    for (size_t i : {size_t{0}, original.size() / 2, original.size() - 1}) {
      std::string altered = original;
      altered[i] = static_cast<char>(altered[i] ^ 0x20);
      Overwrite(seq, altered);
      v1::VerifyAuditLogResponse v = Verify();
      EXPECT_FALSE(v.ok());
      EXPECT_EQ(v.first_broken_seq(), static_cast<int64_t>(seq)) << v.reason();
    }
    Overwrite(seq, original);
  }
  EXPECT_TRUE(Verify().ok());
}

TEST_F(AuditTrailTest, ARecordChangedInPlaceIsNamedWithTheReason) {
  RecordReads(4);
  v1::AuditEvent event;
  ASSERT_TRUE(event.ParseFromString(StoredBytes(2)));
  event.set_user("someone-else");  // a well-formed record, rewritten
  Overwrite(2, event.SerializeAsString());
  v1::VerifyAuditLogResponse v = Verify();
  EXPECT_FALSE(v.ok());
  EXPECT_EQ(v.first_broken_seq(), 2);
  EXPECT_EQ(v.reason(), "record 2 does not match the hash held by record 3");
}

TEST_F(AuditTrailTest, VerifyNamesADeletedRecord) {
  RecordReads(5);
  Remove(3);
  v1::VerifyAuditLogResponse v = Verify();
  EXPECT_FALSE(v.ok());
  EXPECT_EQ(v.first_broken_seq(), 3);
  EXPECT_EQ(v.reason(), "record 3 is missing (the next stored is 4)");
}

TEST_F(AuditTrailTest, VerifyNamesADeletedFirstOrLastRecord) {
  RecordReads(3);
  Remove(3);
  v1::VerifyAuditLogResponse v = Verify();
  EXPECT_FALSE(v.ok());
  EXPECT_EQ(v.first_broken_seq(), 3);
  EXPECT_EQ(v.reason(), "record 3 is missing (the chain head names record 3)");
  Remove(1);
  v = Verify();
  EXPECT_EQ(v.first_broken_seq(), 1);
}

TEST_F(AuditTrailTest, AppendsAfterARestartContinueTheChain) {
  RecordReads(2);
  trail_ = std::make_unique<AuditTrail>(store_.get(), [this] { return now_; });
  RecordReads(2);
  EXPECT_TRUE(Verify().ok());
  EXPECT_EQ(Verify().records_checked(), 4);
}

TEST_F(AuditTrailTest, AFailedOperationLeavesNoRecord) {
  RecordReads(1);
  absl::Status s = store_->writer().Run([&](storage::LmdbTxn& txn) -> absl::Status {
    if (auto st = AppendAuditEvent(txn, trail_->NewEvent(kInvestigator, "AppendEntry")); !st.ok())
      return st;
    return absl::AbortedError("version conflict");
  });
  EXPECT_EQ(s, absl::AbortedError("version conflict"));
  RecordReads(1);
  EXPECT_TRUE(Verify().ok());
  EXPECT_EQ(Verify().records_checked(), 2);
}

TEST_F(AuditTrailTest, ListFiltersAndPages) {
  RecordReads(3, kInvestigator);
  RecordReads(2, kAdmin);  // cases/C1, cases/C2 again
  v1::ListAuditEventsRequest request;
  auto all = trail_->List(kAuditor, request);
  ASSERT_TRUE(all.ok()) << all.status();
  EXPECT_THAT(Seqs(*all), ElementsAre(1, 2, 3, 4, 5));
  EXPECT_EQ(all->next_page_token(), "");

  request.set_user("adm1");
  EXPECT_THAT(Seqs(*trail_->List(kAuditor, request)), ElementsAre(4, 5));
  request.clear_user();
  request.set_case_("cases/C2");
  EXPECT_THAT(Seqs(*trail_->List(kAdmin, request)), ElementsAre(2, 5));
  request.clear_case_();
  request.set_kind("GetCaseFile");
  EXPECT_THAT(Seqs(*trail_->List(kAuditor, request)), ElementsAre());
  request.clear_kind();
  *request.mutable_start_time() = TimeUtil::SecondsToTimestamp(1800000002);
  *request.mutable_end_time() = TimeUtil::SecondsToTimestamp(1800000004);
  EXPECT_THAT(Seqs(*trail_->List(kAuditor, request)), ElementsAre(2, 3));

  v1::ListAuditEventsRequest paged;
  paged.set_page_size(2);
  std::vector<int64_t> seen;
  for (int pages = 0; pages < 10; ++pages) {
    auto page = trail_->List(kAuditor, paged);
    ASSERT_TRUE(page.ok()) << page.status();
    for (int64_t s : Seqs(*page)) seen.push_back(s);
    if (page->next_page_token().empty()) break;
    paged.set_page_token(page->next_page_token());
  }
  EXPECT_THAT(seen, ElementsAre(1, 2, 3, 4, 5));
}

TEST_F(AuditTrailTest, OnlyAuditorsAndAdminsReadTheTrail) {
  RecordReads(1);
  EXPECT_EQ(trail_->List(kInvestigator, v1::ListAuditEventsRequest()).status(),
            absl::PermissionDeniedError("role investigator may not read the audit trail"));
  EXPECT_EQ(trail_->Verify(kInvestigator).status(),
            absl::PermissionDeniedError("role investigator may not read the audit trail"));
  for (Role role : {Role::kOutOfHours, Role::kOperator}) {
    Caller c{"x", "x", role};
    EXPECT_TRUE(absl::IsPermissionDenied(trail_->List(c, v1::ListAuditEventsRequest()).status()));
  }
  EXPECT_TRUE(trail_->List(kAdmin, v1::ListAuditEventsRequest()).ok());
}

TEST_F(AuditTrailTest, ListChecksItsArguments) {
  v1::ListAuditEventsRequest request;
  request.set_page_token("garbage");
  EXPECT_EQ(trail_->List(kAuditor, request).status(),
            absl::InvalidArgumentError("page_token: not a token from a previous ListAuditEvents"));
  request.clear_page_token();
  request.set_case_("CF-1");
  EXPECT_EQ(trail_->List(kAuditor, request).status(),
            absl::InvalidArgumentError("case: expected cases/{case}"));
  request.clear_case_();
  request.set_page_size(-1);
  EXPECT_EQ(trail_->List(kAuditor, request).status(),
            absl::InvalidArgumentError("page_size: must not be negative"));
}

}  // namespace
}  // namespace casefile
