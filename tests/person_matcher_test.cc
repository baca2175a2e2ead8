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

// The records as written in one case file (as the children of one family).
std::vector<PersonRecord> InCase(std::vector<PersonRecord> records,
                                 const std::string& case_name = "cases/CF-1") {
  for (PersonRecord& r : records) r.case_name = case_name;
  return records;
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

TEST(MatchPersons, NicknameMergesWithTheSameOrAMissingDateOfBirth) {
  MatchResult same_dob = Match({Person("William", "Jones", Dob(1990, 1, 2)),
                                Person("Bill", "Jones", Dob(1990, 1, 2))});
  EXPECT_THAT(same_dob.cluster, ElementsAre(0, 0));
  EXPECT_THAT(same_dob.merges[0].reason, HasSubstr("forename variant"));

  // A short form is as close as a slip: with the surname and home, a date of
  // birth left out (or written with a slip) does not stop the merge...
  MatchResult no_dob = Match({Person("William", "Jones", Dob(1990, 1, 2)),
                              Person("Bill", "Jones", {})});
  EXPECT_THAT(no_dob.cluster, ElementsAre(0, 0));
  EXPECT_EQ(no_dob.merges[0].reason,
            "forename variant; surname exact; dob missing; address strong");
  MatchResult swapped = Match({Person("Rebecca", "Jones", Dob(1990, 1, 2)),
                               Person("Becky", "Jones", Dob(1990, 2, 1))});
  EXPECT_THAT(swapped.cluster, ElementsAre(0, 0));

  // ...but another date of birth is an operator's call, and elsewhere the
  // short form without a date of birth is too.
  MatchResult other_dob = Match({Person("William", "Jones", Dob(1990, 1, 2)),
                                 Person("Bill", "Jones", Dob(1993, 5, 7))});
  EXPECT_THAT(other_dob.cluster, ElementsAre(0, 1));
  EXPECT_TRUE(Reviewed(other_dob, 0, 1));
  MatchResult moved = Match({Person("William", "Jones", Dob(1990, 1, 2)),
                             Person("Bill", "Jones", {}, "3 Ross Road", "HR1 9YR", "Kington")});
  EXPECT_THAT(moved.cluster, ElementsAre(0, 1));
}

TEST(MatchPersons, TwinsInOneCaseNeverMergeButAnOperatorSeesThem) {
  // Kept apart by the twins rule while surname, date of birth and home
  // agree: the rule does not hide the pair.
  MatchResult r = Match(InCase({Person("Jack", "Smith", Dob(2010, 5, 1)),
                                Person("Emily", "Smith", Dob(2010, 5, 1)),
                                Person("Alexander", "Jones", Dob(2012, 7, 9)),
                                Person("Alexandra", "Jones", Dob(2012, 7, 9)),
                                Person("Kristian", "Price", Dob(2015, 1, 30)),
                                Person("Kristina", "Price", Dob(2015, 1, 30))}));
  EXPECT_THAT(r.cluster, ElementsAre(0, 1, 2, 3, 4, 5));
  EXPECT_THAT(r.merges, IsEmpty());
  ASSERT_THAT(r.review, SizeIs(3));
  EXPECT_TRUE(Reviewed(r, 0, 1));
  EXPECT_TRUE(Reviewed(r, 2, 3));
  EXPECT_TRUE(Reviewed(r, 4, 5));
  for (const MatchEvidence& e : r.review) {
    EXPECT_THAT(e.reason, HasSubstr("surname exact; dob exact; address strong"));
  }
}

TEST(MatchPersons, TwinsGoToReviewOnlyWhenTheRestIsStrong) {
  // A slip in the date of birth still leaves the rest strong...
  MatchResult dob_slip = Match(InCase({Person("Jack", "Smith", Dob(2010, 5, 1)),
                                       Person("Emily", "Smith", Dob(2010, 5, 11))}));
  EXPECT_THAT(dob_slip.cluster, ElementsAre(0, 1));
  EXPECT_TRUE(Reviewed(dob_slip, 0, 1));
  // ...another home, or no date of birth, does not: nothing to look at.
  MatchResult moved = Match(InCase({Person("Jack", "Smith", Dob(2010, 5, 1)),
                                    Person("Emily", "Smith", Dob(2010, 5, 1), "3 Ross Road",
                                           "HR1 9YR", "Kington")}));
  EXPECT_THAT(moved.cluster, ElementsAre(0, 1));
  EXPECT_THAT(moved.review, IsEmpty());
  MatchResult undated = Match(InCase({Person("Jack", "Smith", Dob(2010, 5, 1)),
                                      Person("Emily", "Smith", {})}));
  EXPECT_THAT(undated.cluster, ElementsAre(0, 1));
  EXPECT_THAT(undated.review, IsEmpty());
}

TEST(MatchPersons, ForenameSlipInOneCaseFileIsNotAnotherChild) {
  // A letter added, dropped, changed, two letters swapped, the first letter
  // lost, or a short form: the same child, merged without an operator.
  const std::vector<std::pair<std::string, std::string>> slips = {
      {"Olivia", "Olivvia"}, {"Olivia", "Olvia"},  {"Harvey", "Harcey"},
      {"Jayden", "Jaydne"},  {"Ellie", "llie"},    {"Rebecca", "Becky"},
      {"William", "Billy"},  {"Thomas", "Tom"},    {"Emma", "Ernma"},
      {"Tracy", "Tracey"},   {"Wiliam", "Billy"},  {"Rebecca", "Bekcy"},
      {"Mohammed", "Muhammad"}};
  for (const auto& [written, slipped] : slips) {
    MatchResult r = Match(InCase({Person(written, "Bowkett", Dob(2009, 6, 14)),
                                  Person(slipped, "Bowkett", Dob(2009, 6, 14))}));
    EXPECT_THAT(r.cluster, ElementsAre(0, 0)) << written << " / " << slipped;
    EXPECT_THAT(r.review, IsEmpty()) << written << " / " << slipped;
  }
}

TEST(MatchPersons, SlipBetweenTwoCommonNamesInOneCaseFileGoesToReview) {
  // Mark and Mary (Jon and Joan, Ella and Ellie) are a slip apart and both
  // real names: in one case file perhaps twins, so an operator decides.
  const std::vector<std::pair<std::string, std::string>> pairs = {
      {"Mark", "Mary"}, {"Jon", "Joan"}, {"Leo", "Lee"}, {"Sian", "Sean"}, {"Ellie", "Elle"}};
  for (const auto& [first, second] : pairs) {
    std::vector<PersonRecord> records = InCase({Person(first, "Watson", Dob(2011, 3, 2)),
                                                Person(second, "Watson", Dob(2011, 3, 2))});
    MatchResult r = Match(records);
    EXPECT_THAT(r.cluster, ElementsAre(0, 1)) << first << " / " << second;
    ASSERT_THAT(r.review, SizeIs(1)) << first << " / " << second;
    EXPECT_EQ(r.review[0].reason,
              "forename typo or another name; surname exact; dob exact; address strong");
    EXPECT_TRUE(PersonsConflict(MakePersonKey(records[0]), MakePersonKey(records[1])));
  }
  // Outside one case file the slip is a slip (as any forename written
  // wrongly is, against the same surname, date of birth and home).
  MatchResult apart = Match({Person("Mark", "Watson", Dob(2011, 3, 2)),
                             Person("Mary", "Watson", Dob(2011, 3, 2))});
  EXPECT_THAT(apart.cluster, ElementsAre(0, 0));
  // A slip that is one name's short form stays the same name: Jon is John.
  MatchResult jon = Match(InCase({Person("John", "Watson", Dob(2011, 3, 2)),
                                  Person("Jon", "Watson", Dob(2011, 3, 2))}));
  EXPECT_THAT(jon.cluster, ElementsAre(0, 0));
}

TEST(MatchPersons, DifferentForenamesInOneCaseFileNeverMerge) {
  // One resolved case, however many references the rows came from...
  std::vector<PersonRecord> twins = {Person("Jack", "Smith", Dob(2010, 5, 1)),
                                     Person("Emily", "Smith", Dob(2010, 5, 1))};
  twins[0].source_ref = "22/10771/10";
  twins[1].source_ref = "HPVP/2010/4410";
  MatchResult r = Match(InCase(twins, "cases/HFD-PVP-000045"));
  EXPECT_THAT(r.cluster, ElementsAre(0, 1));
  EXPECT_THAT(r.merges, IsEmpty());
  // ...or, where no case is known, one legacy reference.
  twins[0].source_ref = twins[1].source_ref = " hpvp/2010/4410";
  twins[0].case_name = "";
  twins[1].case_name = "";
  r = Match(twins);
  EXPECT_THAT(r.cluster, ElementsAre(0, 1));
  EXPECT_THAT(r.merges, IsEmpty());
}

TEST(MatchPersons, ReplacedForenameAcrossCaseFilesMergesOnlyWithEverythingElse) {
  // A forename written wrongly (another name entirely) in another file: the
  // same surname, full date of birth and home outweigh it.
  std::vector<PersonRecord> records = {Person("Connor", "Shepherd", Dob(1932, 9, 7)),
                                       Person("Olivia", "SHEPHERD", Dob(1932, 9, 7))};
  records[0].case_name = "cases/CF-1";
  records[1].source_ref = "PF/1999/12";  // a case not known
  MatchResult r = Match(records);
  EXPECT_THAT(r.cluster, ElementsAre(0, 0));
  ASSERT_THAT(r.merges, SizeIs(1));
  EXPECT_EQ(r.merges[0].reason,
            "forename different; surname exact; dob exact; address strong");

  // Without the home, or with a date of birth that is only close, it is
  // not enough.
  MatchResult moved = Match({Person("Connor", "Shepherd", Dob(1932, 9, 7)),
                             Person("Olivia", "Shepherd", Dob(1932, 9, 7), "3 Ross Road",
                                    "HR1 9YR", "Kington")});
  EXPECT_THAT(moved.cluster, ElementsAre(0, 1));
  MatchResult dob_typo = Match({Person("Connor", "Shepherd", Dob(1932, 9, 7)),
                                Person("Olivia", "Shepherd", Dob(1932, 9, 8))});
  EXPECT_THAT(dob_typo.cluster, ElementsAre(0, 1));
}

TEST(MatchPersons, SiblingWithNamesWrittenTheWrongWayRoundIsStillASibling) {
  // "Smith Emily" shares only the family name with Jack Smith: his sister
  // with her names swapped, not Jack with a different surname.
  std::vector<PersonRecord> records = InCase({Person("Jack", "Smith", Dob(2010, 5, 1)),
                                              Person("Smith", "Emily", Dob(2010, 5, 1))});
  MatchResult r = Match(records);
  EXPECT_THAT(r.cluster, ElementsAre(0, 1));
  EXPECT_TRUE(Reviewed(r, 0, 1));  // as twins are: same date of birth and home
  const PersonComparison c = ComparePersons(MakePersonKey(records[0]), MakePersonKey(records[1]));
  EXPECT_TRUE(c.conflict);
  EXPECT_TRUE(c.review_anyway);
  EXPECT_TRUE(c.names_swapped);
  EXPECT_EQ(c.forename, NameAgreement::kDifferent);
  EXPECT_EQ(c.surname, NameAgreement::kExact);
}

TEST(MatchPersons, DoubleForenamesSharingAFirstWordAreTwoPeople) {
  MatchResult r = Match(InCase({Person("Mary-Jane", "Smith", Dob(2010, 5, 1)),
                                Person("Mary-Ann", "Smith", Dob(2010, 5, 1)),
                                Person("Mary Jane", "SMITH", Dob(2010, 5, 1))}));
  EXPECT_THAT(r.cluster, ElementsAre(0, 1, 0));
}

TEST(MatchPersons, FirstForenameAloneIsAShortForm) {
  MatchResult r = Match({Person("Mary Jane", "Smith", Dob(2010, 5, 1)),
                         Person("Mary", "Smith", Dob(2010, 5, 1))});
  EXPECT_THAT(r.cluster, ElementsAre(0, 0));
}

TEST(MatchPersons, SiblingsNeverMerge) {
  MatchResult r = Match(InCase({Person("Tyler", "Bevan", Dob(2002, 3, 6)),
                                Person("Riley", "Bevan", Dob(2004, 11, 20)),
                                Person("Kyle", "Bevan", Dob(2006, 1, 1))}));
  EXPECT_THAT(r.cluster, ElementsAre(0, 1, 2));
  EXPECT_THAT(r.review, IsEmpty());
}

TEST(MatchPersons, RecordThatFitsEitherTwinGoesToReview) {
  // "Alex" is a nickname of both; the twins conflict, so neither may take it.
  std::vector<PersonRecord> records =
      InCase({Person("Alexander", "Jones", Dob(2012, 7, 9)),
              Person("Alexandra", "Jones", Dob(2012, 7, 9))});
  records.push_back(Person("Alex", "Jones", Dob(2012, 7, 9)));  // another file
  MatchResult r = Match(records);
  EXPECT_THAT(r.cluster, ElementsAre(0, 1, 2));
  EXPECT_TRUE(Reviewed(r, 0, 2));
  EXPECT_TRUE(Reviewed(r, 1, 2));
}

TEST(MatchPersons, MissingForenameMergesUnlessATwinExists) {
  MatchResult alone = Match({Person("Ellie", "Watson", Dob(2008, 4, 3)),
                             Person("", "Watson", Dob(2008, 4, 3))});
  EXPECT_THAT(alone.cluster, ElementsAre(0, 0));
  EXPECT_THAT(alone.merges[0].reason, HasSubstr("forename missing"));

  MatchResult twins = Match(InCase({Person("Ellie", "Watson", Dob(2008, 4, 3)),
                                    Person("Grace", "Watson", Dob(2008, 4, 3)),
                                    Person("", "Watson", Dob(2008, 4, 3))}));
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

TEST(MatchPersons, DayAndMonthSwappedMergesWithTheSameNamesAndHome) {
  // Twins share the date itself and siblings are years apart: with the same
  // names and home the swap is a form filled in the other way round.
  MatchResult r = Match(InCase({Person("Michelle", "Preece", Dob(1980, 8, 12)),
                                Person("Michelle", "Preece", Dob(1980, 12, 8))}));
  EXPECT_THAT(r.cluster, ElementsAre(0, 0));
  ASSERT_THAT(r.merges, SizeIs(1));
  EXPECT_THAT(r.merges[0].reason, HasSubstr("dob day and month swapped"));
  // Elsewhere it is only worth a look.
  MatchResult moved = Match({Person("Michelle", "Preece", Dob(1980, 8, 12)),
                             Person("Michelle", "Preece", Dob(1980, 12, 8), "3 Ross Road",
                                    "HR1 9YR", "Kington")});
  EXPECT_THAT(moved.cluster, ElementsAre(0, 1));
}

TEST(MatchPersons, DayAndMonthSwapsCanBeSentToAnOperator) {
  PersonMatcherOptions options;
  options.merge_day_month_swaps = false;
  absl::StatusOr<MatchResult> r = MatchPersons(
      std::vector<PersonRecord>{Person("Michelle", "Preece", Dob(1980, 8, 12)),
                                Person("Michelle", "Preece", Dob(1980, 12, 8))},
      {}, options);
  ASSERT_TRUE(r.ok());
  EXPECT_THAT(r->cluster, ElementsAre(0, 1));
  ASSERT_THAT(r->review, SizeIs(1));
  EXPECT_THAT(r->review[0].reason, HasSubstr("dob day and month swapped"));
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

TEST(MatchPersons, ParentAndChildOfOneNameNeverMergeButAnOperatorSeesThem) {
  // In one file or in two, at one home: dates of birth a generation apart,
  // which is also how a date of birth written wrongly looks. Never merged;
  // put before an operator, since names and home agree.
  for (const char* second_case : {"cases/CF-1", "cases/CF-2"}) {
    std::vector<PersonRecord> records = {Person("Mark", "Watson", Dob(1975, 2, 1)),
                                         Person("Mark", "Watson", Dob(2001, 6, 30)),
                                         Person("Mrak", "WATSON", Dob(2001, 6, 30))};
    for (PersonRecord& r : records) r.case_name = "cases/CF-1";
    records[1].case_name = second_case;
    MatchResult r = Match(records);
    EXPECT_THAT(r.cluster, ElementsAre(0, 1, 1));  // the son's two records merge
    ASSERT_THAT(r.review, SizeIs(1));
    EXPECT_EQ(r.review[0].reason,
              "forename exact; surname exact; dob a generation apart; address strong");
  }
  // At two homes, or with another forename (a mother and her son), nothing
  // to look at.
  MatchResult moved = Match({Person("Mark", "Watson", Dob(1975, 2, 1)),
                             Person("Mark", "Watson", Dob(2001, 6, 30), "3 Ross Road",
                                    "HR1 9YR", "Kington")});
  EXPECT_THAT(moved.cluster, ElementsAre(0, 1));
  EXPECT_THAT(moved.review, IsEmpty());
  MatchResult mother = Match({Person("Sharon", "Watson", Dob(1975, 2, 1)),
                              Person("Mark", "Watson", Dob(2001, 6, 30))});
  EXPECT_THAT(mother.cluster, ElementsAre(0, 1));
  EXPECT_THAT(mother.review, IsEmpty());
}

TEST(MatchPersons, DateOfBirthWrittenWronglyMergesOnlyWithEverythingElse) {
  // A date of birth that is simply wrong (not a typo, not a generation away)
  // against the same forename, surname and home.
  MatchResult r = Match({Person("Michelle", "Preece", Dob(1980, 8, 19)),
                         Person("Michelle", "Preece", Dob(1983, 2, 11))});
  EXPECT_THAT(r.cluster, ElementsAre(0, 0));
  EXPECT_THAT(r.merges[0].reason, HasSubstr("dob different"));
  // A mistyped year keeps day and month: not a generation apart.
  MatchResult year = Match({Person("Bianca", "Matthews", Dob(1941, 1, 28)),
                            Person("Bianca", "Matthews", Dob(1962, 1, 28))});
  EXPECT_THAT(year.cluster, ElementsAre(0, 0));
  // Elsewhere the same names with another date are two people.
  MatchResult moved = Match(
      {Person("Michelle", "Preece", Dob(1980, 8, 19)),
       Person("Michelle", "Preece", Dob(1983, 2, 11), "3 Ross Road", "HR1 9YR", "Kington")});
  EXPECT_THAT(moved.cluster, ElementsAre(0, 1));
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

TEST(MatchPersons, HouseholdWithoutAnAgreeingNameIsNeverMerged) {
  // Date of birth and home alone are what twins share: never merged; an
  // operator sees the pair only when both agree in full.
  MatchResult r = Match({Person("Joel", "Ejlak", Dob(1935, 11, 2)),
                         Person("", "White", Dob(1935, 11, 2))});
  EXPECT_THAT(r.cluster, ElementsAre(0, 1));
  EXPECT_THAT(r.merges, IsEmpty());
  EXPECT_TRUE(Reviewed(r, 0, 1));
  MatchResult dob_slip = Match({Person("Joel", "Ejlak", Dob(1935, 11, 2)),
                                Person("", "White", Dob(1935, 11, 3))});
  EXPECT_THAT(dob_slip.cluster, ElementsAre(0, 1));
  EXPECT_THAT(dob_slip.review, IsEmpty());
  // With the surname in common an operator looks.
  MatchResult surname = Match({Person("Joel", "Ejlak", Dob(1935, 11, 2)),
                               Person("", "EJLAK", Dob(1935, 11, 2), "", "", "")});
  EXPECT_THAT(surname.cluster, ElementsAre(0, 1));
  EXPECT_TRUE(Reviewed(surname, 0, 1));
}

TEST(MatchPersons, OneForenameAtOneHomeWithOneOtherFieldAgainstGoesToReview) {
  // A surname changes and a date of birth is left out: too weak to merge,
  // too strong to leave unseen.
  MatchResult r = Match({Person("Donna", "Davies", Dob(1973, 12, 14)),
                         Person("Donna", "Bishop", {})});
  EXPECT_THAT(r.cluster, ElementsAre(0, 1));
  ASSERT_THAT(r.review, SizeIs(1));
  EXPECT_EQ(r.review[0].reason, "forename exact; surname different; dob missing; address strong");
  // With the date of birth against it too, nothing to look at.
  MatchResult both = Match({Person("Donna", "Davies", Dob(1973, 12, 14)),
                            Person("Donna", "Bishop", Dob(1979, 3, 1))});
  EXPECT_THAT(both.cluster, ElementsAre(0, 1));
  EXPECT_THAT(both.review, IsEmpty());
}

TEST(MatchPersons, RecordsWithSlipsInEveryKeyStillMeetAtTheirHome) {
  // Postcode, both names' codes and the date of birth all differ: the pairs
  // meet through the home (postcode and house number) or the surname code
  // with the house number.
  MatchResult no_dob = Match({Person("Diamond", "Bishop", {}, "22 McBryde Crescent", "2049"),
                              Person("Diaomlnd", "Bishoe", {}, "22 McBryde Crescent", "2049")});
  EXPECT_THAT(no_dob.cluster, ElementsAre(0, 0));
  EXPECT_EQ(no_dob.candidate_pairs, 1);
  MatchResult moved_digits = Match(
      {Person("Emma", "Louca", Dob(1959, 3, 8), "92 Cherry Place", "3377", "Berwick"),
       Person("Emmk", "Louca", Dob(1959, 3, 9), "92 Cherry Place", "3367", "Berwick")});
  EXPECT_THAT(moved_digits.cluster, ElementsAre(0, 0));
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
  std::ifstream in(CASEFILE_SOURCE_DIR "/tests/data/febrl/dataset1.csv");
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
  EXPECT_GE(correct_pairs, 455);           // recall >= 0.91 of 500 true pairs
  EXPECT_LE(r.review.size(), 30u);
}

}  // namespace
}  // namespace casefile::migration
