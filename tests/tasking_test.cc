// TaskingAgenda with the clock in the test's hands: what came in since a
// time, with the entries written since, and the cases with no write for the
// days given — longest quiet first, closed cases left out — read from the
// team's index.
#include "core/chronology/tasking.h"

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/blocking_counter.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "core/chronology/case_chronology.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/time_util.h"
#include "gtest/gtest.h"
#include "storage/store.h"
#include "tests/scratch_dir.h"
#include "tests/support/safeguarding_examples.h"

namespace casefile {
namespace {

using ::google::protobuf::util::TimeUtil;
using ::testing::ElementsAre;

const Caller kInvestigator{"dc4471", "DC 4471 Hughes", Role::kInvestigator, "", {"cait"}};
const Caller kSupervisor{"ds0001", "DS 1 Price", Role::kSupervisor, "", {"cait"}};

// Waits for a Reply (which may run on the writer thread).
template <typename T>
absl::StatusOr<T> Await(absl::FunctionRef<void(Reply<T>)> call) {
  absl::Notification done;
  std::optional<absl::StatusOr<T>> result;
  call([&](absl::StatusOr<T> r) {
    result = std::move(r);
    done.Notify();
  });
  done.WaitForNotification();
  return *std::move(result);
}

class TaskingTest : public ::testing::Test {
 protected:
  TaskingTest() {
    storage::StoreOptions options;
    options.lmdb.map_size = size_t{16} << 20;
    options.lmdb.max_readers = 16;
    auto store = storage::Store::Open(dir_.path(), options);
    EXPECT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
    const Clock clock = [this] { return now_; };
    chronology_ = std::make_unique<CaseChronology>(store_.get(), &feed_, clock);
    attention_ = std::make_unique<AttentionLists>(store_.get(), clock, AttentionOptions());
    tasking_ = std::make_unique<TaskingAgenda>(store_.get(), clock, attention_.get());
  }

  std::string Create(const std::string& id) {
    v1::CreateCaseRequest request;
    request.mutable_case_()->set_title(id);
    request.set_case_id(id);
    auto c = Await<v1::Case>([&](Reply<v1::Case> r) { chronology_->CreateCase(kInvestigator, request, std::move(r)); });
    EXPECT_TRUE(c.ok()) << c.status();
    return id;
  }
  void Note(const std::string& id) {
    v1::AppendEntryRequest request;
    request.set_parent("cases/" + id);
    request.mutable_entry()->set_kind(v1::ENTRY_KIND_NOTE);
    request.mutable_entry()->set_text("Called the school");
    auto e = Await<v1::Entry>([&](Reply<v1::Entry> r) { chronology_->AppendEntry(kInvestigator, request, std::move(r)); });
    EXPECT_TRUE(e.ok()) << e.status();
  }
  // `n` referrals waiting for CSC's feedback in case `id`, written by
  // `writer`; sent at once, so the writer commits them in groups.
  void Referrals(const Caller& writer, const std::string& id, int n, int referred_day) {
    v1::AppendEntryRequest request;
    request.set_parent("cases/" + id);
    *request.mutable_entry() = testing::ReferralExample(false);
    request.mutable_entry()->mutable_referral()->mutable_referred_time()->set_day(referred_day);
    absl::BlockingCounter written(n);
    std::atomic<int> refused = 0;
    for (int i = 0; i < n; ++i) {
      chronology_->AppendEntry(writer, request, [&](absl::StatusOr<v1::Entry> e) {
        if (!e.ok()) ++refused;
        written.DecrementCount();
      });
    }
    written.Wait();
    EXPECT_EQ(refused, 0);
  }
  v1::Tasking Agenda(absl::Time since, int quiet_days) {
    v1::GetTaskingRequest request;
    request.set_team("cait");
    *request.mutable_since_time() = TimeUtil::SecondsToTimestamp(absl::ToUnixSeconds(since));
    request.set_quiet_days(quiet_days);
    auto t = Await<v1::Tasking>([&](Reply<v1::Tasking> r) { tasking_->Get(kSupervisor, request, std::move(r)); });
    EXPECT_TRUE(t.ok()) << t.status();
    return t.value_or(v1::Tasking());
  }
  static std::vector<std::string> Cases(const google::protobuf::RepeatedPtrField<v1::Tasking::TaskingCase>& lines) {
    std::vector<std::string> out;
    for (const auto& line : lines) out.push_back(absl::StrCat(line.case_(), ":", line.new_entries()));
    return out;
  }

  ScratchDir dir_;
  std::unique_ptr<storage::Store> store_;
  ChangeFeed feed_;
  absl::Time now_ = absl::FromCivil(absl::CivilSecond(2026, 11, 1, 9, 0, 0), absl::UTCTimeZone());
  std::unique_ptr<CaseChronology> chronology_;
  std::unique_ptr<AttentionLists> attention_;
  std::unique_ptr<TaskingAgenda> tasking_;
};

TEST_F(TaskingTest, WhatCameInSinceAndTheCasesQuietForTheDaysGiven) {
  Create("A");  // 1 Nov, never written again
  now_ += absl::Hours(24 * 5);
  Create("B");  // 6 Nov
  Note("B");
  now_ += absl::Hours(24 * 15);
  const absl::Time meeting = now_;  // 21 Nov
  Create("C");
  Note("C");
  Note("C");
  now_ += absl::Hours(1);
  Note("B");

  const v1::Tasking t = Agenda(meeting, 14);
  EXPECT_THAT(Cases(t.written_since()), ElementsAre("cases/B:1", "cases/C:2"));
  EXPECT_EQ(t.written_since_total(), 2);
  EXPECT_EQ(t.quiet_total(), 1);
  EXPECT_FALSE(t.written_since(0).opened_since());
  EXPECT_TRUE(t.written_since(1).opened_since());
  EXPECT_THAT(Cases(t.quiet()), ElementsAre("cases/A:0"));  // 20 days; B was written today
  // Ten days ago: everything came in, nothing is 30 days quiet.
  const v1::Tasking wider = Agenda(now_ - absl::Hours(24 * 25), 30);
  EXPECT_THAT(Cases(wider.written_since()), ElementsAre("cases/B:2", "cases/C:2", "cases/A:0"));
  EXPECT_THAT(wider.quiet(), ::testing::IsEmpty());
  // Seven days quiet: A, the longest first.
  now_ += absl::Hours(24 * 8);
  EXPECT_THAT(Cases(Agenda(now_, 7).quiet()), ElementsAre("cases/A:0", "cases/C:0", "cases/B:0"));
}

TEST_F(TaskingTest, TheTeamsItemsAreOnTheAgendaHoweverManyOtherTeamsItemsComeFirst) {
  // 1,001 referrals waiting for CSC's feedback in another team's case, all due
  // before the one in cait's case: more than a page of the unit's list.
  const Caller east{"dc9", "DC 9 Khan", Role::kInvestigator, "", {"pvp-east"}};
  v1::CreateCaseRequest create;
  create.mutable_case_()->set_title("East");
  create.set_case_id("E");
  ASSERT_TRUE(Await<v1::Case>([&](Reply<v1::Case> r) { chronology_->CreateCase(east, create, std::move(r)); }).ok());
  Referrals(east, "E", 1001, 2);
  Create("C");
  Referrals(kInvestigator, "C", 1, 12);
  now_ = absl::FromCivil(absl::CivilSecond(2026, 11, 20, 9, 0, 0), absl::UTCTimeZone());

  const v1::Tasking t = Agenda(now_ - absl::Hours(24), 14);
  ASSERT_EQ(t.needs_attention_size(), 1);
  EXPECT_EQ(t.needs_attention_total(), 1);
  EXPECT_EQ(t.needs_attention(0).list(), "referral feedback overdue");
  EXPECT_EQ(t.needs_attention(0).entry(), "cases/C/entries/1");
}

TEST_F(TaskingTest, APartLongerThanAnAgendaShowsTheFirst500AndCountsTheRest) {
  Create("C");
  Referrals(kInvestigator, "C", 501, 12);
  now_ = absl::FromCivil(absl::CivilSecond(2026, 11, 20, 9, 0, 0), absl::UTCTimeZone());

  const v1::Tasking t = Agenda(now_ - absl::Hours(24), 14);
  EXPECT_EQ(t.needs_attention_size(), 500);
  EXPECT_EQ(t.needs_attention_total(), 501);
  EXPECT_EQ(t.written_since_total(), 0);
}

}  // namespace
}  // namespace casefile
