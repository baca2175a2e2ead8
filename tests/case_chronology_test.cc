#include "core/chronology/case_chronology.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/synchronization/notification.h"
#include "absl/time/time.h"
#include "casefile/v1/audit.pb.h"
#include "core/chronology/validation.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/time_util.h"
#include "gtest/gtest.h"
#include "storage/keys.h"
#include "storage/proto_wire.h"
#include "storage/store.h"
#include "tests/scratch_dir.h"

namespace casefile {
namespace {

using ::google::protobuf::util::TimeUtil;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

const Caller kInvestigator{"dc4471", "DC 4471 Hughes", Role::kInvestigator};
const Caller kOtherInvestigator{"ds2210", "DS 2210 Price", Role::kInvestigator};
const Caller kOutOfHours{"ooh01", "PC 77 Night", Role::kOutOfHours};
const Caller kOperator{"op01", "Migration Operator", Role::kOperator};
const Caller kAuditor{"aud01", "Auditor One", Role::kAuditor};
const Caller kAdmin{"admin", "Administrator", Role::kAdmin};

// Waits for a Reply (which may run on the writer thread).
template <typename T>
class Sync {
 public:
  Reply<T> reply() {
    return [this](absl::StatusOr<T> result) {
      result_ = std::move(result);
      done_.Notify();
    };
  }
  absl::StatusOr<T> Get() {
    done_.WaitForNotification();
    return *std::move(result_);
  }

 private:
  absl::Notification done_;
  std::optional<absl::StatusOr<T>> result_;
};

v1::Subject Subject(const std::string& display_name) {
  v1::Subject s;
  s.set_display_name(display_name);
  return s;
}

v1::CreateCaseRequest NewCase(const std::string& title, const std::string& case_id = "",
                              const std::string& request_id = "") {
  v1::CreateCaseRequest request;
  request.mutable_case_()->set_title(title);
  request.set_case_id(case_id);
  request.set_request_id(request_id);
  return request;
}

v1::AppendEntryRequest NewEntry(const std::string& case_id, const std::string& text,
                                const std::string& request_id = "") {
  v1::AppendEntryRequest request;
  request.set_parent(absl::StrCat("cases/", case_id));
  request.mutable_entry()->set_kind(v1::ENTRY_KIND_VISIT);
  request.mutable_entry()->set_text(text);
  request.set_request_id(request_id);
  return request;
}

v1::CorrectEntryRequest NewCorrection(const std::string& entry_name, const std::string& text,
                                      const std::string& request_id = "") {
  v1::CorrectEntryRequest request;
  request.set_name(entry_name);
  request.set_text(text);
  request.set_reason("wrong address recorded");
  request.set_request_id(request_id);
  return request;
}

class CaseChronologyTest : public ::testing::Test {
 protected:
  CaseChronologyTest() {
    storage::StoreOptions options;
    options.lmdb.map_size = size_t{16} << 20;
    options.lmdb.max_readers = 16;
    auto store = storage::Store::Open(dir_.path(), options);
    EXPECT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
    chronology_ = std::make_unique<CaseChronology>(store_.get(), &feed_, [this] { return now_; });
  }

  absl::StatusOr<v1::Case> Create(v1::CreateCaseRequest request,
                                  const Caller& caller = kInvestigator) {
    Sync<v1::Case> sync;
    chronology_->CreateCase(caller, std::move(request), sync.reply());
    return sync.Get();
  }
  absl::StatusOr<v1::Entry> Append(v1::AppendEntryRequest request,
                                   const Caller& caller = kInvestigator) {
    Sync<v1::Entry> sync;
    chronology_->AppendEntry(caller, std::move(request), sync.reply());
    return sync.Get();
  }
  absl::StatusOr<v1::Entry> Correct(v1::CorrectEntryRequest request,
                                    const Caller& caller = kInvestigator) {
    Sync<v1::Entry> sync;
    chronology_->CorrectEntry(caller, std::move(request), sync.reply());
    return sync.Get();
  }
  absl::StatusOr<v1::Case> OpenCaseFile(const std::string& name, const std::string& purpose,
                                        const Caller& caller = kInvestigator) {
    v1::GetCaseFileRequest request;
    request.set_name(name);
    request.set_purpose(purpose);
    Sync<v1::Case> sync;
    chronology_->OpenCaseFile(caller, request, "GetCaseFile", sync.reply());
    return sync.Get();
  }
  absl::StatusOr<v1::Case> OpenWatch(const v1::WatchCaseRequest& request,
                                     const Caller& caller = kInvestigator) {
    Sync<v1::Case> sync;
    chronology_->OpenWatch(caller, request, sync.reply());
    return sync.Get();
  }
  absl::StatusOr<v1::ListCasesResponse> List(v1::ListCasesRequest request,
                                             const Caller& caller = kInvestigator) {
    return chronology_->ListCases(caller, request);
  }

  // Creates a case with the given id and returns its id.
  std::string MakeCase(const std::string& case_id) {
    auto c = Create(NewCase("Test case", case_id));
    EXPECT_TRUE(c.ok()) << c.status();
    return case_id;
  }
  // Every entry of a case, parsed, as ReadEntries returns them.
  std::vector<v1::Entry> Entries(const std::string& case_id) {
    std::vector<v1::Entry> out;
    auto version = chronology_->CaseVersion(kAdmin, case_id);
    EXPECT_TRUE(version.ok()) << version.status();
    if (!version.ok() || *version == 0) return out;
    auto chunk = chronology_->ReadEntries(case_id, 1, *version, size_t{1} << 30);
    EXPECT_TRUE(chunk.ok()) << chunk.status();
    if (!chunk.ok()) return out;
    for (const std::string& bytes : chunk->entries) {
      EXPECT_TRUE(out.emplace_back().ParseFromString(bytes));
    }
    return out;
  }
  // The audit records of `kind` written so far, in order.
  std::vector<v1::AuditEvent> AuditRecords(const std::string& kind) {
    std::vector<v1::AuditEvent> out;
    auto read = store_->BeginRead();
    EXPECT_TRUE(read.ok());
    if (!read.ok()) return out;
    auto cursor = (*read)->txn().OpenCursor();
    EXPECT_TRUE(cursor.ok());
    const std::string prefix = storage::keys::AuditRecordPrefix();
    for (auto at = cursor->Seek(prefix); at.ok() && *at && absl::StartsWith(cursor->key(), prefix);
         at = cursor->Next()) {
      v1::AuditEvent event;
      EXPECT_TRUE(
          event.ParseFromArray(cursor->value().data(), static_cast<int>(cursor->value().size())));
      if (event.kind() == kind) out.push_back(std::move(event));
    }
    return out;
  }
  static std::vector<std::string> Names(const v1::ListCasesResponse& response) {
    std::vector<std::string> names;
    for (const v1::Case& c : response.cases()) names.push_back(c.name());
    return names;
  }

  ScratchDir dir_;
  absl::Time now_ = absl::FromUnixSeconds(1700000000);
  ChangeFeed feed_;
  std::unique_ptr<storage::Store> store_;
  std::unique_ptr<CaseChronology> chronology_;
};

// --- CreateCase ---------------------------------------------------------

TEST_F(CaseChronologyTest, CreateGeneratesSequentialIds) {
  v1::CreateCaseRequest request = NewCase("Ellie WATSON (03/04/2008)");
  request.mutable_case_()->add_legacy_refs("CR/12/0001");
  auto first = Create(request);
  ASSERT_TRUE(first.ok()) << first.status();
  EXPECT_EQ(first->name(), "cases/CF-000001");
  EXPECT_EQ(first->title(), "Ellie WATSON (03/04/2008)");
  EXPECT_THAT(first->legacy_refs(), ElementsAre("CR/12/0001"));
  EXPECT_EQ(first->version(), 0);
  EXPECT_EQ(first->etag(), "cases/CF-000001@0");
  EXPECT_EQ(first->creator(), "dc4471");
  EXPECT_EQ(TimeUtil::TimestampToSeconds(first->create_time()), 1700000000);

  auto second = Create(NewCase("Second"));
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_EQ(second->name(), "cases/CF-000002");

  auto got = chronology_->GetCase(kInvestigator, "cases/CF-000001");
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->SerializeAsString(), first->SerializeAsString());
}

TEST_F(CaseChronologyTest, CreateWithGivenIdAndDuplicateIsAlreadyExists) {
  auto c = Create(NewCase("Given", "PVP-2012-7"));
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->name(), "cases/PVP-2012-7");
  auto again = Create(NewCase("Again", "PVP-2012-7"));
  EXPECT_EQ(again.status(),
            absl::AlreadyExistsError("case_id: cases/PVP-2012-7 already exists"));
  EXPECT_EQ(chronology_->GetCase(kInvestigator, "cases/PVP-2012-7")->title(), "Given");
}

// A generated id must never collide with an id a caller chose.
TEST_F(CaseChronologyTest, GeneratedIdSkipsIdsAlreadyTaken) {
  ASSERT_TRUE(Create(NewCase("Chosen", "CF-000001")).ok());
  auto generated = Create(NewCase("Generated"));
  ASSERT_TRUE(generated.ok()) << generated.status();
  EXPECT_EQ(generated->name(), "cases/CF-000002");
  EXPECT_EQ(chronology_->GetCase(kInvestigator, "cases/CF-000001")->title(), "Chosen");
}

TEST_F(CaseChronologyTest, CreateRetryWithRequestIdReturnsTheSameCase) {
  auto first = Create(NewCase("Retry me", "", "req-1"));
  ASSERT_TRUE(first.ok()) << first.status();
  now_ += absl::Minutes(5);
  auto retry = Create(NewCase("Retry me", "", "req-1"));
  ASSERT_TRUE(retry.ok()) << retry.status();
  EXPECT_EQ(retry->SerializeAsString(), first->SerializeAsString());
  // Only one case was made; the next generated id follows it.
  auto next = Create(NewCase("Next"));
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next->name(), "cases/CF-000002");
  auto all = List(v1::ListCasesRequest());
  ASSERT_TRUE(all.ok());
  EXPECT_THAT(Names(*all), ElementsAre("cases/CF-000001", "cases/CF-000002"));
}

TEST_F(CaseChronologyTest, RequestIdsAreScopedToTheCaller) {
  auto mine = Create(NewCase("Mine", "", "same-id"));
  auto theirs = Create(NewCase("Theirs", "", "same-id"), kOtherInvestigator);
  ASSERT_TRUE(mine.ok() && theirs.ok());
  EXPECT_NE(mine->name(), theirs->name());
}

TEST_F(CaseChronologyTest, CreateRejectsInvalidRequests) {
  EXPECT_EQ(Create(NewCase("")).status(), absl::InvalidArgumentError("case.title: is required"));
  const std::string bad_id =
      "case_id: case id must be 1-63 upper-case letters, digits or '-', starting with a letter";
  EXPECT_EQ(Create(NewCase("t", "bad/id")).status(), absl::InvalidArgumentError(bad_id));
  EXPECT_EQ(Create(NewCase("t", "-")).status(), absl::InvalidArgumentError(bad_id));
  EXPECT_EQ(Create(NewCase("t", "cf-000001")).status(),
            absl::InvalidArgumentError(bad_id + " (did you mean CF-000001?)"));
  EXPECT_EQ(Create(NewCase("   ")).status(), absl::InvalidArgumentError("case.title: is required"));
  EXPECT_EQ(Create(NewCase("Ellie\x1b[2J")).status(),
            absl::InvalidArgumentError("case.title: control character U+001B at byte 5"));
  EXPECT_EQ(Create(v1::CreateCaseRequest()).status(),
            absl::InvalidArgumentError("case: is required"));
}

// Every legacy reference and subject name that validation accepts must be
// indexable (LMDB keys are at most 511 bytes): a long one must neither fail
// half way through the write nor make ListCases fail inside LMDB.
TEST_F(CaseChronologyTest, LongestAcceptedRefAndNameAreIndexed) {
  const std::string long_ref(kMaxIndexedFieldBytes, 'R');
  const std::string long_name(kMaxIndexedFieldBytes, 'n');
  v1::CreateCaseRequest request = NewCase("Long fields", std::string(63, 'C'));
  request.mutable_case_()->add_legacy_refs(long_ref);
  *request.mutable_case_()->add_subjects() = Subject(long_name);
  auto c = Create(request);
  ASSERT_TRUE(c.ok()) << c.status();

  v1::ListCasesRequest by_ref;
  by_ref.set_legacy_ref(long_ref);
  auto found = List(by_ref);
  ASSERT_TRUE(found.ok()) << found.status();
  EXPECT_THAT(Names(*found), ElementsAre(c->name()));
  v1::ListCasesRequest by_name;
  by_name.set_subject(long_name);
  found = List(by_name);
  ASSERT_TRUE(found.ok()) << found.status();
  EXPECT_THAT(Names(*found), ElementsAre(c->name()));

  by_ref.set_legacy_ref(std::string(kMaxShortFieldBytes, 'R'));
  EXPECT_EQ(List(by_ref).status(),
            absl::InvalidArgumentError("legacy_ref: is longer than 256 bytes"));
  by_name.set_subject(std::string(kMaxShortFieldBytes, 'n'));
  EXPECT_EQ(List(by_name).status(), absl::InvalidArgumentError("subject: is longer than 256 bytes"));
  request.set_case_id("D");
  request.mutable_case_()->set_legacy_refs(0, long_ref + "R");
  EXPECT_EQ(Create(request).status(),
            absl::InvalidArgumentError("case.legacy_refs[0]: is longer than 256 bytes"));
}

// --- AppendEntry --------------------------------------------------------

TEST_F(CaseChronologyTest, AppendNumbersEntriesAndBumpsTheVersion) {
  MakeCase("A");
  for (int i = 1; i <= 3; ++i) {
    now_ = absl::FromUnixSeconds(1700000000 + i);
    auto entry = Append(NewEntry("A", absl::StrCat("visit ", i)));
    ASSERT_TRUE(entry.ok()) << entry.status();
    EXPECT_EQ(entry->name(), absl::StrCat("cases/A/entries/", i));
    EXPECT_EQ(entry->number(), i);
    EXPECT_EQ(entry->author(), "dc4471");
    EXPECT_EQ(entry->author_display_name(), "DC 4471 Hughes");
    EXPECT_EQ(TimeUtil::TimestampToSeconds(entry->record_time()), 1700000000 + i);
    EXPECT_EQ(entry->kind(), v1::ENTRY_KIND_VISIT);
    EXPECT_EQ(entry->text(), absl::StrCat("visit ", i));
  }
  auto c = chronology_->GetCase(kInvestigator, "cases/A");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->version(), 3);
  EXPECT_EQ(c->etag(), "cases/A@3");
  EXPECT_EQ(*chronology_->CaseVersion(kAdmin, "A"), 3);
  std::vector<v1::Entry> entries = Entries("A");
  ASSERT_EQ(entries.size(), 3u);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(entries[i].text(), absl::StrCat("visit ", i + 1));
}

TEST_F(CaseChronologyTest, AppendOverwritesOutputOnlyFields) {
  MakeCase("A");
  v1::AppendEntryRequest request = NewEntry("A", "text");
  v1::Entry* e = request.mutable_entry();
  e->set_name("cases/B/entries/99");
  e->set_number(99);
  e->set_author("someone-else");
  e->set_author_display_name("Someone Else");
  e->set_supersedes("cases/A/entries/7");
  e->set_superseded_by("cases/A/entries/8");
  e->set_correction_reason("forged");
  auto entry = Append(request);
  ASSERT_TRUE(entry.ok()) << entry.status();
  EXPECT_EQ(entry->name(), "cases/A/entries/1");
  EXPECT_EQ(entry->number(), 1);
  EXPECT_EQ(entry->author(), "dc4471");
  EXPECT_EQ(entry->author_display_name(), "DC 4471 Hughes");
  EXPECT_EQ(entry->supersedes(), "");
  EXPECT_EQ(entry->superseded_by(), "");
  EXPECT_EQ(entry->correction_reason(), "");
}

TEST_F(CaseChronologyTest, AppendToMissingCaseIsNotFound) {
  EXPECT_EQ(Append(NewEntry("NOPE", "text")).status(),
            absl::NotFoundError("cases/NOPE not found"));
}

TEST_F(CaseChronologyTest, AppendRejectsInvalidRequests) {
  MakeCase("A");
  EXPECT_EQ(Append(NewEntry("A", " \n")).status(),
            absl::InvalidArgumentError("entry.text: is required"));
  v1::AppendEntryRequest bad_parent = NewEntry("A", "x");
  bad_parent.set_parent("A");
  EXPECT_EQ(Append(bad_parent).status(),
            absl::InvalidArgumentError("parent: expected cases/{case}"));
  EXPECT_EQ(Append(NewEntry("A", "x", std::string(129, 'r'))).status(),
            absl::InvalidArgumentError("request_id: is longer than 128 bytes"));
  EXPECT_EQ(*chronology_->CaseVersion(kAdmin, "A"), 0);
}

TEST_F(CaseChronologyTest, AppendRefusesSourcesAndNegativeVersions) {
  MakeCase("A");
  v1::AppendEntryRequest forged = NewEntry("A", "looks imported");
  forged.mutable_entry()->add_sources()->set_locator("crime.csv#row=2");
  EXPECT_EQ(Append(forged).status(),
            absl::InvalidArgumentError("entry.sources: set only by imports"));
  v1::AppendEntryRequest negative = NewEntry("A", "x");
  negative.set_expected_version(-1);
  EXPECT_EQ(Append(negative).status(),
            absl::InvalidArgumentError(
                "expected_version: must not be negative (versions start at 0)"));
  EXPECT_EQ(*chronology_->CaseVersion(kAdmin, "A"), 0);
}

TEST_F(CaseChronologyTest, RetriedAppendWritesOnceAndReturnsTheSameEntry) {
  MakeCase("A");
  auto first = Append(NewEntry("A", "once", "req-7"));
  ASSERT_TRUE(first.ok()) << first.status();
  now_ += absl::Hours(1);
  auto retry = Append(NewEntry("A", "once", "req-7"));
  ASSERT_TRUE(retry.ok()) << retry.status();
  EXPECT_EQ(retry->SerializeAsString(), first->SerializeAsString());
  EXPECT_EQ(*chronology_->CaseVersion(kAdmin, "A"), 1);
  EXPECT_EQ(Entries("A").size(), 1u);
}

TEST_F(CaseChronologyTest, RetryWinsOverAStaleExpectedVersion) {
  MakeCase("A");
  v1::AppendEntryRequest request = NewEntry("A", "once", "req-7");
  request.set_expected_version(0);
  auto first = Append(request);
  ASSERT_TRUE(first.ok()) << first.status();
  auto retry = Append(request);  // version is 1 now, but this is the same request
  ASSERT_TRUE(retry.ok()) << retry.status();
  EXPECT_EQ(retry->name(), "cases/A/entries/1");
  EXPECT_EQ(*chronology_->CaseVersion(kAdmin, "A"), 1);
}

TEST_F(CaseChronologyTest, RequestIdReusedOnAnotherCaseIsInvalidArgument) {
  MakeCase("A");
  MakeCase("B");
  ASSERT_TRUE(Append(NewEntry("A", "first", "req-1")).ok());
  EXPECT_EQ(Append(NewEntry("B", "second", "req-1")).status(),
            absl::InvalidArgumentError(
                "request_id: already used for cases/A/entries/1; use a new id"));
  EXPECT_EQ(*chronology_->CaseVersion(kAdmin, "B"), 0);
}

TEST_F(CaseChronologyTest, RequestIdOfACreateCannotBeReusedForAnAppend) {
  auto c = Create(NewCase("Made", "A", "req-1"));
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(Append(NewEntry("A", "text", "req-1")).status(),
            absl::InvalidArgumentError("request_id: already used for cases/A; use a new id"));
  ASSERT_TRUE(Append(NewEntry("A", "text", "req-2")).ok());
  EXPECT_EQ(Create(NewCase("Other", "B", "req-2")).status(),
            absl::InvalidArgumentError(
                "request_id: already used for cases/A/entries/1; use a new id"));
}

// AIP-155: a request id names one request. Reused for another payload it is
// refused, never answered with the first request's result.
TEST_F(CaseChronologyTest, RequestIdReusedWithAnotherPayloadIsRefused) {
  const std::string reused =
      "request_id: already used for a different request, which made %s; a retry must repeat "
      "its request exactly, and a new request needs a new id";
  auto c = Create(NewCase("Made", "A", "req-c"));
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(Create(NewCase("Other title", "A", "req-c")).status(),
            absl::InvalidArgumentError(absl::StrReplaceAll(reused, {{"%s", "cases/A"}})));
  EXPECT_EQ(Create(NewCase("Made", "", "req-c")).status(),
            absl::InvalidArgumentError(absl::StrReplaceAll(reused, {{"%s", "cases/A"}})));

  auto first = Append(NewEntry("A", "Visited 12 High St", "req-a"));
  ASSERT_TRUE(first.ok()) << first.status();
  const absl::Status entry_reused =
      absl::InvalidArgumentError(absl::StrReplaceAll(reused, {{"%s", "cases/A/entries/1"}}));
  EXPECT_EQ(Append(NewEntry("A", "Visited 14 High St", "req-a")).status(), entry_reused);
  v1::AppendEntryRequest other_kind = NewEntry("A", "Visited 12 High St", "req-a");
  other_kind.mutable_entry()->set_kind(v1::ENTRY_KIND_NOTE);
  EXPECT_EQ(Append(other_kind).status(), entry_reused);
  v1::AppendEntryRequest with_version = NewEntry("A", "Visited 12 High St", "req-a");
  with_version.set_expected_version(0);
  EXPECT_EQ(Append(with_version).status(), entry_reused);
  // The same request is still a retry.
  auto retry = Append(NewEntry("A", "Visited 12 High St", "req-a"));
  ASSERT_TRUE(retry.ok()) << retry.status();
  EXPECT_EQ(retry->SerializeAsString(), first->SerializeAsString());

  auto fix = Correct(NewCorrection("cases/A/entries/1", "Visited 14 High St", "req-f"));
  ASSERT_TRUE(fix.ok()) << fix.status();
  EXPECT_EQ(Correct(NewCorrection("cases/A/entries/1", "Visited 16 High St", "req-f")).status(),
            absl::InvalidArgumentError(absl::StrReplaceAll(reused, {{"%s", "cases/A/entries/2"}})));
  auto fix_retry = Correct(NewCorrection("cases/A/entries/1", "Visited 14 High St", "req-f"));
  ASSERT_TRUE(fix_retry.ok()) << fix_retry.status();
  EXPECT_EQ(fix_retry->SerializeAsString(), fix->SerializeAsString());
  EXPECT_EQ(*chronology_->CaseVersion(kAdmin, "A"), 2);
}

// Request records written before fingerprints hold only the resource name:
// a repeat of their id is taken for a retry, as it always was.
TEST_F(CaseChronologyTest, RequestRecordsWithoutAFingerprintKeepTheOldBehaviour) {
  MakeCase("A");
  auto first = Append(NewEntry("A", "old", "req-old"));
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_TRUE(store_->writer()
                  .Run([](storage::LmdbTxn& txn) {
                    return storage::SaveRequest(txn, kInvestigator.user, "req-old",
                                                "cases/A/entries/1", "");
                  })
                  .ok());
  auto again = Append(NewEntry("A", "different", "req-old"));
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->SerializeAsString(), first->SerializeAsString());
  EXPECT_EQ(*chronology_->CaseVersion(kAdmin, "A"), 1);
}

TEST_F(CaseChronologyTest, ExpectedVersionMismatchIsAbortedAndWritesNothing) {
  MakeCase("A");
  ASSERT_TRUE(Append(NewEntry("A", "one")).ok());
  v1::AppendEntryRequest stale = NewEntry("A", "two", "req-stale");
  stale.set_expected_version(0);
  EXPECT_EQ(Append(stale).status(),
            absl::AbortedError("cases/A is at version 1, not the expected 0: someone else wrote "
                               "first; re-read and retry"));
  EXPECT_EQ(*chronology_->CaseVersion(kAdmin, "A"), 1);
  EXPECT_EQ(Entries("A").size(), 1u);
  // The request id was not consumed by the failed attempt.
  stale.set_expected_version(1);
  auto entry = Append(stale);
  ASSERT_TRUE(entry.ok()) << entry.status();
  EXPECT_EQ(entry->number(), 2);
}

TEST_F(CaseChronologyTest, AppendPublishesToTheChangeFeedOnlyWhenWritten) {
  MakeCase("A");
  MakeCase("B");
  int published = 0;
  feed_.Subscribe("A", [&] { ++published; });
  ASSERT_TRUE(Append(NewEntry("A", "one")).ok());
  ASSERT_TRUE(Append(NewEntry("B", "elsewhere")).ok());
  v1::AppendEntryRequest stale = NewEntry("A", "two");
  stale.set_expected_version(7);
  EXPECT_FALSE(Append(stale).ok());
  EXPECT_EQ(published, 1);
}

// Racing writers: retries of one request from many threads write once, and
// of many writers expecting the same version exactly one wins.
TEST_F(CaseChronologyTest, ConcurrentRetriesWriteOnceAndOneExpectedVersionWins) {
  MakeCase("A");
  constexpr int kThreads = 8;
  std::vector<absl::StatusOr<v1::Entry>> retries(kThreads, absl::UnknownError("not run"));
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] { retries[i] = Append(NewEntry("A", "same", "req-same")); });
  }
  for (std::thread& t : threads) t.join();
  for (const auto& r : retries) {
    ASSERT_TRUE(r.ok()) << r.status();
    EXPECT_EQ(r->name(), "cases/A/entries/1");
  }
  EXPECT_EQ(*chronology_->CaseVersion(kAdmin, "A"), 1);

  std::vector<absl::Status> racers(kThreads);
  threads.clear();
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      v1::AppendEntryRequest request = NewEntry("A", absl::StrCat("racer ", i));
      request.set_expected_version(1);
      racers[i] = Append(request).status();
    });
  }
  for (std::thread& t : threads) t.join();
  int won = 0;
  for (const absl::Status& s : racers) {
    if (s.ok()) {
      ++won;
    } else {
      EXPECT_EQ(s.code(), absl::StatusCode::kAborted) << s;
    }
  }
  EXPECT_EQ(won, 1);
  EXPECT_EQ(*chronology_->CaseVersion(kAdmin, "A"), 2);
}

// --- CorrectEntry -------------------------------------------------------

TEST_F(CaseChronologyTest, CorrectionSupersedesAndBothStayVisible) {
  MakeCase("A");
  v1::AppendEntryRequest original = NewEntry("A", "Visited 12 High St");
  original.mutable_entry()->set_kind(v1::ENTRY_KIND_CONTACT);
  original.mutable_entry()->add_legacy_refs("CR/1");
  ASSERT_TRUE(Append(original).ok());
  now_ += absl::Minutes(1);
  v1::CorrectEntryRequest fix = NewCorrection("cases/A/entries/1", "Visited 21 High St");
  fix.mutable_occur_time()->set_precision(v1::PartialTime::PRECISION_DAY);
  fix.mutable_occur_time()->set_year(2012);
  fix.mutable_occur_time()->set_month(2);
  fix.mutable_occur_time()->set_day(29);
  auto correction = Correct(fix, kOtherInvestigator);
  ASSERT_TRUE(correction.ok()) << correction.status();
  EXPECT_EQ(correction->name(), "cases/A/entries/2");
  EXPECT_EQ(correction->kind(), v1::ENTRY_KIND_CONTACT);
  EXPECT_EQ(correction->text(), "Visited 21 High St");
  EXPECT_EQ(correction->supersedes(), "cases/A/entries/1");
  EXPECT_EQ(correction->correction_reason(), "wrong address recorded");
  EXPECT_EQ(correction->author(), "ds2210");
  EXPECT_EQ(correction->occur_time().day(), 29);
  EXPECT_THAT(correction->legacy_refs(), ElementsAre("CR/1"));
  EXPECT_EQ(TimeUtil::TimestampToSeconds(correction->record_time()), 1700000060);

  std::vector<v1::Entry> entries = Entries("A");
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].text(), "Visited 12 High St");
  EXPECT_EQ(entries[0].superseded_by(), "cases/A/entries/2");
  EXPECT_EQ(entries[0].author(), "dc4471");
  EXPECT_EQ(entries[1].supersedes(), "cases/A/entries/1");
  EXPECT_EQ(entries[1].superseded_by(), "");
  EXPECT_EQ(*chronology_->CaseVersion(kAdmin, "A"), 2);
}

TEST_F(CaseChronologyTest, CorrectionWithoutOccurTimeKeepsTheOriginals) {
  MakeCase("A");
  v1::AppendEntryRequest original = NewEntry("A", "text");
  original.mutable_entry()->mutable_occur_time()->set_precision(v1::PartialTime::PRECISION_MONTH);
  original.mutable_entry()->mutable_occur_time()->set_year(2011);
  original.mutable_entry()->mutable_occur_time()->set_month(6);
  ASSERT_TRUE(Append(original).ok());
  auto correction = Correct(NewCorrection("cases/A/entries/1", "better text"));
  ASSERT_TRUE(correction.ok()) << correction.status();
  EXPECT_EQ(correction->occur_time().SerializeAsString(),
            original.entry().occur_time().SerializeAsString());
}

TEST_F(CaseChronologyTest, SecondCorrectionOfTheSameEntryIsFailedPrecondition) {
  MakeCase("A");
  ASSERT_TRUE(Append(NewEntry("A", "one")).ok());
  ASSERT_TRUE(Correct(NewCorrection("cases/A/entries/1", "one, fixed")).ok());
  EXPECT_EQ(Correct(NewCorrection("cases/A/entries/1", "one, fixed again")).status(),
            absl::FailedPreconditionError("cases/A/entries/1 was already corrected by "
                                          "cases/A/entries/2; correct that entry instead"));
  auto chained = Correct(NewCorrection("cases/A/entries/2", "one, fixed again"));
  ASSERT_TRUE(chained.ok()) << chained.status();
  EXPECT_EQ(chained->supersedes(), "cases/A/entries/2");
  std::vector<v1::Entry> entries = Entries("A");
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].superseded_by(), "cases/A/entries/2");
  EXPECT_EQ(entries[1].superseded_by(), "cases/A/entries/3");
}

TEST_F(CaseChronologyTest, CorrectionOfMissingEntryOrCaseIsNotFound) {
  MakeCase("A");
  ASSERT_TRUE(Append(NewEntry("A", "one")).ok());
  EXPECT_EQ(Correct(NewCorrection("cases/A/entries/2", "x")).status(),
            absl::NotFoundError("cases/A/entries/2 not found"));
  EXPECT_EQ(Correct(NewCorrection("cases/NOPE/entries/1", "x")).status(),
            absl::NotFoundError("cases/NOPE/entries/1 not found"));
  EXPECT_EQ(Correct(NewCorrection("cases/A", "x")).status(),
            absl::InvalidArgumentError("name: expected cases/{case}/entries/{number}"));
  EXPECT_EQ(*chronology_->CaseVersion(kAdmin, "A"), 1);
}

TEST_F(CaseChronologyTest, CorrectionChecksExpectedVersionAndIsIdempotent) {
  MakeCase("A");
  ASSERT_TRUE(Append(NewEntry("A", "one")).ok());
  ASSERT_TRUE(Append(NewEntry("A", "two")).ok());
  v1::CorrectEntryRequest fix = NewCorrection("cases/A/entries/1", "one, fixed", "fix-1");
  fix.set_expected_version(1);
  EXPECT_EQ(Correct(fix).status().code(), absl::StatusCode::kAborted);
  fix.set_expected_version(2);
  auto first = Correct(fix);
  ASSERT_TRUE(first.ok()) << first.status();
  auto retry = Correct(fix);
  ASSERT_TRUE(retry.ok()) << retry.status();
  EXPECT_EQ(retry->SerializeAsString(), first->SerializeAsString());
  EXPECT_EQ(*chronology_->CaseVersion(kAdmin, "A"), 3);
}

TEST_F(CaseChronologyTest, CorrectionRejectsInvalidRequests) {
  MakeCase("A");
  ASSERT_TRUE(Append(NewEntry("A", "one")).ok());
  v1::CorrectEntryRequest no_reason = NewCorrection("cases/A/entries/1", "x");
  no_reason.clear_reason();
  EXPECT_EQ(Correct(no_reason).status(), absl::InvalidArgumentError("reason: is required"));
  EXPECT_EQ(Correct(NewCorrection("cases/A/entries/1", "")).status(),
            absl::InvalidArgumentError("text: is required"));
  v1::CorrectEntryRequest negative = NewCorrection("cases/A/entries/1", "x");
  negative.set_expected_version(-1);
  EXPECT_EQ(Correct(negative).status(),
            absl::InvalidArgumentError(
                "expected_version: must not be negative (versions start at 0)"));
  EXPECT_EQ(*chronology_->CaseVersion(kAdmin, "A"), 1);
}

// --- ListCases ----------------------------------------------------------

TEST_F(CaseChronologyTest, ListCasesPagesThroughEveryCaseOnce) {
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(Create(NewCase(absl::StrCat("case ", i))).ok());
  v1::ListCasesRequest request;
  request.set_page_size(2);
  std::vector<std::string> seen;
  std::vector<int> page_sizes;
  do {
    auto page = List(request);
    ASSERT_TRUE(page.ok()) << page.status();
    page_sizes.push_back(page->cases_size());
    for (const std::string& name : Names(*page)) seen.push_back(name);
    request.set_page_token(page->next_page_token());
  } while (!request.page_token().empty() && page_sizes.size() < 10);
  EXPECT_THAT(page_sizes, ElementsAre(2, 2, 1));
  EXPECT_THAT(seen, ElementsAre("cases/CF-000001", "cases/CF-000002", "cases/CF-000003",
                                "cases/CF-000004", "cases/CF-000005"));
}

TEST_F(CaseChronologyTest, ListCasesFullLastPageHasNoNextToken) {
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(Create(NewCase("c")).ok());
  v1::ListCasesRequest request;
  request.set_page_size(2);
  auto first = List(request);
  ASSERT_TRUE(first.ok());
  ASSERT_FALSE(first->next_page_token().empty());
  request.set_page_token(first->next_page_token());
  auto second = List(request);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->cases_size(), 2);
  EXPECT_EQ(second->next_page_token(), "");
}

TEST_F(CaseChronologyTest, ListCasesDefaultPageSizeIsFifty) {
  for (int i = 0; i < 51; ++i) ASSERT_TRUE(Create(NewCase("c")).ok());
  auto page = List(v1::ListCasesRequest());
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->cases_size(), 50);
  EXPECT_FALSE(page->next_page_token().empty());
}

TEST_F(CaseChronologyTest, ListCasesRejectsBadPagingArguments) {
  v1::ListCasesRequest bad_token;
  bad_token.set_page_token("not a token!");
  EXPECT_EQ(List(bad_token).status(),
            absl::InvalidArgumentError("page_token: not a token from a previous ListCases"));
  bad_token.set_page_token("djI6Q0YtMDAwMDAx");  // base64 of another version's "v2:CF-000001"
  EXPECT_EQ(List(bad_token).status().code(), absl::StatusCode::kInvalidArgument);
  v1::ListCasesRequest negative;
  negative.set_page_size(-1);
  EXPECT_EQ(List(negative).status(),
            absl::InvalidArgumentError("page_size: must not be negative"));
  v1::ListCasesRequest no_words;
  no_words.set_subject("  (!) ");
  EXPECT_EQ(List(no_words).status(),
            absl::InvalidArgumentError("subject: has no letters or digits to search for"));
}

TEST_F(CaseChronologyTest, ListCasesFiltersByLegacyRefIgnoringCase) {
  v1::CreateCaseRequest a = NewCase("a", "A");
  a.mutable_case_()->add_legacy_refs("CR/12/0001");
  v1::CreateCaseRequest a1 = NewCase("a-1", "A-1");
  a1.mutable_case_()->add_legacy_refs("cr/12/0001");
  a1.mutable_case_()->add_legacy_refs("NC/99");
  v1::CreateCaseRequest b = NewCase("b", "B");
  b.mutable_case_()->add_legacy_refs("CR/12/00011");
  for (auto& r : {a, a1, b}) ASSERT_TRUE(Create(r).ok());

  v1::ListCasesRequest request;
  request.set_legacy_ref("Cr/12/0001");
  auto found = List(request);
  ASSERT_TRUE(found.ok()) << found.status();
  EXPECT_THAT(Names(*found), ElementsAre("cases/A", "cases/A-1"));

  request.set_page_size(1);
  found = List(request);
  ASSERT_TRUE(found.ok());
  EXPECT_THAT(Names(*found), ElementsAre("cases/A"));
  request.set_page_token(found->next_page_token());
  found = List(request);
  ASSERT_TRUE(found.ok());
  EXPECT_THAT(Names(*found), ElementsAre("cases/A-1"));
  EXPECT_EQ(found->next_page_token(), "");

  request.Clear();
  request.set_legacy_ref("NC/1");
  EXPECT_THAT(Names(*List(request)), ElementsAre());
}

TEST_F(CaseChronologyTest, ListCasesFiltersBySubjectWords) {
  v1::CreateCaseRequest ellie = NewCase("Ellie", "E1");
  *ellie.mutable_case_()->add_subjects() = Subject("Ellie WATSON (03/04/2008)");
  v1::CreateCaseRequest ellie2 = NewCase("Ellie B", "E2");
  v1::Subject structured;
  structured.set_forename("Ellie");
  structured.set_surname("Brown");
  *ellie2.mutable_case_()->add_subjects() = structured;
  ellie2.mutable_case_()->add_legacy_refs("NC/5");
  v1::CreateCaseRequest tom = NewCase("Tom", "T1");
  *tom.mutable_case_()->add_subjects() = Subject("Tom Watson");
  tom.mutable_case_()->add_legacy_refs("NC/5");
  for (auto& r : {ellie, ellie2, tom}) ASSERT_TRUE(Create(r).ok());

  v1::ListCasesRequest request;
  request.set_subject("ELLIE");
  EXPECT_THAT(Names(*List(request)), ElementsAre("cases/E1", "cases/E2"));
  request.set_subject("watson, ellie");
  EXPECT_THAT(Names(*List(request)), ElementsAre("cases/E1"));
  request.set_subject("watson");
  EXPECT_THAT(Names(*List(request)), ElementsAre("cases/E1", "cases/T1"));
  request.set_subject("2008");
  EXPECT_THAT(Names(*List(request)), ElementsAre("cases/E1"));
  request.set_subject("wat");  // whole words only
  EXPECT_THAT(Names(*List(request)), ElementsAre());
  // Both filters together.
  request.set_subject("ellie");
  request.set_legacy_ref("nc/5");
  EXPECT_THAT(Names(*List(request)), ElementsAre("cases/E2"));
}

// --- OpenCaseFile, OpenWatch, GetCase ----------------------------------

TEST_F(CaseChronologyTest, OpenCaseFileRequiresAPurposeAndRecordsTheAccess) {
  MakeCase("A");
  EXPECT_EQ(OpenCaseFile("cases/A", " ").status(),
            absl::InvalidArgumentError(
                "purpose: is required: say why you are looking at this case file"));
  EXPECT_EQ(OpenCaseFile("cases/NOPE", "strategy meeting").status(),
            absl::NotFoundError("cases/NOPE not found"));
  EXPECT_THAT(AuditRecords("GetCaseFile"), ElementsAre());

  now_ = absl::FromUnixSeconds(1700001234);
  auto c = OpenCaseFile("cases/A", "strategy meeting", kOutOfHours);
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->name(), "cases/A");
  ASSERT_TRUE(OpenCaseFile("cases/A", "review", kAuditor).ok());

  std::vector<v1::AuditEvent> records = AuditRecords("GetCaseFile");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_THAT(records[0].resources(), ElementsAre("cases/A"));
  EXPECT_EQ(records[0].user(), "ooh01");
  EXPECT_EQ(records[0].role(), "out_of_hours");
  EXPECT_EQ(records[0].purpose(), "strategy meeting");
  EXPECT_EQ(records[0].outcome(), "OK");
  EXPECT_EQ(TimeUtil::TimestampToSeconds(records[0].event_time()), 1700001234);
  EXPECT_EQ(records[1].user(), "aud01");
  EXPECT_EQ(records[1].role(), "auditor");
}

TEST_F(CaseChronologyTest, GetCaseAndOpenWatchCheckTheirArguments) {
  MakeCase("A");
  EXPECT_EQ(chronology_->GetCase(kInvestigator, "A").status(),
            absl::InvalidArgumentError("name: expected cases/{case}"));
  EXPECT_EQ(chronology_->GetCase(kInvestigator, "cases/NOPE").status(),
            absl::NotFoundError("cases/NOPE not found"));
  v1::WatchCaseRequest watch;
  watch.set_name("cases/A");
  watch.set_purpose("strategy meeting");
  watch.set_after_version(-1);
  EXPECT_EQ(OpenWatch(watch).status(),
            absl::InvalidArgumentError("after_version: must not be negative"));
  watch.set_after_version(0);
  watch.set_purpose("");
  EXPECT_EQ(OpenWatch(watch).status(),
            absl::InvalidArgumentError(
                "purpose: is required: say why you are looking at this case file"));
  EXPECT_THAT(AuditRecords("WatchCase"), ElementsAre());
  watch.set_purpose("strategy meeting");
  auto c = OpenWatch(watch, kOutOfHours);
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->name(), "cases/A");
  std::vector<v1::AuditEvent> watches = AuditRecords("WatchCase");
  ASSERT_EQ(watches.size(), 1u);
  EXPECT_EQ(watches[0].user(), "ooh01");
  EXPECT_EQ(watches[0].purpose(), "strategy meeting");
  EXPECT_THAT(watches[0].resources(), ElementsAre("cases/A"));
  EXPECT_EQ(chronology_->CaseVersion(kOutOfHours, "NOPE").status(), absl::NotFoundError("cases/NOPE not found"));
}

// --- Roles --------------------------------------------------------------

// Each chronology call is checked against the one action core/access/caller.h
// assigns it, for every role.
TEST_F(CaseChronologyTest, EveryRoleGetsExactlyItsPermissions) {
  MakeCase("A");
  ASSERT_TRUE(Append(NewEntry("A", "one")).ok());
  struct Expected {
    Caller caller;
    bool write;   // create cases, write entries
  };
  int n = 0;
  for (const Expected& e : {Expected{kInvestigator, true}, Expected{kOutOfHours, false},
                            Expected{kOperator, false}, Expected{kAuditor, false},
                            Expected{kAdmin, true}}) {
    SCOPED_TRACE(RoleName(e.caller.role));
    const std::string role(RoleName(e.caller.role));
    ++n;
    absl::Status create = Create(NewCase("t", absl::StrCat("R", n)), e.caller).status();
    absl::Status append = Append(NewEntry("A", "x"), e.caller).status();
    absl::Status correct =
        Correct(NewCorrection(absl::StrCat("cases/A/entries/", *chronology_->CaseVersion(kAdmin, "A")),
                              "y"),
                e.caller)
            .status();
    if (e.write) {
      EXPECT_TRUE(create.ok()) << create;
      EXPECT_TRUE(append.ok()) << append;
      EXPECT_TRUE(correct.ok()) << correct;
    } else {
      EXPECT_EQ(create, absl::PermissionDeniedError(absl::StrCat("role ", role,
                                                                 " may not create cases")));
      EXPECT_EQ(append, absl::PermissionDeniedError(
                            absl::StrCat("role ", role, " may not write chronology entries")));
      EXPECT_EQ(correct, absl::PermissionDeniedError(
                             absl::StrCat("role ", role, " may not write chronology entries")));
    }
    // Every role reads.
    EXPECT_TRUE(chronology_->GetCase(e.caller, "cases/A").ok());
    EXPECT_TRUE(List(v1::ListCasesRequest(), e.caller).ok());
    EXPECT_TRUE(OpenCaseFile("cases/A", "duty", e.caller).ok());
    v1::WatchCaseRequest watch;
    watch.set_name("cases/A");
    watch.set_purpose("duty");
    EXPECT_TRUE(OpenWatch(watch, e.caller).ok());
  }
}

// --- ReadEntries --------------------------------------------------------

TEST_F(CaseChronologyTest, ReadEntriesChunksByBytes) {
  MakeCase("A");
  MakeCase("A-1");  // an id with "A" as a prefix must not leak into A's chunks
  for (int i = 1; i <= 10; ++i) {
    ASSERT_TRUE(Append(NewEntry("A", std::string(1000, 'a' + i))).ok());
    ASSERT_TRUE(Append(NewEntry("A-1", "other")).ok());
  }
  // Each serialized entry is a little over 1000 bytes, so a chunk passes
  // 2500 bytes at its third entry.
  std::vector<std::vector<int64_t>> chunks;
  uint64_t next = 1;
  while (next <= 10 && chunks.size() < 20) {
    auto chunk = chronology_->ReadEntries("A", next, 10, 2500);
    ASSERT_TRUE(chunk.ok()) << chunk.status();
    std::vector<int64_t>& numbers = chunks.emplace_back();
    for (const std::string& bytes : chunk->entries) {
      v1::Entry e;
      ASSERT_TRUE(e.ParseFromString(bytes));
      EXPECT_EQ(e.text(), std::string(1000, 'a' + e.number()));
      numbers.push_back(e.number());
    }
    next = chunk->next;
  }
  EXPECT_EQ(next, 11u);
  EXPECT_THAT(chunks, ElementsAre(ElementsAre(1, 2, 3), ElementsAre(4, 5, 6),
                                  ElementsAre(7, 8, 9), ElementsAre(10)));

  // A range stops at `last`; one entry always comes even when it is larger
  // than max_bytes; past the end there is nothing, and `next` is last + 1.
  auto partial = chronology_->ReadEntries("A", 4, 5, 1 << 20);
  ASSERT_TRUE(partial.ok());
  EXPECT_EQ(partial->entries.size(), 2u);
  EXPECT_EQ(partial->next, 6u);
  auto tiny = chronology_->ReadEntries("A", 1, 10, 1);
  ASSERT_TRUE(tiny.ok());
  EXPECT_EQ(tiny->entries.size(), 1u);
  EXPECT_EQ(tiny->next, 2u);
  auto past = chronology_->ReadEntries("A", 11, 20, 1 << 20);
  ASSERT_TRUE(past.ok());
  EXPECT_THAT(past->entries, ElementsAre());
  EXPECT_EQ(past->next, 21u);
}

TEST_F(CaseChronologyTest, ReadEntriesFillsSupersededBy) {
  MakeCase("A");
  ASSERT_TRUE(Append(NewEntry("A", "one")).ok());
  ASSERT_TRUE(Correct(NewCorrection("cases/A/entries/1", "uno")).ok());
  auto chunk = chronology_->ReadEntries("A", 1, 1, 1 << 20);
  ASSERT_TRUE(chunk.ok());
  ASSERT_EQ(chunk->entries.size(), 1u);
  v1::Entry e;
  ASSERT_TRUE(e.ParseFromString(chunk->entries[0]));
  EXPECT_EQ(e.superseded_by(), "cases/A/entries/2");
  EXPECT_EQ(e.text(), "one");
}

// The encoded form is the same chunk as ReadEntries, as one response message
// after the given prefix.
TEST_F(CaseChronologyTest, ReadEncodedEntriesIsReadEntriesAsOneResponseMessage) {
  MakeCase("A");
  for (int i = 1; i <= 5; ++i) ASSERT_TRUE(Append(NewEntry("A", absl::StrCat("entry ", i))).ok());
  ASSERT_TRUE(Correct(NewCorrection("cases/A/entries/2", "fix")).ok());  // 6
  v1::Case header;
  header.set_name("cases/A");
  std::string prefix;
  storage::AppendLengthDelimited(prefix, v1::GetCaseFileResponse::kCaseFieldNumber,
                                 header.SerializeAsString());
  for (size_t max_bytes : {size_t{1}, size_t{300}, size_t{1} << 20}) {
    for (uint64_t next = 2; next <= 6;) {
      auto plain = chronology_->ReadEntries("A", next, 6, max_bytes);
      auto encoded = chronology_->ReadEncodedEntries(
          "A", next, 6, max_bytes, v1::GetCaseFileResponse::kEntriesFieldNumber, prefix);
      ASSERT_TRUE(plain.ok()) << plain.status();
      ASSERT_TRUE(encoded.ok()) << encoded.status();
      EXPECT_EQ(encoded->next, plain->next);
      v1::GetCaseFileResponse response;
      ASSERT_TRUE(response.ParseFromString(encoded->message));
      EXPECT_EQ(response.case_().name(), "cases/A");
      ASSERT_EQ(static_cast<size_t>(response.entries_size()), plain->entries.size());
      for (size_t i = 0; i < plain->entries.size(); ++i) {
        v1::Entry want;
        ASSERT_TRUE(want.ParseFromString(plain->entries[i]));
        EXPECT_EQ(response.entries(static_cast<int>(i)).SerializeAsString(), want.SerializeAsString());
      }
      EXPECT_EQ(response.entries(0).number(), static_cast<int64_t>(next));
      next = plain->next;
    }
  }
  auto past = chronology_->ReadEncodedEntries("A", 7, 9, 1 << 20, 2, "kept");
  ASSERT_TRUE(past.ok()) << past.status();
  EXPECT_EQ(past->message, "kept");
  EXPECT_EQ(past->next, 10u);
}

// Supersessions are merged in while reading: any chunk, from any entry, sees
// exactly its own case's corrections.
TEST_F(CaseChronologyTest, ReadEntriesFillsSupersededByInEveryChunk) {
  MakeCase("A");
  MakeCase("B");
  ASSERT_TRUE(Append(NewEntry("B", "b one")).ok());
  ASSERT_TRUE(Correct(NewCorrection("cases/B/entries/1", "b uno")).ok());
  for (int i = 1; i <= 6; ++i) ASSERT_TRUE(Append(NewEntry("A", "entry")).ok());
  ASSERT_TRUE(Correct(NewCorrection("cases/A/entries/2", "fix")).ok());  // 7
  ASSERT_TRUE(Correct(NewCorrection("cases/A/entries/4", "fix")).ok());  // 8
  ASSERT_TRUE(Correct(NewCorrection("cases/A/entries/7", "fix")).ok());  // 9
  const std::vector<std::string> want = {"", "cases/A/entries/7", "", "cases/A/entries/8", "",
                                         "", "cases/A/entries/9", "", ""};
  for (uint64_t first = 1; first <= 9; ++first) {
    for (size_t max_bytes : {size_t{1}, size_t{1} << 20}) {
      for (uint64_t next = first; next <= 9;) {
        auto chunk = chronology_->ReadEntries("A", next, 9, max_bytes);
        ASSERT_TRUE(chunk.ok()) << chunk.status();
        for (const std::string& bytes : chunk->entries) {
          v1::Entry e;
          ASSERT_TRUE(e.ParseFromString(bytes));
          EXPECT_EQ(e.superseded_by(), want[e.number() - 1])
              << "entry " << e.number() << " read from " << next;
        }
        next = chunk->next;
      }
    }
  }
  // "AA" sorts between A and B: its read must not pick up B's correction of entry 1.
  MakeCase("AA");
  ASSERT_TRUE(Append(NewEntry("AA", "aa one")).ok());
  auto c = chronology_->ReadEntries("AA", 1, 1, 1 << 20);
  ASSERT_TRUE(c.ok());
  ASSERT_EQ(c->entries.size(), 1u);
  v1::Entry e;
  ASSERT_TRUE(e.ParseFromString(c->entries[0]));
  EXPECT_EQ(e.superseded_by(), "");
}

}  // namespace
}  // namespace casefile
