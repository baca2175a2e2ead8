#include "migration/case_consolidator.h"

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/time/partial_time_proto.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "migration/event_clusterer.h"
#include "migration/stable_hash.h"

namespace casefile::migration {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr char kVisit[] =
    "Visited home address with SW Jones. Ellie Watson seen and spoken to alone in her bedroom. "
    "She said that Mark had shouted at her mother last night and thrown a mug at the wall. Ellie "
    "appeared calm and well cared for. Advised mother regarding safety planning and agreed a "
    "further visit next week.";
constexpr char kVisitCut[] =
    "Visited home address with SW Jones. Ellie Watson seen and spoken to alone in her bedroom. "
    "She said that Mark had shouted at her mother\u2026";
constexpr char kVisitReflowed[] =
    "Visited home address with SW Jones. Ellie Watson seen and\nspoken to alone in her bedroom. "
    "She said that Mark had shouted at her\nmother last night and thrown a mug at the wall. Ellie "
    "appeared calm\nand well cared for. Advised mother regarding safety planning and agreed\na "
    "further visit next week.";
constexpr char kWelfare[] =
    "Welfare check at home address. Ellie seen with mother, appeared well. No concerns raised.";
constexpr char kCall[] =
    "Telephone call to CSC duty social worker to share concerns about bruising seen at "
    "school.";

v1::PartialTime When(absl::string_view text) {
  auto t = ParsePartialTime(std::string(text));
  EXPECT_TRUE(t.ok()) << text;
  return ToProto(t.value_or(PartialTime{}));
}

CaseRecord Record(const std::string& locator, const std::string& occurred, const std::string& text,
                  const std::string& ref = "HPVP/2012/0457", int64_t entry = 0) {
  CaseRecord r;
  r.source.set_locator(locator);
  r.source.set_legacy_ref(ref);
  r.source.set_text(text);
  *r.source.mutable_occurred() = When(occurred);
  r.source.set_record_type("investigation log");
  r.entry = entry;
  return r;
}

CaseRecord CrimeRow(const std::string& locator, const std::string& entered, const std::string& text) {
  CaseRecord r = Record(locator, "", text, "22/45871/12");
  *r.source.mutable_entered() = When(entered);
  r.source.set_record_type("CRIME");
  return r;
}

v1::Subject Subject(const std::string& display_name) {
  v1::Subject s;
  s.set_display_name(display_name);
  return s;
}

std::vector<std::string> Locators(const std::vector<v1::Source>& sources) {
  std::vector<std::string> out;
  for (const v1::Source& s : sources) out.push_back(s.locator());
  return out;
}

class CaseConsolidatorTest : public ::testing::Test {
 protected:
  CasePlan Consolidate(std::vector<CaseRecord> records, const std::map<int64_t, v1::Entry>& existing = {},
                       const std::vector<PairDecision>& decisions = {}) {
    auto plan = ConsolidateCase("HFD-PVP-000123", existing, std::move(records), decisions, clusterer_);
    EXPECT_TRUE(plan.ok()) << plan.status();
    return plan.value_or(CasePlan{});
  }
  // The entry a first import made of `records`, stored as number `number`.
  v1::Entry Imported(std::vector<CaseRecord> records, int64_t number) {
    for (CaseRecord& r : records) r.entry = 0;
    CasePlan plan = Consolidate(std::move(records));
    EXPECT_EQ(plan.new_entries.size(), 1u);
    v1::Entry entry = plan.new_entries.empty() ? v1::Entry() : plan.new_entries[0].entry;
    entry.set_number(number);
    return entry;
  }

  EventClusterer clusterer_ = DefaultEventClusterer();
};

TEST_F(CaseConsolidatorTest, CopiesOfOneEventBecomeOneEntryKeepingEverySource) {
  CaseRecord log = Record("a/log.txt#entry=1", "13/11/2012 14:00", kVisit);
  log.subjects = {Subject("Ellie WATSON")};
  CaseRecord page = Record("b/paper.csv#row=3", "13/11/2012", kVisitCut);
  page.source.set_record_type("Case note");
  page.subjects = {Subject("Ellie Watson"), Subject("Mark WATSON")};
  CaseRecord crime = CrimeRow("c/crime.csv#row=1", "2012-11-14 09:10", kVisitReflowed);
  CaseRecord call = Record("a/log.txt#entry=2", "14/11/2012 10:00", kCall);

  CasePlan plan = Consolidate({crime, call, page, log});
  EXPECT_EQ(plan.case_id, "HFD-PVP-000123");
  ASSERT_EQ(plan.new_entries.size(), 2u);
  const NewEntryPlan& visit = plan.new_entries[0];
  // The fullest text (the log's and the reflowed copy are equally long: the
  // smaller locator wins), the finest time, every reference and person once.
  EXPECT_EQ(visit.entry.text(), kVisit);
  EXPECT_EQ(visit.entry.kind(), v1::ENTRY_KIND_VISIT);
  EXPECT_EQ(FormatPartialTime(FromProto(visit.entry.occur_time())), "2012-11-13 14:00");
  EXPECT_THAT(visit.entry.legacy_refs(), ElementsAre("22/45871/12", "HPVP/2012/0457"));
  ASSERT_EQ(visit.entry.subjects_size(), 2);
  EXPECT_EQ(visit.entry.subjects(0).display_name(), "Ellie WATSON");
  EXPECT_EQ(visit.entry.subjects(1).display_name(), "Mark WATSON");
  EXPECT_THAT(Locators(visit.sources),
              ElementsAre("a/log.txt#entry=1", "b/paper.csv#row=3", "c/crime.csv#row=1"));
  EXPECT_EQ(visit.sources[1].text(), kVisitCut);  // every text kept as read
  EXPECT_EQ(visit.sources[2].text(), kVisitReflowed);
  EXPECT_THAT(visit.supersedes, IsEmpty());
  EXPECT_EQ(visit.entry.sources_size(), 0);  // sources travel beside the entry

  const NewEntryPlan& other = plan.new_entries[1];
  EXPECT_EQ(other.entry.text(), kCall);
  EXPECT_EQ(other.entry.kind(), v1::ENTRY_KIND_CONTACT);
  EXPECT_THAT(Locators(other.sources), ElementsAre("a/log.txt#entry=2"));

  EXPECT_EQ(plan.exact_duplicates, 0);
  EXPECT_EQ(plan.near_duplicates, 2);
  EXPECT_THAT(plan.added_sources, IsEmpty());
  EXPECT_THAT(plan.review_items, IsEmpty());
}

TEST_F(CaseConsolidatorTest, CountsExactAndNearDuplicates) {
  CasePlan plan = Consolidate({
      Record("a#entry=1", "12/11/2012 10:00", kWelfare),
      Record("b#row=1", "12/11/2012 10:00",
             "WELFARE check at home address.  Ellie seen with mother,\r\nappeared well. No concerns raised."),
      Record("c#row=1", "12/11/2012 10:00", kWelfare),
      Record("d#row=1", "12/11/2012 10:00", absl::StrCat("UPDATE - ", kWelfare)),
      Record("e#row=1", "12/11/2012", kWelfare),  // a coarser time is not exact
      Record("f#row=1", "19/11/2012 10:00", kWelfare),
  });
  ASSERT_EQ(plan.new_entries.size(), 2u);
  EXPECT_EQ(plan.new_entries[0].sources.size(), 5u);
  EXPECT_EQ(plan.new_entries[0].entry.text(), absl::StrCat("UPDATE - ", kWelfare));  // the longest
  EXPECT_EQ(plan.new_entries[1].sources.size(), 1u);
  EXPECT_EQ(plan.exact_duplicates, 2);
  EXPECT_EQ(plan.near_duplicates, 2);
}

TEST_F(CaseConsolidatorTest, UnchangedExistingEntryPlansNothing) {
  CaseRecord log = Record("a#entry=1", "13/11/2012 14:00", kVisit, "HPVP/2012/0457", 1);
  CaseRecord page = Record("b#row=1", "13/11/2012", kVisitCut, "HPVP/2012/0457", 1);
  const std::map<int64_t, v1::Entry> existing = {{1, Imported({log, page}, 1)}};
  CasePlan plan = Consolidate({log, page}, existing);
  EXPECT_THAT(plan.new_entries, IsEmpty());
  EXPECT_THAT(plan.added_sources, IsEmpty());
  EXPECT_THAT(plan.review_items, IsEmpty());
  EXPECT_EQ(plan.exact_duplicates + plan.near_duplicates, 0);
}

TEST_F(CaseConsolidatorTest, ACopyThatChangesNothingBecomesASourceOfTheExistingEntry) {
  CaseRecord log = Record("a#entry=1", "13/11/2012 14:00", kVisit, "HPVP/2012/0457", 1);
  const std::map<int64_t, v1::Entry> existing = {{1, Imported({log}, 1)}};
  CaseRecord page = Record("b#row=1", "13/11/2012", kVisitCut);
  CasePlan plan = Consolidate({page, log}, existing);
  EXPECT_THAT(plan.new_entries, IsEmpty());
  ASSERT_EQ(plan.added_sources.size(), 1u);
  EXPECT_EQ(plan.added_sources[0].first, 1);
  EXPECT_EQ(plan.added_sources[0].second.locator(), "b#row=1");
  EXPECT_EQ(plan.added_sources[0].second.text(), kVisitCut);
  EXPECT_EQ(plan.near_duplicates, 1);
}

TEST_F(CaseConsolidatorTest, AFullerCopySupersedesTheExistingEntry) {
  CaseRecord page = Record("b#row=1", "13/11/2012", kVisitCut, "HPVP/2012/0457", 4);
  const std::map<int64_t, v1::Entry> existing = {{4, Imported({page}, 4)}};
  CaseRecord log = Record("a#entry=1", "13/11/2012 14:00", kVisit);
  CasePlan plan = Consolidate({page, log}, existing);
  ASSERT_EQ(plan.new_entries.size(), 1u);
  EXPECT_EQ(plan.new_entries[0].entry.text(), kVisit);
  EXPECT_EQ(FormatPartialTime(FromProto(plan.new_entries[0].entry.occur_time())), "2012-11-13 14:00");
  EXPECT_THAT(plan.new_entries[0].supersedes, ElementsAre(4));
  EXPECT_THAT(Locators(plan.new_entries[0].sources), ElementsAre("a#entry=1", "b#row=1"));
  EXPECT_THAT(plan.added_sources, IsEmpty());
  EXPECT_EQ(plan.near_duplicates, 1);
}

TEST_F(CaseConsolidatorTest, AnEntryASeparateDecisionSplitsIsSupersededOnce) {
  CaseRecord a = Record("a#entry=1", "12/11/2012 10:00", kWelfare, "HPVP/2012/0457", 2);
  CaseRecord b = Record("b#row=1", "12/11/2012 10:00", kWelfare, "HPVP/2012/0457", 2);
  const std::map<int64_t, v1::Entry> existing = {{2, Imported({a, b}, 2)}};
  CasePlan plan = Consolidate({a, b}, existing, {{"b#row=1", "a#entry=1", false}});
  ASSERT_EQ(plan.new_entries.size(), 2u);
  EXPECT_THAT(Locators(plan.new_entries[0].sources), ElementsAre("a#entry=1"));
  EXPECT_THAT(plan.new_entries[0].supersedes, ElementsAre(2));
  EXPECT_THAT(Locators(plan.new_entries[1].sources), ElementsAre("b#row=1"));
  EXPECT_THAT(plan.new_entries[1].supersedes, IsEmpty());
  EXPECT_EQ(plan.exact_duplicates + plan.near_duplicates, 0);  // nothing new
}

TEST_F(CaseConsolidatorTest, EntriesAMergeDecisionJoinsAreSupersededByOne) {
  CaseRecord a = Record("a#entry=1", "14/11/2012", kWelfare, "HPVP/2012/0457", 1);
  CaseRecord b = Record("b#row=1", "14/11/2012 09:00", kCall, "HPVP/2012/0457", 2);
  const std::map<int64_t, v1::Entry> existing = {{1, Imported({a}, 1)}, {2, Imported({b}, 2)}};
  CasePlan plan = Consolidate({a, b}, existing, {{"a#entry=1", "b#row=1", true}});
  ASSERT_EQ(plan.new_entries.size(), 1u);
  EXPECT_THAT(plan.new_entries[0].supersedes, ElementsAre(1, 2));
  EXPECT_THAT(Locators(plan.new_entries[0].sources), ElementsAre("a#entry=1", "b#row=1"));
}

TEST_F(CaseConsolidatorTest, DecisionsOnRecordsOfOtherCasesAreIgnored) {
  CasePlan plan = Consolidate(
      {Record("a#entry=1", "12/11/2012 10:00", kWelfare), Record("b#row=1", "12/11/2012", kWelfare)}, {},
      {{"a#entry=1", "elsewhere#row=9", false}});
  ASSERT_EQ(plan.new_entries.size(), 1u);
  EXPECT_EQ(plan.new_entries[0].sources.size(), 2u);
}

TEST_F(CaseConsolidatorTest, UncertainPairsBecomeReviewItemsNamedByTheirLocators) {
  CasePlan plan = Consolidate({
      Record("log#entry=1", "05/11/2012 10:00", kWelfare),
      Record("log#entry=2", "12/11/2012 10:00", kWelfare),
      Record("paper#row=7", "", kWelfare, "HPVP/2011/5123"),
  });
  ASSERT_EQ(plan.new_entries.size(), 3u);  // the undated page stands alone
  ASSERT_EQ(plan.review_items.size(), 2u);
  const v1::ReviewItem& item = plan.review_items[0];
  EXPECT_EQ(item.name(), absl::StrCat("reviewItems/", PairId("e-", "log#entry=1", "paper#row=7")));
  EXPECT_EQ(item.kind(), v1::ReviewItem::KIND_EVENT);
  EXPECT_EQ(item.decision(), v1::ReviewItem::DECISION_UNSPECIFIED);
  EXPECT_EQ(item.case_(), "cases/HFD-PVP-000123");
  EXPECT_GT(item.score(), 0);
  EXPECT_FALSE(item.reason().empty());
  EXPECT_EQ(item.left().locator(), "log#entry=1");
  EXPECT_EQ(item.left().text(), kWelfare);
  EXPECT_EQ(FormatPartialTime(FromProto(item.left().occurred())), "2012-11-05 10:00");
  EXPECT_EQ(item.right().locator(), "paper#row=7");
  EXPECT_EQ(FormatPartialTime(FromProto(item.right().occurred())), "unknown");
  EXPECT_EQ(plan.review_items[1].name(),
            absl::StrCat("reviewItems/", PairId("e-", "log#entry=2", "paper#row=7")));
}

TEST_F(CaseConsolidatorTest, PairsOfStoredRecordsAreNotAskedAgain) {
  CaseRecord a = Record("log#entry=1", "05/11/2012 10:00", kWelfare, "HPVP/2012/0457", 1);
  CaseRecord b = Record("log#entry=2", "12/11/2012 10:00", kWelfare, "HPVP/2012/0457", 2);
  CaseRecord page = Record("paper#row=7", "", kWelfare, "HPVP/2011/5123", 3);
  const std::map<int64_t, v1::Entry> existing = {
      {1, Imported({a}, 1)}, {2, Imported({b}, 2)}, {3, Imported({page}, 3)}};
  CasePlan plan = Consolidate({a, b, page}, existing);
  EXPECT_THAT(plan.new_entries, IsEmpty());
  EXPECT_THAT(plan.review_items, IsEmpty());
  // A new undated copy is asked about against both stored days and the
  // stored undated page; the stored pairs are not.
  plan = Consolidate({a, b, page, Record("paper#row=8", "", kWelfare)}, existing);
  std::vector<std::pair<std::string, std::string>> asked;
  for (const v1::ReviewItem& item : plan.review_items)
    asked.emplace_back(item.left().locator(), item.right().locator());
  EXPECT_THAT(asked,
              ElementsAre(std::pair("log#entry=1", "paper#row=8"), std::pair("log#entry=2", "paper#row=8"),
                          std::pair("paper#row=7", "paper#row=8")));
}

TEST_F(CaseConsolidatorTest, PlanDoesNotDependOnRecordOrder) {
  std::vector<CaseRecord> records = {
      Record("a#entry=1", "13/11/2012 14:00", kVisit),
      Record("b#row=1", "13/11/2012", kVisitCut),
      CrimeRow("c#row=1", "2012-11-14 09:10", kVisitReflowed),
      Record("a#entry=2", "05/11/2012 10:00", kWelfare),
      Record("a#entry=3", "12/11/2012 10:00", kWelfare),
      Record("b#row=2", "", kWelfare),
      Record("b#row=3", "14/11/2012", kCall),
  };
  auto serialized = [](const CasePlan& plan) {
    std::string out;
    for (const NewEntryPlan& e : plan.new_entries) {
      out += e.entry.SerializeAsString();
      for (const v1::Source& s : e.sources) out += s.SerializeAsString();
    }
    for (const v1::ReviewItem& item : plan.review_items) out += item.SerializeAsString();
    return absl::StrCat(out, "|", plan.exact_duplicates, "|", plan.near_duplicates);
  };
  const std::string expected = serialized(Consolidate(records));
  std::mt19937 random(7);
  for (int round = 0; round < 10; ++round) {
    std::shuffle(records.begin(), records.end(), random);
    EXPECT_EQ(serialized(Consolidate(records)), expected) << "round " << round;
  }
}

TEST_F(CaseConsolidatorTest, ClustererErrorsAreReturned) {
  clusterer_ = [](absl::Span<const EventForMatching>,
                  const OperatorDecisions&) -> absl::StatusOr<MatchResult> {
    return absl::InternalError("matcher broke");
  };
  auto plan = ConsolidateCase("C-1", {}, {Record("a#entry=1", "12/11/2012", kWelfare)}, {}, clusterer_);
  EXPECT_EQ(plan.status(), absl::InternalError("matcher broke"));
}

TEST_F(CaseConsolidatorTest, TheClustererSeesRecordsInLocatorOrderWithTheirEntryTimes) {
  std::vector<std::string> texts;
  std::vector<PartialTime> entered;
  std::vector<RecordPair> separate;
  clusterer_ = [&](absl::Span<const EventForMatching> events,
                   const OperatorDecisions& decisions) -> absl::StatusOr<MatchResult> {
    MatchResult r;
    for (const EventForMatching& e : events) {
      texts.emplace_back(e.text);
      entered.push_back(e.not_after);
      r.cluster.push_back(static_cast<int>(r.cluster.size()));
    }
    separate = decisions.cannot_link;
    return r;
  };
  Consolidate(
      {CrimeRow("z#row=1", "2012-11-14 09:10", "later"), Record("a#entry=1", "12/11/2012", "earlier")}, {},
      {{"z#row=1", "a#entry=1", false}});
  EXPECT_THAT(texts, ElementsAre("earlier", "later"));
  EXPECT_EQ(FormatPartialTime(entered[0]), "unknown");
  EXPECT_EQ(FormatPartialTime(entered[1]), "2012-11-14 09:10");
  EXPECT_THAT(separate, ElementsAre(RecordPair{1, 0}));
}

}  // namespace
}  // namespace casefile::migration
