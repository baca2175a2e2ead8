#include "migration/event_clusterer.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace casefile::migration {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

constexpr char kVisit[] =
    "Visited home address with SW Jones. Ellie Watson seen and spoken to alone in her bedroom. "
    "She said that Mark had shouted at her mother last night and thrown a mug at the wall. Ellie "
    "appeared calm and well cared for. Advised mother regarding safety planning and agreed a "
    "further visit next week.";
// kVisit typed again from paper in capitals, with three typing errors.
constexpr char kVisitTyped[] =
    "VISITED HOME ADDRESS WITH SW JONES. ELLIE WATSON SEEN AND SPOKEN TO ALONE IN HER BEDROM. "
    "SHE SAID THAT MARK HAD SHOUTED AT HER MOTHER LAST NIGHT AND THROWN A MUG AT THE WALL. ELLIE "
    "APPEARED CLAM AND WELL CARED FOR. ADVISED MOTHER REGARDING SAFTEY PLANNING AND AGREED A "
    "FURTHER VISIT NEXT WEEK.";
// kVisit pasted into a narrower box: line breaks where spaces were.
constexpr char kVisitReflowed[] =
    "Visited home address with SW Jones. Ellie Watson seen and\nspoken to alone in her bedroom. "
    "She said that Mark had shouted at her\r\nmother last night and thrown a mug at the wall. Ellie "
    "appeared calm\nand well cared for. Advised mother regarding safety planning and agreed\na "
    "further visit next week.";
constexpr char kVisitCut[] =
    "Visited home address with SW Jones. Ellie Watson seen and spoken to alone in her bedroom. "
    "She said that Mark had shouted at her mother\u2026";
constexpr char kWelfare[] =
    "Welfare check at home address. Ellie seen with mother, appeared well. No concerns raised.";
constexpr char kSchoolCall[] =
    "Telephone call from school. Ellie arrived late and upset and said she had not eaten "
    "breakfast.";
constexpr char kSocialWorkerCall[] =
    "Telephone call to CSC duty social worker to share concerns and request a strategy "
    "discussion.";

PartialTime At(absl::string_view when) {
  auto t = ParsePartialTime(std::string(when));
  EXPECT_TRUE(t.ok()) << when;
  return t.value_or(PartialTime{});
}

// A record: when it happened ("" if undated) and, for crime rows, when it
// was entered.
struct Rec {
  std::string occurred;
  std::string text;
  std::string entered = "";  // most tests leave it out
};

class EventClustererTest : public ::testing::Test {
 protected:
  MatchResult Cluster(const std::vector<Rec>& records, const OperatorDecisions& decisions = {}) {
    std::vector<EventForMatching> events;
    for (const Rec& r : records) events.push_back({At(r.occurred), At(r.entered), r.text});
    auto result = clusterer_(events, decisions);
    EXPECT_TRUE(result.ok()) << result.status();
    return result.value_or(MatchResult{});
  }

  EventClusterer clusterer_ = DefaultEventClusterer();
};

std::vector<std::pair<int, int>> Pairs(const std::vector<MatchEvidence>& evidence) {
  std::vector<std::pair<int, int>> out;
  for (const MatchEvidence& e : evidence) out.emplace_back(e.a, e.b);
  return out;
}

TEST_F(EventClustererTest, PastedCopyWithUpdatePrefixMerges) {
  MatchResult r =
      Cluster({{"13/11/2012 14:00", kVisit}, {"13/11/2012 14:00", absl::StrCat("UPDATE - ", kVisit)}});
  EXPECT_THAT(r.cluster, ElementsAre(0, 0));
  EXPECT_THAT(Pairs(r.merges), ElementsAre(std::pair(0, 1)));
  EXPECT_THAT(r.review, IsEmpty());
}

TEST_F(EventClustererTest, AllCapsCopyWithTyposMerges) {
  MatchResult r = Cluster({{"13/11/2012 14:00", kVisit}, {"13/11/2012", kVisitTyped}});
  EXPECT_THAT(r.cluster, ElementsAre(0, 0));
  EXPECT_THAT(Pairs(r.merges), ElementsAre(std::pair(0, 1)));
  EXPECT_THAT(r.review, IsEmpty());
}

TEST_F(EventClustererTest, ReflowedCopyMerges) {
  MatchResult r = Cluster({{"13/11/2012 14:00", kVisit}, {"13/11/2012 14:00", kVisitReflowed}});
  EXPECT_THAT(r.cluster, ElementsAre(0, 0));
  EXPECT_THAT(Pairs(r.merges), ElementsAre(std::pair(0, 1)));
  EXPECT_THAT(r.review, IsEmpty());
}

TEST_F(EventClustererTest, CopyCutShortMerges) {
  MatchResult r = Cluster({{"13/11/2012", kVisitCut}, {"13/11/2012 14:00", kVisit}});
  EXPECT_THAT(r.cluster, ElementsAre(0, 0));
  EXPECT_THAT(Pairs(r.merges), ElementsAre(std::pair(0, 1)));
  EXPECT_THAT(r.review, IsEmpty());
}

TEST_F(EventClustererTest, AllCopiesOfOneEventFormOneCluster) {
  MatchResult r = Cluster({{"13/11/2012 14:00", kVisit},
                           {"13/11/2012", kVisitTyped},
                           {"13/11/2012 14:00", kVisitReflowed},
                           {"13/11/2012", kVisitCut},
                           {"", absl::StrCat("UPDATE - ", kVisit), "2012-11-14 09:10"}});
  EXPECT_THAT(r.cluster, ElementsAre(0, 0, 0, 0, 0));
  EXPECT_EQ(r.merges.size(), 4u);  // a spanning tree
  EXPECT_THAT(r.review, IsEmpty());
}

TEST_F(EventClustererTest, IdenticalWeeklyWelfareChecksStayApart) {
  MatchResult r =
      Cluster({{"05/11/2012 10:00", kWelfare}, {"12/11/2012 10:00", kWelfare}, {"19/11/2012", kWelfare}});
  EXPECT_THAT(r.cluster, ElementsAre(0, 1, 2));
  EXPECT_THAT(r.merges, IsEmpty());
  EXPECT_THAT(r.review, IsEmpty());
}

TEST_F(EventClustererTest, TwoDifferentCallsOnTheSameDayStayApart) {
  MatchResult r = Cluster({{"14/11/2012", kSchoolCall}, {"14/11/2012", kSocialWorkerCall}});
  EXPECT_THAT(r.cluster, ElementsAre(0, 1));
  EXPECT_THAT(r.merges, IsEmpty());
  EXPECT_THAT(r.review, IsEmpty());
}

TEST_F(EventClustererTest, SameTextAtDifferentTimesOfOneDayStaysApart) {
  MatchResult r = Cluster({{"12/11/2012 10:00", kWelfare}, {"12/11/2012 16:30", kWelfare}});
  EXPECT_THAT(r.cluster, ElementsAre(0, 1));
  EXPECT_THAT(r.review, IsEmpty());
}

TEST_F(EventClustererTest, CrimeRowWithoutOccurrenceTimeMergesWithTheDayBeforeItWasEntered) {
  MatchResult r =
      Cluster({{"", absl::StrCat("UPDATE - ", kVisit), "2012-11-14 09:10"}, {"13/11/2012 14:00", kVisit}});
  EXPECT_THAT(r.cluster, ElementsAre(0, 0));
  EXPECT_THAT(r.review, IsEmpty());
}

TEST_F(EventClustererTest, CrimeRowWithoutOccurrenceTimeNeverMergesWithMonthsBeforeItWasEntered) {
  MatchResult r =
      Cluster({{"", absl::StrCat("UPDATE - ", kVisit), "2012-11-14 09:10"}, {"13/07/2012 14:00", kVisit}});
  EXPECT_THAT(r.cluster, ElementsAre(0, 1));
  EXPECT_THAT(r.merges, IsEmpty());
  EXPECT_THAT(Pairs(r.review), ElementsAre(std::pair(0, 1)));  // an operator may know better
}

TEST_F(EventClustererTest, CrimeRowWithoutOccurrenceTimePicksTheCopyInsideItsEntryWindow) {
  MatchResult r = Cluster({{"13/07/2012 14:00", kVisit},
                           {"", absl::StrCat("UPDATE - ", kVisit), "2012-11-14 09:10"},
                           {"13/11/2012 14:00", kVisit}});
  EXPECT_THAT(r.cluster, ElementsAre(0, 1, 1));
  EXPECT_THAT(r.review, IsEmpty());
}

TEST_F(EventClustererTest, CrimeRowWithAnOccurrenceTimeIsMatchedByThatTime) {
  // The occurrence time wins over the entry window.
  MatchResult r = Cluster({{"2012-07-13 14:00", kVisit, "2012-11-14 09:10"}, {"13/07/2012", kVisitCut}});
  EXPECT_THAT(r.cluster, ElementsAre(0, 0));
}

TEST_F(EventClustererTest, UndatedPageMatchingEventsOfDifferentDaysGoesToReview) {
  MatchResult r = Cluster({{"05/11/2012 10:00", kWelfare}, {"12/11/2012 10:00", kWelfare}, {"", kWelfare}});
  EXPECT_THAT(r.cluster, ElementsAre(0, 1, 2));
  EXPECT_THAT(r.merges, IsEmpty());
  EXPECT_THAT(Pairs(r.review), ElementsAre(std::pair(0, 2), std::pair(1, 2)));
  EXPECT_EQ(r.review[0].score, r.review[1].score);
}

TEST_F(EventClustererTest, MonthDatedPageMatchingEventsOfDifferentDaysGoesToReview) {
  MatchResult r =
      Cluster({{"05/11/2012 10:00", kWelfare}, {"Nov 2012", kWelfare}, {"12/11/2012 10:00", kWelfare}});
  EXPECT_THAT(r.cluster, ElementsAre(0, 1, 2));
  EXPECT_THAT(Pairs(r.review), ElementsAre(std::pair(0, 1), std::pair(1, 2)));
}

TEST_F(EventClustererTest, CrimeRowWhoseEntryWindowHoldsTwoMatchingDaysGoesToReview) {
  MatchResult r =
      Cluster({{"11/11/2012", kWelfare}, {"13/11/2012", kWelfare}, {"", kWelfare, "2012-11-13 18:00"}});
  EXPECT_THAT(r.cluster, ElementsAre(0, 1, 2));
  EXPECT_THAT(Pairs(r.review), ElementsAre(std::pair(0, 2), std::pair(1, 2)));
}

TEST_F(EventClustererTest, UndatedPageMatchingOneDayMerges) {
  MatchResult r = Cluster({{"05/11/2012 10:00", kVisit}, {"", kVisitTyped}, {"Nov 2012", kVisitCut}});
  EXPECT_THAT(r.cluster, ElementsAre(0, 0, 0));
  EXPECT_THAT(r.review, IsEmpty());
}

TEST_F(EventClustererTest, CannotLinkKeepsIdenticalRecordsApart) {
  OperatorDecisions decisions;
  decisions.cannot_link.push_back({0, 1});
  MatchResult r = Cluster({{"12/11/2012 10:00", kWelfare}, {"12/11/2012 10:00", kWelfare}}, decisions);
  EXPECT_THAT(r.cluster, ElementsAre(0, 1));
  EXPECT_THAT(r.merges, IsEmpty());
  EXPECT_THAT(r.review, IsEmpty());  // decided: never asked again
}

TEST_F(EventClustererTest, CannotLinkHoldsBetweenClustersNotJustTheTwoRecords) {
  OperatorDecisions decisions;
  decisions.cannot_link.push_back({0, 2});
  MatchResult r = Cluster(
      {{"12/11/2012 10:00", kWelfare}, {"12/11/2012 10:00", kWelfare}, {"12/11/2012", kWelfare}}, decisions);
  // 0 and 1 merge first (best pairs first, ties by position); 2 may then join neither.
  EXPECT_THAT(r.cluster, ElementsAre(0, 0, 1));
  EXPECT_THAT(Pairs(r.merges), ElementsAre(std::pair(0, 1)));
  EXPECT_THAT(r.review, IsEmpty());
}

TEST_F(EventClustererTest, MustLinkJoinsDifferentRecordsWithoutEvidence) {
  OperatorDecisions decisions;
  decisions.must_link.push_back({1, 0});
  MatchResult r = Cluster({{"14/11/2012", kSchoolCall}, {"14/11/2012 09:30", kSocialWorkerCall}}, decisions);
  EXPECT_THAT(r.cluster, ElementsAre(0, 0));
  EXPECT_THAT(r.merges, IsEmpty());  // operator links are not automatic merges
  EXPECT_THAT(r.review, IsEmpty());
}

TEST_F(EventClustererTest, AClusterNeverSpansTwoDaysEvenThroughAnUndatedBridge) {
  // Two copies on each of two days, and two undated copies between them.
  MatchResult r = Cluster({{"05/11/2012 10:00", kWelfare},
                           {"05/11/2012", kWelfare},
                           {"", kWelfare},
                           {"", absl::StrCat("UPDATE - ", kWelfare)},
                           {"12/11/2012 10:00", kWelfare},
                           {"12/11/2012", kWelfare}});
  ASSERT_EQ(r.cluster.size(), 6u);
  EXPECT_EQ(r.cluster[0], r.cluster[1]);
  EXPECT_EQ(r.cluster[4], r.cluster[5]);
  EXPECT_NE(r.cluster[0], r.cluster[4]);
  // Neither undated copy is put on one of the days without an operator.
  for (int undated : {2, 3}) {
    EXPECT_NE(r.cluster[undated], r.cluster[0]) << undated;
    EXPECT_NE(r.cluster[undated], r.cluster[4]) << undated;
  }
  EXPECT_THAT(r.review, Not(IsEmpty()));
}

TEST_F(EventClustererTest, UncertainCopiesGoToReviewOncePerPairOfClusters) {
  // The same visit retold with other words around the same facts.
  const char kRetold[] =
      "Home address visited with SW Jones today. Ellie Watson seen and spoken to alone. She said "
      "Mark had shouted at her mother and thrown a mug. Ellie appeared calm. Mother advised on "
      "safety planning, a further visit agreed.";
  MatchResult r =
      Cluster({{"13/11/2012 14:00", kVisit}, {"13/11/2012", kVisitReflowed}, {"13/11/2012", kRetold}});
  EXPECT_THAT(r.cluster, ElementsAre(0, 0, 1));
  ASSERT_EQ(r.review.size(), 1u);
  EXPECT_EQ(r.review[0].b, 2);
  ASSERT_EQ(r.merges.size(), 1u);
  EXPECT_LT(r.review[0].score, r.merges[0].score);
}

TEST_F(EventClustererTest, ReasonsNeverQuoteTheText) {
  MatchResult r = Cluster({{"05/11/2012 10:00", kWelfare},
                           {"05/11/2012", absl::StrCat("UPDATE - ", kWelfare)},
                           {"12/11/2012 10:00", kWelfare},
                           {"", kWelfare}});
  ASSERT_FALSE(r.merges.empty());
  ASSERT_FALSE(r.review.empty());
  for (const auto* evidence : {&r.merges, &r.review}) {
    for (const MatchEvidence& e : *evidence) {
      EXPECT_FALSE(e.reason.empty());
      for (const char* word : {"Welfare", "welfare", "Ellie", "concerns", "UPDATE"})
        EXPECT_THAT(e.reason, Not(HasSubstr(word)));
    }
  }
}

TEST_F(EventClustererTest, DecisionOutsideTheCaseIsInvalid) {
  OperatorDecisions decisions;
  decisions.cannot_link.push_back({0, 2});
  std::vector<EventForMatching> events = {{At("12/11/2012"), {}, kWelfare}, {At("12/11/2012"), {}, kWelfare}};
  auto result = clusterer_(events, decisions);
  EXPECT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument);
  decisions.cannot_link = {{-1, 0}};
  EXPECT_EQ(clusterer_(events, decisions).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(EventClustererTest, EmptyCase) {
  MatchResult r = Cluster({});
  EXPECT_THAT(r.cluster, IsEmpty());
  EXPECT_THAT(r.merges, IsEmpty());
  EXPECT_THAT(r.review, IsEmpty());
}

// The clusters (as sets of labels) and the review pairs (as label pairs)
// must not depend on the order of the input.
TEST_F(EventClustererTest, ResultIsIndependentOfInputOrder) {
  const std::vector<Rec> records = {
      {"13/11/2012 14:00", kVisit},
      {"13/11/2012", kVisitTyped},
      {"13/11/2012 14:00", absl::StrCat("UPDATE - ", kVisitReflowed)},
      {"", kVisitCut, "2012-11-14 09:10"},
      {"13/07/2012 14:00", kVisit},
      {"05/11/2012 10:00", kWelfare},
      {"12/11/2012 10:00", kWelfare},
      {"", kWelfare},
      {"14/11/2012", kSchoolCall},
      {"14/11/2012", kSocialWorkerCall},
      {"14/11/2012 16:00", kSchoolCall},
      {"Nov 2012", kSocialWorkerCall},
  };
  using Partition = std::set<std::set<int>>;
  auto labelled = [&](const std::vector<int>& order) {
    std::vector<Rec> shuffled;
    for (int label : order) shuffled.push_back(records[label]);
    MatchResult r = Cluster(shuffled);
    std::map<int, std::set<int>> members;
    for (size_t i = 0; i < order.size(); ++i) members[r.cluster[i]].insert(order[i]);
    Partition partition;
    for (auto& [id, labels] : members) partition.insert(labels);
    std::set<std::pair<int, int>> review;
    for (const MatchEvidence& e : r.review) review.insert(std::minmax(order[e.a], order[e.b]));
    return std::pair(partition, review);
  };
  std::vector<int> order(records.size());
  std::iota(order.begin(), order.end(), 0);
  const auto expected = labelled(order);
  EXPECT_EQ(expected.first, (Partition{{0, 1, 2, 3}, {4}, {5}, {6}, {7}, {8, 10}, {9, 11}}));
  EXPECT_EQ(expected.second, (std::set<std::pair<int, int>>{{5, 7}, {6, 7}}));
  std::mt19937 random(20121113);
  for (int round = 0; round < 25; ++round) {
    std::shuffle(order.begin(), order.end(), random);
    EXPECT_EQ(labelled(order), expected) << "round " << round;
  }
}

}  // namespace
}  // namespace casefile::migration
