// GetCaseFile in time order against the real casefiled: a large case written
// by many clients at once opens on exactly its newest page, pages count back
// from it, the whole file and its filters come in time order, the person
// filter takes exactly the entries naming a linked child, and the default
// order is still entry number order.
#include <algorithm>
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/time/partial_time.h"
#include "core/time/partial_time_proto.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/casefiled_fixture.h"
#include "tests/support/safeguarding_examples.h"

namespace casefile::testing {
namespace {

using ::testing::ElementsAreArray;

constexpr char kPurpose[] = "time order test";

struct Read {
  grpc::Status status;
  std::vector<int64_t> numbers;
  std::vector<v1::Entry> entries;
  int total_size = 0;
  int page = 0;
};

class CaseFileOrderTest : public CasefiledTest {
 protected:
  Read ReadInTimeOrder(v1::GetCaseFileRequest request) {
    request.set_purpose(kPurpose);
    request.set_order(v1::GetCaseFileRequest::ORDER_OCCURRED);
    auto context = Context(kInvestigatorToken);
    auto reader = cases_->GetCaseFile(context.get(), request);
    Read read;
    v1::GetCaseFileResponse chunk;
    bool first = true;
    while (reader->Read(&chunk)) {
      if (first) {
        read.total_size = chunk.total_size();
        read.page = chunk.page();
        first = false;
      }
      for (const v1::Entry& e : chunk.entries()) {
        read.numbers.push_back(e.number());
        read.entries.push_back(e);
      }
    }
    read.status = reader->Finish();
    return read;
  }
};

// Entry i of the writers' work: a day of 2010-2014 that many share, every
// 50th only a month, every 97th undated; every 10th a visit.
v1::Entry Planned(int i) {
  v1::Entry e;
  e.set_kind(i % 10 == 0 ? v1::ENTRY_KIND_VISIT : v1::ENTRY_KIND_NOTE);
  e.set_text(absl::StrCat("entry of writer work item ", i));
  v1::PartialTime& t = *e.mutable_occur_time();
  if (i % 97 == 0) return e;
  t.set_year(2010 + (i * 7 + i / 10) % 5);
  t.set_month(1 + (i * 5) % 12);
  t.set_precision(v1::PartialTime::PRECISION_MONTH);
  if (i % 50 != 0) {
    t.set_precision(v1::PartialTime::PRECISION_DAY);
    t.set_day(1 + (i * 3) % 28);
  }
  return e;
}

TEST_F(CaseFileOrderTest, ALargeCaseOpensOnExactlyItsNewestPage) {
  const v1::Case c = CreateCase(NewCase("A large case"));
  constexpr int kEntries = 3000, kWriters = 16;
  std::vector<v1::Entry> written(kEntries);
  std::atomic<int> next{0}, failed{0};
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&] {
      for (int i = next++; i < kEntries; i = next++) {
        if (!TryAppend(c.name(), Planned(i), &written[i]).ok()) ++failed;
      }
    });
  }
  for (std::thread& t : writers) t.join();
  ASSERT_EQ(failed, 0);
  // Two corrections: each goes right after what it corrects.
  for (int i : {5, 1234}) {
    v1::CorrectEntryRequest correct;
    correct.set_name(written[i].name());
    correct.set_text("corrected");
    correct.set_reason("typing slip");
    *correct.mutable_occur_time() = Planned(i + 1).occur_time();
    v1::Entry made;
    ASSERT_TRUE(cases_->CorrectEntry(Context(kInvestigatorToken).get(), correct, &made).ok());
    written.push_back(made);
  }
  // The expected order: chains by when their first entry happened (undated
  // last), ties by number, corrections after what they correct.
  std::vector<std::vector<int64_t>> chains;
  std::vector<const v1::Entry*> roots;
  for (const v1::Entry& e : written)
    if (e.supersedes().empty()) roots.push_back(&e);
  std::sort(roots.begin(), roots.end(), [](const v1::Entry* a, const v1::Entry* b) {
    const long long ka = SortKey(FromProto(a->occur_time())), kb = SortKey(FromProto(b->occur_time()));
    return ka != kb ? ka < kb : a->number() < b->number();
  });
  for (const v1::Entry* root : roots) {
    chains.push_back({root->number()});
    for (const v1::Entry& e : written)
      if (e.supersedes() == root->name()) chains.back().push_back(e.number());
  }
  auto flatten = [&](size_t begin, size_t end) {
    std::vector<int64_t> out;
    for (size_t i = begin; i < end; ++i) out.insert(out.end(), chains[i].begin(), chains[i].end());
    return out;
  };
  ASSERT_EQ(chains.size(), 3000u);

  v1::GetCaseFileRequest newest;
  newest.set_name(c.name());
  newest.set_page_size(500);
  Read page = ReadInTimeOrder(newest);
  ASSERT_TRUE(page.status.ok()) << page.status.error_message();
  EXPECT_EQ(page.total_size, 3000);
  EXPECT_EQ(page.page, 0);
  EXPECT_THAT(page.numbers, ElementsAreArray(flatten(2500, 3000)));

  newest.set_page(5);
  page = ReadInTimeOrder(newest);
  EXPECT_EQ(page.page, 5);
  EXPECT_THAT(page.numbers, ElementsAreArray(flatten(0, 500)));
  newest.set_page(6);  // past the oldest: the oldest
  EXPECT_EQ(ReadInTimeOrder(newest).page, 5);

  v1::GetCaseFileRequest whole;
  whole.set_name(c.name());
  page = ReadInTimeOrder(whole);
  EXPECT_THAT(page.numbers, ElementsAreArray(flatten(0, chains.size())));
  EXPECT_EQ(page.total_size, 0);  // not paged

  // Visits of 2012, in time order.
  v1::GetCaseFileRequest visits = whole;
  visits.add_kinds(v1::ENTRY_KIND_VISIT);
  visits.mutable_occurred_from()->set_precision(v1::PartialTime::PRECISION_YEAR);
  visits.mutable_occurred_from()->set_year(2012);
  *visits.mutable_occurred_to() = visits.occurred_from();
  std::vector<int64_t> expected;
  for (const std::vector<int64_t>& chain : chains) {
    const v1::Entry& root = *std::find_if(written.begin(), written.end(),
                                          [&](const v1::Entry& e) { return e.number() == chain.front(); });
    if (root.kind() == v1::ENTRY_KIND_VISIT && root.occur_time().year() == 2012 &&
        root.occur_time().precision() != v1::PartialTime::PRECISION_UNSPECIFIED)
      expected.insert(expected.end(), chain.begin(), chain.end());
  }
  ASSERT_FALSE(expected.empty());
  EXPECT_THAT(ReadInTimeOrder(visits).numbers, ElementsAreArray(expected));

  // The default order is still entry number order.
  const CaseFile recorded = ReadCaseFile(*cases_, c.name(), kPurpose);
  ASSERT_TRUE(recorded.status.ok());
  ASSERT_EQ(recorded.entries.size(), 3002u);
  for (size_t i = 0; i < recorded.entries.size(); ++i) ASSERT_EQ(recorded.entries[i].number(), int64_t(i + 1));
}

TEST_F(CaseFileOrderTest, ThePersonFilterTakesExactlyTheEntriesNamingTheChild) {
  const v1::Case c = CreateCase(NewCase("Missing child"));
  const v1::Entry first = Append(c.name(), MissingEpisodeExample(3));
  v1::Entry note;
  note.set_kind(v1::ENTRY_KIND_NOTE);
  note.set_text("Called the school.");
  Append(c.name(), note);
  const v1::Entry second = Append(c.name(), MissingEpisodeExample(1));
  v1::Entry other = MissingEpisodeExample(2);
  other.mutable_missing_episode()->mutable_child()->set_name("Zed PAYNE");
  const v1::Entry elsewhere = Append(c.name(), other);
  const std::string& person = first.missing_episode().child().person();
  ASSERT_FALSE(person.empty());
  ASSERT_EQ(second.missing_episode().child().person(), person);
  ASSERT_NE(elsewhere.missing_episode().child().person(), person);
  // The case keeps the children its records name, each once, as first written:
  // the people a reader can narrow the chronology to.
  v1::GetCaseRequest get;
  get.set_name(c.name());
  v1::Case header;
  auto get_context = Context(kInvestigatorToken);
  ASSERT_TRUE(cases_->GetCase(get_context.get(), get, &header).ok());
  ASSERT_EQ(header.children_named_size(), 2);
  EXPECT_EQ(header.children_named(0).person(), person);
  EXPECT_EQ(header.children_named(0).name(), first.missing_episode().child().name());
  EXPECT_EQ(header.children_named(1).person(), elsewhere.missing_episode().child().person());
  EXPECT_EQ(header.children_named(1).name(), "Zed PAYNE");

  v1::GetCaseFileRequest request;
  request.set_name(c.name());
  request.set_person(person);
  // The entries themselves are undated: in the order recorded.
  EXPECT_THAT(ReadInTimeOrder(request).numbers, ElementsAreArray({first.number(), second.number()}));
  request.set_person("persons/NOSUCHPERSON");
  Read none = ReadInTimeOrder(request);
  EXPECT_TRUE(none.status.ok());
  EXPECT_TRUE(none.numbers.empty());
  // Fields of the time order in the default order are refused, naming it.
  v1::GetCaseFileRequest refused;
  refused.set_name(c.name());
  refused.set_purpose(kPurpose);
  refused.set_page_size(10);
  const CaseFile file = [&] {
    auto context = Context(kInvestigatorToken);
    auto reader = cases_->GetCaseFile(context.get(), refused);
    CaseFile f;
    v1::GetCaseFileResponse chunk;
    while (reader->Read(&chunk)) f.entries.insert(f.entries.end(), chunk.entries().begin(), chunk.entries().end());
    f.status = reader->Finish();
    return f;
  }();
  EXPECT_EQ(file.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(file.status.error_message(),
            "order: kinds, occurred_from, occurred_to, person, page_size and page need ORDER_OCCURRED");
}

}  // namespace
}  // namespace casefile::testing
