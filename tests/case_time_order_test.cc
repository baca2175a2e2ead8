// The chronology in time order in the store (core/chronology/entry_time_order.h,
// case_file_view.h, storage/entry_time_index.h): the exact order of mixed
// precisions, ties and undated entries, corrections beside what they
// correct, pages from the newest end, filters, erasure, and the one-off
// build of the index in a store written before it.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "casefile/v1/case_service.pb.h"
#include "core/chronology/case_chronology.h"
#include "core/chronology/case_file_view.h"
#include "core/chronology/children_named.h"
#include "core/chronology/entry_time_order.h"
#include "core/input/resource_names.h"
#include "core/retention/case_eraser.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/case_tables.h"
#include "storage/keys.h"
#include "storage/store.h"
#include "tests/scratch_dir.h"

namespace casefile {
namespace {

using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using Precision = v1::PartialTime;

const Caller kAdmin{"admin", "Administrator", Role::kAdmin};

v1::PartialTime Time(Precision::Precision precision, int year = 0, int month = 0, int day = 0, int hour = 0,
                     int minute = 0) {
  v1::PartialTime t;
  t.set_precision(precision);
  t.set_year(year);
  t.set_month(month);
  t.set_day(day);
  t.set_hour(hour);
  t.set_minute(minute);
  return t;
}
v1::PartialTime Day(int year, int month, int day) { return Time(Precision::PRECISION_DAY, year, month, day); }

class CaseTimeOrderTest : public ::testing::Test {
 protected:
  CaseTimeOrderTest() {
    storage::StoreOptions options;
    options.lmdb.map_size = size_t{64} << 20;
    auto store = storage::Store::Open(dir_.path(), options);
    EXPECT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
  }

  // Writes the next entry of `case_id` as the chronology does (its place
  // decided by PlaceInTime); `corrects`: the number of the entry it supersedes.
  int64_t Write(const std::string& case_id, v1::PartialTime when, v1::EntryKind kind = v1::ENTRY_KIND_NOTE,
                int64_t corrects = 0, const std::string& child = "") {
    int64_t number = 0;
    EXPECT_TRUE(store_->writer()
                    .Run([&](storage::LmdbTxn& txn) -> absl::Status {
                      auto c = storage::LoadCase(txn, case_id);
                      if (!c.ok()) return c.status();
                      v1::Case header = c->value_or(v1::Case());
                      header.set_name(CaseName(case_id));
                      number = header.version() + 1;
                      v1::Entry e;
                      e.set_name(EntryResourceName(case_id, number));
                      e.set_number(number);
                      e.set_kind(kind);
                      *e.mutable_occur_time() = when;
                      e.set_text(absl::StrCat("entry ", number));
                      if (!child.empty()) {
                        e.set_kind(v1::ENTRY_KIND_MISSING_EPISODE);
                        e.mutable_missing_episode()->mutable_child()->set_person(child);
                      }
                      if (corrects != 0) e.set_supersedes(EntryResourceName(case_id, corrects));
                      auto place = PlaceInTime(txn, case_id, e);
                      if (!place.ok()) return place.status();
                      if (auto s = storage::SaveEntry(txn, case_id, e, *place); !s.ok()) return s;
                      if (corrects != 0) {
                        if (auto s = storage::SaveSupersession(txn, case_id, corrects, number); !s.ok()) return s;
                      }
                      header.set_version(number);
                      return storage::SaveCase(txn, case_id, header);
                    })
                    .ok());
    return number;
  }

  // The entry numbers `request` gets, read a chain per chunk (every resume
  // point is taken); `total`/`page` as the response's first chunk says.
  std::vector<int64_t> Read(const std::string& case_id, v1::GetCaseFileRequest request, int* total = nullptr,
                            int* page = nullptr) {
    request.set_order(v1::GetCaseFileRequest::ORDER_OCCURRED);
    EXPECT_TRUE(ValidateCaseFileView(request).ok()) << ValidateCaseFileView(request);
    CaseChronology chronology(store_.get(), &feed_, [] { return absl::Now(); });
    constexpr int kField = v1::GetCaseFileResponse::kEntriesFieldNumber;
    auto start = chronology.StartCaseFileViewUnchecked(request, case_id, std::nullopt, 1, kField);
    EXPECT_TRUE(start.ok()) << start.status();
    std::vector<int64_t> numbers;
    if (!start.ok()) return numbers;
    if (total != nullptr) *total = start->view.total_size;
    if (page != nullptr) *page = start->view.page;
    std::string bytes = start->first;
    for (int chunks = 0; chunks < 100000; ++chunks) {
      v1::GetCaseFileResponse response;
      EXPECT_TRUE(response.ParseFromString(bytes));
      for (const v1::Entry& e : response.entries()) numbers.push_back(e.number());
      if (start->view.done) break;
      auto next = chronology.ReadCaseFileView(start->view, 1, kField, "");
      EXPECT_TRUE(next.ok()) << next.status();
      if (!next.ok()) break;
      bytes = *next;
    }
    return numbers;
  }
  std::vector<int64_t> Read(const std::string& case_id) { return Read(case_id, v1::GetCaseFileRequest()); }

  // Every row of the time index, as "case:number" in key order.
  std::vector<std::string> IndexRows() {
    std::vector<std::string> rows;
    auto read = store_->BeginRead();
    EXPECT_TRUE(read.ok());
    auto cursor = (*read)->txn().OpenCursor();
    const std::string table = storage::keys::EntryInTimePrefix("").substr(0, 2);
    for (auto at = cursor->Seek(table); at.ok() && *at && absl::StartsWith(cursor->key(), table); at = cursor->Next())
      rows.push_back(absl::StrCat(cursor->key().substr(2, cursor->key().size() - 2 - 25), ":",
                                  storage::keys::EntryNumber(cursor->key()), "=", cursor->value().size()));
    return rows;
  }

  ScratchDir dir_;
  ChangeFeed feed_;
  std::unique_ptr<storage::Store> store_;
};

TEST_F(CaseTimeOrderTest, MixedPrecisionsByTheirStartCoarserFirstTiesAsRecordedUndatedLast) {
  const std::string c = "CF-1";
  Write(c, Time(Precision::PRECISION_UNSPECIFIED));                   // 1
  Write(c, Time(Precision::PRECISION_MINUTE, 2012, 11, 12, 14, 30));  // 2
  Write(c, Time(Precision::PRECISION_YEAR, 2012));                    // 3
  Write(c, Time(Precision::PRECISION_MONTH, 2012, 11));               // 4
  Write(c, Day(2012, 11, 12));                                        // 5
  Write(c, Day(2011, 5, 1));                                          // 6
  Write(c, Time(Precision::PRECISION_MINUTE, 2012, 11, 12, 14, 30));  // 7: the same minute as 2
  Write(c, Time(Precision::PRECISION_MINUTE, 2012, 11, 12, 0, 0));    // 8: midnight, after the day itself
  Write(c, Time(Precision::PRECISION_UNSPECIFIED));                   // 9
  Write(c, Time(Precision::PRECISION_MONTH, 2012, 1));                // 10: Jan 2012, after 2012
  Write(c, Day(2012, 11, 12));                                        // 11: the same day as 5
  EXPECT_THAT(Read(c), ElementsAre(6, 3, 10, 4, 5, 11, 8, 2, 7, 1, 9));
}

TEST_F(CaseTimeOrderTest, ACorrectionSitsRightAfterWhatItCorrectsWhateverTimeItGives) {
  const std::string c = "CF-1";
  Write(c, Day(2012, 1, 1));                                       // 1
  Write(c, Day(2013, 1, 1));                                       // 2
  Write(c, Day(2014, 1, 1), v1::ENTRY_KIND_NOTE, /*corrects=*/1);  // 3 corrects 1, says 2014
  Write(c, Day(2011, 1, 1), v1::ENTRY_KIND_NOTE, /*corrects=*/3);  // 4 corrects 3, says 2011
  Write(c, Day(2012, 6, 1));                                       // 5
  Write(c, Time(Precision::PRECISION_UNSPECIFIED), v1::ENTRY_KIND_NOTE, /*corrects=*/2);  // 6 corrects 2
  EXPECT_THAT(Read(c), ElementsAre(1, 3, 4, 5, 2, 6));
}

TEST_F(CaseTimeOrderTest, TheChronologysOwnCorrectionsKeepTheIndexRight) {
  CaseChronology chronology(store_.get(), &feed_, [] { return absl::Now(); });
  const Caller writer{"dc4471", "DC 4471 Hughes", Role::kInvestigator};
  auto wait = [](auto call) {
    absl::Notification done;
    absl::Status status;
    call([&](auto result) {
      status = result.status();
      done.Notify();
    });
    done.WaitForNotification();
    return status;
  };
  v1::CreateCaseRequest create;
  create.mutable_case_()->set_title("Time order");
  create.set_case_id("CF-7");
  ASSERT_TRUE(wait([&](Reply<v1::Case> r) { chronology.CreateCase(writer, create, std::move(r)); }).ok());
  for (v1::PartialTime when : {Day(2015, 3, 1), Day(2014, 3, 1), Day(2016, 3, 1)}) {
    v1::AppendEntryRequest append;
    append.set_parent("cases/CF-7");
    append.mutable_entry()->set_kind(v1::ENTRY_KIND_VISIT);
    append.mutable_entry()->set_text("visit");
    *append.mutable_entry()->mutable_occur_time() = when;
    ASSERT_TRUE(wait([&](Reply<v1::Entry> r) { chronology.AppendEntry(writer, append, std::move(r)); }).ok());
  }
  v1::CorrectEntryRequest correct;
  correct.set_name("cases/CF-7/entries/2");
  correct.set_text("visit, another day");
  correct.set_reason("wrong day recorded");
  *correct.mutable_occur_time() = Day(2017, 1, 1);
  ASSERT_TRUE(wait([&](Reply<v1::Entry> r) { chronology.CorrectEntry(writer, correct, std::move(r)); }).ok());
  EXPECT_THAT(Read("CF-7"), ElementsAre(2, 4, 1, 3));
}

TEST_F(CaseTimeOrderTest, PagesCountBackFromTheNewestAndAPagePastTheOldestIsTheOldest) {
  const std::string c = "CF-1";
  for (int n = 30; n >= 1; --n) Write(c, Day(2000 + n, 1, 1));  // entry k happened in 2031 - k
  Write(c, Day(2040, 1, 1), v1::ENTRY_KIND_NOTE, /*corrects=*/30);  // 31 joins 30's chain (the oldest)
  v1::GetCaseFileRequest request;
  request.set_page_size(7);
  int total = 0, page = -1;
  EXPECT_THAT(Read(c, request, &total, &page), ElementsAre(7, 6, 5, 4, 3, 2, 1));
  EXPECT_EQ(total, 30);  // chains, not entries
  EXPECT_EQ(page, 0);
  request.set_page(1);
  EXPECT_THAT(Read(c, request), ElementsAre(14, 13, 12, 11, 10, 9, 8));
  request.set_page(4);
  EXPECT_THAT(Read(c, request, &total, &page), ElementsAre(30, 31, 29));
  EXPECT_EQ(page, 4);
  request.set_page(9);
  EXPECT_THAT(Read(c, request, &total, &page), ElementsAre(30, 31, 29));
  EXPECT_EQ(page, 4);
  // An empty case is one empty page.
  request.set_page(0);
  EXPECT_THAT(Read("CF-2", request, &total, &page), ElementsAre());
  EXPECT_EQ(total, 0);
}

TEST_F(CaseTimeOrderTest, FiltersByKindTimeRangeAndPerson) {
  const std::string c = "CF-1";
  Write(c, Time(Precision::PRECISION_YEAR, 2012), v1::ENTRY_KIND_VISIT);                      // 1
  Write(c, Day(2012, 11, 30), v1::ENTRY_KIND_NOTE, 0, "persons/P1");                         // 2
  Write(c, Time(Precision::PRECISION_MONTH, 2012, 11), v1::ENTRY_KIND_VISIT);                // 3
  Write(c, Time(Precision::PRECISION_MINUTE, 2012, 12, 1, 0, 0), v1::ENTRY_KIND_VISIT);      // 4
  Write(c, Time(Precision::PRECISION_UNSPECIFIED), v1::ENTRY_KIND_VISIT);                    // 5
  Write(c, Day(2013, 2, 1), v1::ENTRY_KIND_NOTE, 0, "persons/P2");                           // 6
  Write(c, Day(2013, 2, 2), v1::ENTRY_KIND_NOTE, /*corrects=*/6, "persons/P1");              // 7 corrects 6
  v1::GetCaseFileRequest visits;
  visits.add_kinds(v1::ENTRY_KIND_VISIT);
  EXPECT_THAT(Read(c, visits), ElementsAre(1, 3, 4, 5));
  // Kinds are the kind of the entry a chain starts from.
  v1::GetCaseFileRequest missing;
  missing.add_kinds(v1::ENTRY_KIND_MISSING_EPISODE);
  EXPECT_THAT(Read(c, missing), ElementsAre(2, 6, 7));
  // "Nov 2012" to "Nov 2012": the whole month, not the year before it nor 1 Dec.
  v1::GetCaseFileRequest november;
  *november.mutable_occurred_from() = Time(Precision::PRECISION_MONTH, 2012, 11);
  *november.mutable_occurred_to() = Time(Precision::PRECISION_MONTH, 2012, 11);
  EXPECT_THAT(Read(c, november), ElementsAre(3, 2));
  // From a day on: undated entries come after every time.
  v1::GetCaseFileRequest since;
  *since.mutable_occurred_from() = Day(2012, 12, 1);
  EXPECT_THAT(Read(c, since), ElementsAre(4, 6, 7, 5));
  v1::GetCaseFileRequest until;
  *until.mutable_occurred_to() = Time(Precision::PRECISION_YEAR, 2012);
  EXPECT_THAT(Read(c, until), ElementsAre(1, 3, 2, 4));
  // A person named by any entry of a chain takes the whole chain.
  v1::GetCaseFileRequest p1;
  p1.set_person("persons/P1");
  EXPECT_THAT(Read(c, p1), ElementsAre(2, 6, 7));
  v1::GetCaseFileRequest p2;
  p2.set_person("persons/P2");
  p2.set_page_size(1);
  int total = 0;
  EXPECT_THAT(Read(c, p2, &total), ElementsAre(6, 7));
  EXPECT_EQ(total, 1);
  p2.set_person("persons/P3");
  EXPECT_THAT(Read(c, p2, &total), ElementsAre());
  EXPECT_EQ(total, 0);
}

TEST_F(CaseTimeOrderTest, EntriesWrittenAfterTheVersionReadAreLeftOut) {
  const std::string c = "CF-1";
  Write(c, Day(2012, 1, 2));
  Write(c, Day(2012, 1, 3));
  CaseChronology chronology(store_.get(), &feed_, [] { return absl::Now(); });
  v1::GetCaseFileRequest request;
  request.set_order(v1::GetCaseFileRequest::ORDER_OCCURRED);
  auto start = chronology.StartCaseFileViewUnchecked(request, c, std::nullopt, 1, 2);
  ASSERT_TRUE(start.ok());
  Write(c, Day(2012, 1, 1));                       // before both in time, after the read began
  Write(c, Day(2012, 1, 9), v1::ENTRY_KIND_NOTE, 2);  // a correction of the second
  auto rest = chronology.ReadCaseFileView(start->view, size_t{1} << 20, 2, "");
  ASSERT_TRUE(rest.ok());
  v1::GetCaseFileResponse first, second;
  ASSERT_TRUE(first.ParseFromString(start->first));
  ASSERT_TRUE(second.ParseFromString(*rest));
  ASSERT_EQ(first.entries_size(), 1);
  EXPECT_EQ(first.entries(0).number(), 1);
  ASSERT_EQ(second.entries_size(), 1);
  EXPECT_EQ(second.entries(0).number(), 2);
  EXPECT_EQ(second.entries(0).superseded_by(), "cases/CF-1/entries/4");  // as stored now, like the number order
  EXPECT_TRUE(start->view.done);
}

TEST_F(CaseTimeOrderTest, RequestFieldsAreCheckedAndNeedTheTimeOrder) {
  v1::GetCaseFileRequest request;
  request.set_page_size(10);
  EXPECT_EQ(ValidateCaseFileView(request).message(),
            "order: kinds, occurred_from, occurred_to, person, page_size and page need ORDER_OCCURRED");
  request.set_order(v1::GetCaseFileRequest::ORDER_OCCURRED);
  EXPECT_TRUE(ValidateCaseFileView(request).ok());
  request.set_page(-1);
  EXPECT_EQ(ValidateCaseFileView(request).message(), "page: must not be negative");
  request.set_page(0);
  request.set_page_size(100001);
  EXPECT_EQ(ValidateCaseFileView(request).message(), "page_size: must be 0 to 100000");
  request.set_page_size(0);
  request.set_person("P1");
  EXPECT_EQ(ValidateCaseFileView(request).message(), "person: not a person name (persons/{person})");
  request.set_person("persons/P1");
  request.add_kinds(v1::ENTRY_KIND_UNSPECIFIED);
  EXPECT_EQ(ValidateCaseFileView(request).message(), "kinds[0]: not a kind of entry");
  request.clear_kinds();
  *request.mutable_occurred_from() = Day(2012, 2, 31);
  EXPECT_THAT(std::string(ValidateCaseFileView(request).message()), ::testing::StartsWith("occurred_from"));
}

TEST_F(CaseTimeOrderTest, ErasureTakesTheCasesRowsAndLeavesTheOthers) {
  Write("CF-1", Day(2012, 1, 1));
  Write("CF-1", Day(2011, 1, 1), v1::ENTRY_KIND_NOTE, 1);
  Write("CF-10", Day(2010, 1, 1));  // a case id the first is a prefix of
  ASSERT_THAT(IndexRows(), ElementsAre("CF-1:1=1", "CF-1:2=1", "CF-10:1=1"));
  ASSERT_TRUE(store_->writer()
                  .Run([](storage::LmdbTxn& txn) -> absl::Status {
                    return EraseCaseContent(txn, kAdmin, "CF-1",
                                            [](storage::LmdbTxn&) { return absl::OkStatus(); })
                        .status();
                  })
                  .ok());
  EXPECT_THAT(IndexRows(), ElementsAre("CF-10:1=1"));
  EXPECT_THAT(Read("CF-1"), ElementsAre());
  EXPECT_THAT(Read("CF-10"), ElementsAre(1));
}

TEST_F(CaseTimeOrderTest, AStoreWrittenBeforeTheIndexGetsItOnceAtStart) {
  for (const std::string c : {"CF-1", "CF-2"}) {
    Write(c, Day(2012, 3, 1));
    Write(c, Time(Precision::PRECISION_UNSPECIFIED));
    Write(c, Time(Precision::PRECISION_YEAR, 2012), v1::ENTRY_KIND_VISIT);
    Write(c, Day(2010, 1, 1), v1::ENTRY_KIND_NOTE, /*corrects=*/1);
    Write(c, Day(2009, 1, 1), v1::ENTRY_KIND_NOTE, /*corrects=*/4);
  }
  const std::vector<std::string> written = IndexRows();
  ASSERT_EQ(written.size(), 10u);
  // The store as an older casefiled left it: entries, no time index.
  ASSERT_TRUE(store_->writer()
                  .Run([](storage::LmdbTxn& txn) -> absl::Status {
                    for (const std::string c : {"CF-1", "CF-2"}) {
                      for (uint64_t n = 1; n <= 5; ++n) {
                        auto e = storage::LoadBareEntry(txn, c, n);
                        if (!e.ok()) return e.status();
                        auto place = PlaceInTime(txn, c, **e);
                        if (!place.ok()) return place.status();
                        if (auto s = txn.Delete(storage::keys::EntryInTime(c, place->time, place->chain, n)); !s.ok())
                          return s;
                      }
                    }
                    return absl::OkStatus();
                  })
                  .ok());
  ASSERT_THAT(IndexRows(), ElementsAre());
  ASSERT_TRUE(IndexEntriesInTimeOrder(*store_).ok());
  EXPECT_THAT(IndexRows(), ElementsAreArray(written));
  EXPECT_THAT(Read("CF-2"), ElementsAre(3, 1, 4, 5, 2));
  // Once: a second start does not build it again (a row removed stays removed).
  ASSERT_TRUE(store_->writer()
                  .Run([](storage::LmdbTxn& txn) {
                    return txn.Delete(storage::keys::EntryInTime("CF-1", TimeOrder(Day(2012, 3, 1)), 1, 1));
                  })
                  .ok());
  ASSERT_TRUE(IndexEntriesInTimeOrder(*store_).ok());
  EXPECT_EQ(IndexRows().size(), 9u);
}

TEST_F(CaseTimeOrderTest, CasesOfAnOlderStoreGetTheChildrenTheirRecordsNameOnceAtStart) {
  Write("CF-1", Day(2012, 3, 1), v1::ENTRY_KIND_NOTE, 0, "persons/PA");
  Write("CF-1", Day(2012, 3, 2));
  Write("CF-1", Day(2012, 3, 3), v1::ENTRY_KIND_NOTE, 0, "persons/PB");
  Write("CF-1", Day(2012, 3, 4), v1::ENTRY_KIND_NOTE, 0, "persons/PA");
  Write("CF-2", Day(2012, 3, 1));
  auto named = [&](const std::string& case_id) {
    std::vector<std::string> persons;
    EXPECT_TRUE(store_->writer()
                    .Run([&](storage::LmdbTxn& txn) -> absl::Status {
                      auto c = storage::LoadCase(txn, case_id);
                      if (!c.ok()) return c.status();
                      for (const v1::ChildRef& child : (*c)->children_named()) persons.push_back(child.person());
                      return absl::OkStatus();
                    })
                    .ok());
    return persons;
  };
  ASSERT_THAT(named("CF-1"), ElementsAre());  // as an older casefiled left it
  ASSERT_TRUE(NoteChildrenNamedInOlderCases(*store_).ok());
  EXPECT_THAT(named("CF-1"), ElementsAre("persons/PA", "persons/PB"));
  EXPECT_THAT(named("CF-2"), ElementsAre());
  // Once: a child named after that is the writer's to note, not a second pass's.
  Write("CF-2", Day(2012, 3, 2), v1::ENTRY_KIND_NOTE, 0, "persons/PC");
  ASSERT_TRUE(NoteChildrenNamedInOlderCases(*store_).ok());
  EXPECT_THAT(named("CF-2"), ElementsAre());
}

}  // namespace
}  // namespace casefile
