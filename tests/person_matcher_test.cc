#include "migration/match/person_matcher.h"

#include <fstream>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "migration/match/person_compare.h"

namespace casefile::migration {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

PartialTime Dob(int year, int month, int day) {
  return {TimePrecision::kDay, year, month, day};
}

PersonRecord Person(std::string forename, std::string surname, PartialTime dob,
                    std::string address_1 = "44 Eign Street",
                    std::string postcode = "HR8 0HN",
                    std::string town = "Hereford") {
  PersonRecord r;
  r.forename = std::move(forename);
  r.surname = std::move(surname);
  r.date_of_birth = dob;
  r.address_1 = std::move(address_1);
  r.town = std::move(town);
  r.postcode = std::move(postcode);
  return r;
}

MatchResult Match(const std::vector<PersonRecord>& records,
                  const OperatorDecisions& decisions = {}) {
  absl::StatusOr<MatchResult> result = MatchPersons(records, decisions);
  EXPECT_TRUE(result.ok()) << result.status();
  return result.ok() ? *result : MatchResult{};
}

bool Reviewed(const MatchResult& r, int a, int b) {
  for (const MatchEvidence& e : r.review) {
    if ((e.a == a && e.b == b) || (e.a == b && e.b == a)) return true;
  }
  return false;
}

TEST(MatchPersons, ExactCopiesMergeWithEvidence) {
  MatchResult r = Match({Person("Ellie", "WATSON", Dob(2008, 4, 3)),
                         Person("Ellie", "Watson", Dob(2008, 4, 3))});
  EXPECT_THAT(r.cluster, ElementsAre(0, 0));
  ASSERT_THAT(r.merges, SizeIs(1));
  EXPECT_EQ(r.merges[0].reason,
            "forename exact; surname exact; dob exact; address strong");
  EXPECT_GT(r.merges[0].score, 30);
  EXPECT_THAT(r.review, IsEmpty());
}

TEST(MatchPersons, TyposAndSwappedNamesMerge) {
  MatchResult r = Match({Person("Leah", "Preece", Dob(2001, 10, 25)),
                         Person("Leah", "RPEECE", Dob(2001, 10, 25)),
                         Person("Preece", "Leah", Dob(2001, 10, 25)),
                         Person("Laeh", "Preece", Dob(2001, 10, 25))});
  EXPECT_THAT(r.cluster, ElementsAre(0, 0, 0, 0));
}

TEST(MatchPersons, NicknameMergesOnlyWithTheSameDateOfBirth) {
  MatchResult same_dob = Match({Person("William", "Jones", Dob(1990, 1, 2)),
                                Person("Bill", "Jones", Dob(1990, 1, 2))});
  EXPECT_THAT(same_dob.cluster, ElementsAre(0, 0));
  EXPECT_THAT(same_dob.merges[0].reason, HasSubstr("forename variant"));

  MatchResult no_dob = Match({Person("William", "Jones", Dob(1990, 1, 2)),
                              Person("Bill", "Jones", {})});
  EXPECT_THAT(no_dob.cluster, ElementsAre(0, 1));
  EXPECT_TRUE(Reviewed(no_dob, 0, 1));
}

TEST(MatchPersons, TwinsNeverMergeNorGoToReview) {
  MatchResult r = Match({Person("Jack", "Smith", Dob(2010, 5, 1)),
                         Person("Emily", "Smith", Dob(2010, 5, 1)),
                         Person("Alexander", "Jones", Dob(2012, 7, 9)),
                         Person("Alexandra", "Jones", Dob(2012, 7, 9)),
                         Person("Kristian", "Price", Dob(2015, 1, 30)),
                         Person("Kristina", "Price", Dob(2015, 1, 30))});
  EXPECT_THAT(r.cluster, ElementsAre(0, 1, 2, 3, 4, 5));
  EXPECT_THAT(r.review, IsEmpty());
}

TEST(MatchPersons, DoubleForenamesSharingAFirstWordAreTwoPeople) {
  MatchResult r = Match({Person("Mary-Jane", "Smith", Dob(2010, 5, 1)),
                         Person("Mary-Ann", "Smith", Dob(2010, 5, 1)),
                         Person("Mary Jane", "SMITH", Dob(2010, 5, 1))});
  EXPECT_THAT(r.cluster, ElementsAre(0, 1, 0));
}

TEST(MatchPersons, FirstForenameAloneIsAShortForm) {
  MatchResult r = Match({Person("Mary Jane", "Smith", Dob(2010, 5, 1)),
                         Person("Mary", "Smith", Dob(2010, 5, 1))});
  EXPECT_THAT(r.cluster, ElementsAre(0, 0));
}

TEST(MatchPersons, SiblingsNeverMerge) {
  MatchResult r = Match({Person("Tyler", "Bevan", Dob(2002, 3, 6)),
                         Person("Riley", "Bevan", Dob(2004, 11, 20)),
                         Person("Kyle", "Bevan", Dob(2006, 1, 1))});
  EXPECT_THAT(r.cluster, ElementsAre(0, 1, 2));
  EXPECT_THAT(r.review, IsEmpty());
}

TEST(MatchPersons, RecordThatFitsEitherTwinGoesToReview) {
  // "Alex" is a nickname of both; the twins conflict, so neither may take it.
  MatchResult r = Match({Person("Alexander", "Jones", Dob(2012, 7, 9)),
                         Person("Alexandra", "Jones", Dob(2012, 7, 9)),
                         Person("Alex", "Jones", Dob(2012, 7, 9))});
  EXPECT_THAT(r.cluster, ElementsAre(0, 1, 2));
  EXPECT_TRUE(Reviewed(r, 0, 2));
  EXPECT_TRUE(Reviewed(r, 1, 2));
}

TEST(MatchPersons, MissingForenameMergesUnlessATwinExists) {
  MatchResult alone = Match({Person("Ellie", "Watson", Dob(2008, 4, 3)),
                             Person("", "Watson", Dob(2008, 4, 3))});
  EXPECT_THAT(alone.cluster, ElementsAre(0, 0));
  EXPECT_THAT(alone.merges[0].reason, HasSubstr("forename missing"));

  MatchResult twins = Match({Person("Ellie", "Watson", Dob(2008, 4, 3)),
                             Person("Grace", "Watson", Dob(2008, 4, 3)),
                             Person("", "Watson", Dob(2008, 4, 3))});
  EXPECT_THAT(twins.cluster, ElementsAre(0, 1, 2));
  EXPECT_TRUE(Reviewed(twins, 0, 2));
}

TEST(MatchPersons, MissingFieldMergesCanBeTurnedOff) {
  PersonMatcherOptions options;
  options.merge_with_missing_field = false;
  absl::StatusOr<MatchResult> r = MatchPersons(
      std::vector<PersonRecord>{Person("Ellie", "Watson", Dob(2008, 4, 3)),
                                Person("", "Watson", Dob(2008, 4, 3))},
      {}, options);
  ASSERT_TRUE(r.ok());
  EXPECT_THAT(r->cluster, ElementsAre(0, 1));
  EXPECT_TRUE(Reviewed(*r, 0, 1));
}

TEST(MatchPersons, DayAndMonthSwappedGoesToReview) {
  MatchResult r = Match({Person("Michelle", "Preece", Dob(1980, 8, 12)),
                         Person("Michelle", "Preece", Dob(1980, 12, 8))});
  EXPECT_THAT(r.cluster, ElementsAre(0, 1));
  ASSERT_THAT(r.review, SizeIs(1));
  EXPECT_THAT(r.review[0].reason, HasSubstr("dob day and month swapped"));
}

TEST(MatchPersons, DayAndMonthSwapsCanBeAllowedToMerge) {
  PersonMatcherOptions options;
  options.merge_day_month_swaps = true;
  absl::StatusOr<MatchResult> r = MatchPersons(
      std::vector<PersonRecord>{Person("Michelle", "Preece", Dob(1980, 8, 12)),
                                Person("Michelle", "Preece", Dob(1980, 12, 8))},
      {}, options);
  ASSERT_TRUE(r.ok());
  EXPECT_THAT(r->cluster, ElementsAre(0, 0));
}

TEST(MatchPersons, RnForMIsOneTypingError) {
  MatchResult r = Match({Person("Emma", "Preece", Dob(2003, 2, 1)),
                         Person("Ernma", "Preece", Dob(2003, 2, 1))});
  EXPECT_THAT(r.cluster, ElementsAre(0, 0));
  EXPECT_THAT(r.merges[0].reason, HasSubstr("forename typo"));
}

TEST(MatchPersons, OneDigitDobTypoMergesWhenEverythingElseAgrees) {
  MatchResult r = Match({Person("Michelle", "Preece", Dob(1980, 8, 19)),
                         Person("Michelle", "Preece", Dob(1980, 8, 18))});
  EXPECT_THAT(r.cluster, ElementsAre(0, 0));
  // Elsewhere, the same typo is only worth a review.
  MatchResult moved = Match(
      {Person("Michelle", "Preece", Dob(1980, 8, 19)),
       Person("Michelle", "Preece", Dob(1980, 8, 18), "3 Ross Road", "HR1 9YR",
              "Kington")});
  EXPECT_THAT(moved.cluster, ElementsAre(0, 1));
}

TEST(MatchPersons, ParentAndChildOfOneNameStayApart) {
  MatchResult r = Match({Person("Mark", "Watson", Dob(1975, 2, 1)),
                         Person("Mark", "Watson", Dob(2001, 6, 30))});
  EXPECT_THAT(r.cluster, ElementsAre(0, 1));
  EXPECT_THAT(r.review, IsEmpty());
}

TEST(MatchPersons, UndatedRecordBetweenFatherAndSonGoesToReview) {
  MatchResult r = Match({Person("Mark", "Watson", Dob(1975, 2, 1)),
                         Person("Mark", "Watson", Dob(2001, 6, 30)),
                         Person("Mark", "Watson", {})});
  EXPECT_THAT(r.cluster, ElementsAre(0, 1, 2));
  EXPECT_TRUE(Reviewed(r, 0, 2));
  EXPECT_TRUE(Reviewed(r, 1, 2));
}

TEST(MatchPersons, SurnameChangeNeedsForenameDobAndAddress) {
  MatchResult same_home = Match({Person("Donna", "Davies", Dob(1973, 12, 14)),
                                 Person("Donna", "Bishop", Dob(1973, 12, 14))});
  EXPECT_THAT(same_home.cluster, ElementsAre(0, 0));
  EXPECT_THAT(same_home.merges[0].reason, HasSubstr("surname different"));

  MatchResult elsewhere = Match(
      {Person("Donna", "Davies", Dob(1973, 12, 14)),
       Person("Donna", "Bishop", Dob(1973, 12, 14), "32 Ross Road", "HR1 9YR",
              "Kington")});
  EXPECT_THAT(elsewhere.cluster, ElementsAre(0, 1));
}

TEST(MatchPersons, SameNameAndBirthdayElsewhereIsNotEnoughForCommonNames) {
  // Two "Jack Smith"s born the same day in different towns share only the
  // name and date: a review at most, never an automatic merge.
  MatchResult r = Match(
      {Person("Jack", "Smith", Dob(2010, 5, 1), "1 High Street", "HR1 1AA", "Hereford"),
       Person("Jack", "Smith", Dob(2010, 5, 1), "9 Mill Lane", "WR5 3BB", "Worcester")});
  EXPECT_THAT(r.cluster, ElementsAre(0, 1));
}

TEST(MatchPersons, CannotLinkHoldsThroughOtherRecords) {
  const std::vector<PersonRecord> copies(3, Person("Ellie", "Watson", Dob(2008, 4, 3)));
  MatchResult r = Match(copies, {{}, {{0, 2}}});
  EXPECT_NE(r.cluster[0], r.cluster[2]);
  EXPECT_TRUE(r.cluster[1] == r.cluster[0] || r.cluster[1] == r.cluster[2]);
  EXPECT_THAT(r.review, IsEmpty());  // the operator already decided
}

TEST(MatchPersons, MustLinkJoinsWhatTheRulesKeepApart) {
  MatchResult r = Match({Person("Jack", "Smith", Dob(2010, 5, 1)),
                         Person("Emily", "Smith", Dob(2010, 5, 1))},
                        {{{0, 1}}, {}});
  EXPECT_THAT(r.cluster, ElementsAre(0, 0));
  EXPECT_THAT(r.merges, IsEmpty());  // an operator's link, not an automatic merge
}

TEST(MatchPersons, BadDecisionsAreInvalidArgument) {
  const std::vector<PersonRecord> two(2, Person("A", "B", Dob(2000, 1, 1)));
  EXPECT_EQ(MatchPersons(two, {{{0, 2}}, {}}).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(MatchPersons(two, {{{0, 1}}, {{1, 0}}}).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(MatchPersons, ClusterIdsInOrderOfFirstAppearanceAndReviewBestFirst) {
  MatchResult r = Match({Person("Zoe", "Lloyd", Dob(1999, 1, 1)),
                         Person("Lee", "Lloyd", Dob(1970, 2, 3)),
                         Person("Lee", "LLOYD", {}),
                         Person("Zo\xC3\xAB", "Lloyd", Dob(1999, 1, 1))});
  EXPECT_THAT(r.cluster, ElementsAre(0, 1, 1, 0));
  for (size_t i = 1; i < r.review.size(); ++i) {
    EXPECT_GE(r.review[i - 1].score, r.review[i].score);
  }
}

TEST(MatchPersons, EmptyInput) {
  MatchResult r = Match({});
  EXPECT_THAT(r.cluster, IsEmpty());
  EXPECT_THAT(r.merges, IsEmpty());
}

TEST(ComparePersons, ReasonNamesFieldsNeverValues) {
  PersonComparison c = ComparePersons(
      MakePersonKey(Person("Ellie", "Watson", Dob(2008, 4, 3))),
      MakePersonKey(Person("Elie", "Watson", Dob(2008, 3, 4))));
  EXPECT_EQ(c.Reason(),
            "forename typo; surname exact; dob day and month swapped; address strong");
  EXPECT_TRUE(c.strong);
  EXPECT_TRUE(c.day_month_swapped);  // so the matcher asks an operator
  EXPECT_FALSE(c.conflict);
}

// The public yardstick: Febrl dataset1 (500 people, 500 duplicates) mapped to
// the nominal columns. Guards against regressions in either direction.
TEST(MatchPersons, FebrlDataset1) {
  std::ifstream in(CASEFILE_SOURCE_DIR "/../shared/data/febrl/dataset1.csv");
  ASSERT_TRUE(in) << "Febrl data not found";
  std::vector<PersonRecord> records;
  std::vector<std::string> person;
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::vector<std::string> f = absl::StrSplit(line, ',');
    ASSERT_EQ(f.size(), 11u);
    for (std::string& s : f) s = std::string(absl::StripAsciiWhitespace(s));
    PersonRecord r;
    r.forename = f[1];
    r.surname = f[2];
    r.address_1 = absl::StrCat(f[3], " ", f[4]);
    r.address_2 = f[5];
    r.town = f[6];
    r.postcode = f[7];
    int y, m, d;
    if (f[9].size() == 8 && absl::SimpleAtoi(f[9].substr(0, 4), &y) &&
        absl::SimpleAtoi(f[9].substr(4, 2), &m) && absl::SimpleAtoi(f[9].substr(6, 2), &d)) {
      r.date_of_birth = Dob(y, m, d);
    }
    records.push_back(r);
    person.push_back(std::vector<std::string>(absl::StrSplit(f[0], '-'))[1]);
  }
  ASSERT_EQ(records.size(), 1000u);
  MatchResult r = Match(records);
  int64_t merged_pairs = 0, correct_pairs = 0;
  absl::flat_hash_map<int, std::vector<int>> clusters;
  for (int i = 0; i < 1000; ++i) clusters[r.cluster[i]].push_back(i);
  for (const auto& [id, members] : clusters) {
    for (size_t i = 0; i < members.size(); ++i) {
      for (size_t j = i + 1; j < members.size(); ++j) {
        ++merged_pairs;
        if (person[members[i]] == person[members[j]]) ++correct_pairs;
      }
    }
  }
  EXPECT_EQ(correct_pairs, merged_pairs);  // precision 1
  EXPECT_GE(correct_pairs, 415);           // recall >= 0.83 of 500 true pairs
  EXPECT_LE(r.review.size(), 20u);
}

}  // namespace
}  // namespace casefile::migration
