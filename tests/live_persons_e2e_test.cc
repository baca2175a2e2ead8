// Persons are live (issue 18, part 1): the subjects of a case created through
// the API are persons of the index at once, matched with the import's matcher
// and safety rules, found by typing slips and dates of birth, kept from
// readers without need to know, and kept true by "separate" and erasure.
#include <string>
#include <vector>

#include "casefile/v1/admin.grpc.pb.h"
#include "casefile/v1/import.grpc.pb.h"
#include "casefile/v1/person.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/casefiled_fixture.h"

namespace casefile::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::SizeIs;
using ::testing::StartsWith;
using ::testing::UnorderedElementsAre;

class LivePersonsE2eTest : public CasefiledTest {
 protected:
  // A case whose subjects are given as written ("Zed PAYNE (01/02/2010)").
  v1::Case CaseNaming(const std::string& title, const std::vector<std::string>& subjects,
                      const std::string& restrict_to_team = "") {
    v1::CreateCaseRequest request = NewCase(title);
    for (const std::string& s : subjects) request.mutable_case_()->add_subjects()->set_display_name(s);
    if (!restrict_to_team.empty()) request.mutable_case_()->mutable_restriction()->add_teams(restrict_to_team);
    return CreateCase(request);
  }

  std::vector<v1::PersonMatch> Search(const std::string& query, const std::string& token = kInvestigatorToken,
                                      const v1::PartialTime* date_of_birth = nullptr) {
    v1::SearchPersonsRequest request;
    request.set_query(query);
    if (date_of_birth != nullptr) *request.mutable_date_of_birth() = *date_of_birth;
    v1::SearchPersonsResponse response;
    grpc::Status s = persons_->SearchPersons(Context(token).get(), request, &response);
    EXPECT_TRUE(s.ok()) << s.error_message();
    return {response.results().begin(), response.results().end()};
  }

  v1::Person Person(const std::string& name, const std::string& token = kInvestigatorToken) {
    v1::GetPersonRequest request;
    request.set_name(name);
    v1::Person person;
    grpc::Status s = persons_->GetPerson(Context(token).get(), request, &person);
    EXPECT_TRUE(s.ok()) << name << ": " << s.error_message();
    return person;
  }

  static std::vector<std::string> CasesOf(const v1::Person& person) {
    return {person.cases().begin(), person.cases().end()};
  }

  static v1::PartialTime Day(int year, int month, int day) {
    v1::PartialTime t;
    t.set_precision(v1::PartialTime::PRECISION_DAY);
    t.set_year(year);
    t.set_month(month);
    t.set_day(day);
    return t;
  }
};

TEST_F(LivePersonsE2eTest, ASubjectIsAPersonFoundByATypingSlipOrADateOfBirth) {
  v1::Case made = CaseNaming("Zed PAYNE", {"Zed PAYNE (01/02/2010)"});
  ASSERT_THAT(made.subjects(), SizeIs(1));
  const std::string person = made.subjects(0).person();
  EXPECT_THAT(person, StartsWith("persons/P"));

  for (const char* query : {"zed payne", "zed pane", "Zed PAIN"}) {
    std::vector<v1::PersonMatch> found = Search(query);
    ASSERT_THAT(found, SizeIs(1)) << query;
    EXPECT_EQ(found[0].person().name(), person) << query;
    EXPECT_EQ(found[0].person().forename(), "Zed");
    EXPECT_EQ(found[0].person().surname(), "PAYNE");
    EXPECT_THAT(CasesOf(found[0].person()), ElementsAre(made.name()));
  }
  const v1::PartialTime born = Day(2010, 2, 1);
  std::vector<v1::PersonMatch> by_birth = Search("", kInvestigatorToken, &born);
  ASSERT_THAT(by_birth, SizeIs(1));
  EXPECT_EQ(by_birth[0].person().name(), person);

  v1::Person got = Person(person);
  ASSERT_THAT(got.sources(), SizeIs(1));
  EXPECT_EQ(got.sources(0).locator(), made.name() + "#subject=1");
  EXPECT_EQ(got.sources(0).as_written(), "Zed PAYNE (01/02/2010)");
}

TEST_F(LivePersonsE2eTest, TheSameChildInTwoCasesIsOnePerson) {
  v1::Case first = CaseNaming("first", {"Zed PAYNE (01/02/2010)"});
  v1::Case second = CaseNaming("second", {"Zed PAYNE (01/02/2010)", "Mark PAYNE"});
  EXPECT_EQ(second.subjects(0).person(), first.subjects(0).person());
  EXPECT_NE(second.subjects(1).person(), first.subjects(0).person());
  EXPECT_THAT(CasesOf(Person(first.subjects(0).person())), UnorderedElementsAre(first.name(), second.name()));
  EXPECT_THAT(Search("zed payne"), SizeIs(1));
}

TEST_F(LivePersonsE2eTest, TwinsNamedInOneCaseStayTwoAndALaterCaseFindsTheRightOne) {
  v1::Case twins = CaseNaming("twins", {"Zed PAYNE (01/02/2010)", "Zac PAYNE (01/02/2010)"});
  ASSERT_THAT(twins.subjects(), SizeIs(2));
  EXPECT_NE(twins.subjects(0).person(), twins.subjects(1).person());
  v1::Case later = CaseNaming("later", {"Zac PAYNE (01/02/2010)"});
  EXPECT_EQ(later.subjects(0).person(), twins.subjects(1).person());
  EXPECT_THAT(CasesOf(Person(twins.subjects(0).person())), ElementsAre(twins.name()));
}

TEST_F(LivePersonsE2eTest, APersonOfARestrictedCaseIsKeptFromThoseWithoutNeedToKnow) {
  v1::Case restricted = CaseNaming("restricted", {"Zed PAYNE (01/02/2010)"}, "cait");
  EXPECT_THAT(Search("zed payne", kSecondInvestigatorToken), IsEmpty());
  ASSERT_THAT(Search("zed payne", kTeamMateToken), SizeIs(1));

  v1::Case open = CaseNaming("open", {"Zed PAYNE (01/02/2010)"});
  EXPECT_EQ(open.subjects(0).person(), restricted.subjects(0).person());
  std::vector<v1::PersonMatch> outsider = Search("zed payne", kSecondInvestigatorToken);
  ASSERT_THAT(outsider, SizeIs(1));
  EXPECT_THAT(CasesOf(outsider[0].person()), ElementsAre(open.name()));
  std::vector<v1::PersonMatch> insider = Search("zed payne", kTeamMateToken);
  ASSERT_THAT(insider, SizeIs(1));
  EXPECT_THAT(CasesOf(insider[0].person()), UnorderedElementsAre(open.name(), restricted.name()));
}

TEST_F(LivePersonsE2eTest, ALinkUndoneBySeparateStaysUndoneAfterTheNextWrite) {
  v1::Case first = CaseNaming("first", {"Zed PAYNE (01/02/2010)"});
  v1::Case second = CaseNaming("second", {"Zed PAYNE (01/02/2010)"});
  ASSERT_EQ(first.subjects(0).person(), second.subjects(0).person());

  v1::SeparateRecordRequest separate;
  separate.set_locator(second.name() + "#subject=1");
  v1::SeparateRecordResponse separated;
  grpc::Status s = imports_->SeparateRecord(Context(kOperatorToken).get(), separate, &separated);
  ASSERT_TRUE(s.ok()) << s.error_message();
  ASSERT_THAT(Search("zed payne"), SizeIs(2));

  v1::Case third = CaseNaming("third", {"Zed PAYNE (01/02/2010)"});
  std::vector<v1::PersonMatch> found = Search("zed payne");
  ASSERT_THAT(found, SizeIs(2));
  for (const v1::PersonMatch& m : found) {
    const std::vector<std::string> cases = CasesOf(m.person());
    const bool holds_first = std::find(cases.begin(), cases.end(), first.name()) != cases.end();
    const bool holds_second = std::find(cases.begin(), cases.end(), second.name()) != cases.end();
    EXPECT_NE(holds_first, holds_second) << "the separated records are in one person again";
  }
  EXPECT_EQ(third.subjects(0).person().empty(), false);
}

TEST_F(LivePersonsE2eTest, ErasingACaseTakesItsPersonLinks) {
  v1::Case kept = CaseNaming("kept", {"Zed PAYNE (01/02/2010)"});
  v1::Case erased = CaseNaming("erased", {"Zed PAYNE (01/02/2010)", "Ava QUIRKE (05/06/2011)"});
  v1::EraseCaseRequest erase;
  erase.set_name(erased.name());
  erase.set_reason("court order 2026/123");
  v1::EraseCaseResponse response;
  grpc::Status s = admin_->EraseCase(Context(kAdminToken).get(), erase, &response);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(response.person_records(), 2);
  std::vector<v1::PersonMatch> found = Search("zed payne");
  ASSERT_THAT(found, SizeIs(1));
  EXPECT_THAT(CasesOf(found[0].person()), ElementsAre(kept.name()));
  EXPECT_THAT(Search("ava quirke"), IsEmpty());
}

}  // namespace
}  // namespace casefile::testing
