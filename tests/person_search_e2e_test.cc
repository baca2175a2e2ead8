// Search finds live persons (issue 18, part 2): the subjects of cases created
// through the API are found by SearchPersons and by ListCases' subject filter
// (`casefile cases --subject`) through typing slips, nicknames, sound-alikes,
// a date of birth alone and a partial date of birth with a name, best match
// first; a restricted case is never listed to a reader without need to know.
#include <string>
#include <vector>

#include "casefile/v1/person.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/casefiled_fixture.h"
#include "tests/support/cli_runner.h"

namespace casefile::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::SizeIs;
using ::testing::StartsWith;
using ::testing::UnorderedElementsAre;

v1::PartialTime Day(int year, int month, int day) {
  v1::PartialTime t;
  t.set_precision(v1::PartialTime::PRECISION_DAY);
  t.set_year(year);
  t.set_month(month);
  t.set_day(day);
  return t;
}

v1::PartialTime Month(int year, int month) {
  v1::PartialTime t;
  t.set_precision(v1::PartialTime::PRECISION_MONTH);
  t.set_year(year);
  t.set_month(month);
  return t;
}

class PersonSearchE2eTest : public CasefiledTest {
 protected:
  v1::Case CaseNaming(const std::string& title, const std::vector<std::string>& subjects,
                      const std::string& restrict_to_team = "") {
    v1::CreateCaseRequest request = NewCase(title);
    for (const std::string& s : subjects) request.mutable_case_()->add_subjects()->set_display_name(s);
    if (!restrict_to_team.empty()) request.mutable_case_()->mutable_restriction()->add_teams(restrict_to_team);
    return CreateCase(request);
  }

  // The names of the persons SearchPersons finds, best first.
  std::vector<std::string> Search(const std::string& query, const v1::PartialTime* dob = nullptr,
                                  const std::string& token = kInvestigatorToken) {
    v1::SearchPersonsRequest request;
    request.set_query(query);
    if (dob != nullptr) *request.mutable_date_of_birth() = *dob;
    v1::SearchPersonsResponse response;
    grpc::Status s = persons_->SearchPersons(Context(token).get(), request, &response);
    EXPECT_TRUE(s.ok()) << query << ": " << s.error_message();
    std::vector<std::string> names;
    for (const v1::PersonMatch& m : response.results()) names.push_back(m.person().name());
    return names;
  }

  grpc::Status TryList(const std::string& subject, const v1::PartialTime* dob, v1::ListCasesResponse* response,
                       const std::string& token = kInvestigatorToken, int page_size = 0,
                       const std::string& page_token = "") {
    v1::ListCasesRequest request;
    request.set_subject(subject);
    if (dob != nullptr) *request.mutable_subject_date_of_birth() = *dob;
    request.set_page_size(page_size);
    request.set_page_token(page_token);
    return cases_->ListCases(Context(token).get(), request, response);
  }

  // The names of the cases ListCases lists for `subject` (and `dob`), in order.
  std::vector<std::string> Listed(const std::string& subject, const v1::PartialTime* dob = nullptr,
                                  const std::string& token = kInvestigatorToken) {
    v1::ListCasesResponse response;
    grpc::Status s = TryList(subject, dob, &response, token);
    EXPECT_TRUE(s.ok()) << subject << ": " << s.error_message();
    EXPECT_EQ(response.next_page_token(), "");
    std::vector<std::string> names;
    for (const v1::Case& c : response.cases()) names.push_back(c.name());
    return names;
  }

  std::string InvalidArgument(const std::string& subject, const v1::PartialTime* dob = nullptr) {
    v1::ListCasesResponse response;
    grpc::Status s = TryList(subject, dob, &response);
    EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << subject;
    return s.error_message();
  }

  void SetUp() override {
    CasefiledTest::SetUp();
    william_ = CaseNaming("William HUGHES", {"William HUGHES (14/03/2011)"});
    zed_ = CaseNaming("Zed PAYNE", {"Zed PAYNE (01/02/2010)"});
    amelia_ = CaseNaming("Amelia PREECE", {"Amelia PREECE (05/06/2012)"});
    other_zed_ = CaseNaming("Zed PAIN", {"Zed PAIN (03/03/2009)"});
  }

  std::string PersonOf(const v1::Case& c) { return c.subjects(0).person(); }

  v1::Case william_, zed_, amelia_, other_zed_;
};

TEST_F(PersonSearchE2eTest, SearchPersonsFindsLiveSubjectsBySlipsNicknamesSoundAndDates) {
  EXPECT_THAT(Search("Wiliam Hughes"), ElementsAre(PersonOf(william_)));  // a typing slip
  EXPECT_THAT(Search("william hguhes"), ElementsAre(PersonOf(william_)));
  EXPECT_THAT(Search("Bill Hughes"), ElementsAre(PersonOf(william_)));  // a nickname
  EXPECT_THAT(Search("Amelia Preese"), ElementsAre(PersonOf(amelia_)));  // sounds alike
  const v1::PartialTime born = Day(2010, 2, 1);
  EXPECT_THAT(Search("", &born), ElementsAre(PersonOf(zed_)));  // a date of birth alone
  const v1::PartialTime swapped = Day(2010, 1, 2);
  EXPECT_THAT(Search("", &swapped), ElementsAre(PersonOf(zed_)));  // day and month swapped
  const v1::PartialTime march = Month(2011, 3);
  EXPECT_THAT(Search("hughes", &march), ElementsAre(PersonOf(william_)));  // a month of birth with a name
  const v1::PartialTime april = Month(2011, 4);
  EXPECT_THAT(Search("hughes", &april), IsEmpty());
  // Ranked: the exact name first, the sound-alike after.
  EXPECT_THAT(Search("zed payne"), ElementsAre(PersonOf(zed_), PersonOf(other_zed_)));
  EXPECT_THAT(Search("zed pain"), ElementsAre(PersonOf(other_zed_), PersonOf(zed_)));
}

TEST_F(PersonSearchE2eTest, ListCasesFindsTheCasesOfThePersonsSearchFinds) {
  EXPECT_THAT(Listed("wiliam hughes"), ElementsAre(william_.name()));
  EXPECT_THAT(Listed("Bill HUGHES"), ElementsAre(william_.name()));
  EXPECT_THAT(Listed("amelia preese"), ElementsAre(amelia_.name()));
  EXPECT_THAT(Listed("zed pane"), ElementsAre(zed_.name(), other_zed_.name()));
  // Best person match first, then the rest.
  EXPECT_THAT(Listed("zed payne"), ElementsAre(zed_.name(), other_zed_.name()));
  EXPECT_THAT(Listed("zed pain"), ElementsAre(other_zed_.name(), zed_.name()));
  // A date of birth written in the subject, or given apart, narrows.
  EXPECT_THAT(Listed("zed pane 01/02/2010"), ElementsAre(zed_.name()));
  EXPECT_THAT(Listed("zed pane Mar 2009"), ElementsAre(other_zed_.name()));
  const v1::PartialTime born = Day(2010, 2, 1);
  EXPECT_THAT(Listed("zed pane", &born), ElementsAre(zed_.name()));
  EXPECT_THAT(Listed("", &born), ElementsAre(zed_.name()));  // a date of birth alone
  EXPECT_THAT(Listed("01/02/2010"), ElementsAre(zed_.name()));
  const v1::PartialTime march = Month(2011, 3);
  EXPECT_THAT(Listed("hughes", &march), ElementsAre(william_.name()));
  EXPECT_THAT(Listed("hughes Mar 2011"), ElementsAre(william_.name()));
  const v1::PartialTime april = Month(2011, 4);
  EXPECT_THAT(Listed("hughes", &april), IsEmpty());
  EXPECT_THAT(Listed("nobody atall"), IsEmpty());

  // A second case of the same child is listed too, once.
  v1::Case again = CaseNaming("again", {"Zed PAYNE (01/02/2010)"});
  EXPECT_THAT(Listed("zed payne 01/02/2010"), UnorderedElementsAre(zed_.name(), again.name()));
}

TEST_F(PersonSearchE2eTest, ListCasesPagesThroughThePersonsMatchesThenTheRest) {
  std::vector<std::string> pages;
  std::string token;
  for (int i = 0; i < 5; ++i) {
    v1::ListCasesResponse response;
    grpc::Status s = TryList("zed payne", nullptr, &response, kInvestigatorToken, 1, token);
    ASSERT_TRUE(s.ok()) << s.error_message();
    for (const v1::Case& c : response.cases()) pages.push_back(c.name());
    token = response.next_page_token();
    if (token.empty()) break;
  }
  EXPECT_THAT(pages, ElementsAre(zed_.name(), other_zed_.name()));
  EXPECT_EQ(token, "");
}

TEST_F(PersonSearchE2eTest, ARestrictedCaseIsNeverListedToThoseWithoutNeedToKnow) {
  v1::Case hidden = CaseNaming("Kai BEVAN", {"Kai BEVAN (07/08/2009)"}, "cait");
  const v1::PartialTime born = Day(2009, 8, 7);
  for (const char* subject : {"kai bevan", "kai bevn", "kai bevan 07/08/2009", "07/08/2009"}) {
    EXPECT_THAT(Listed(subject, nullptr, kSecondInvestigatorToken), IsEmpty()) << subject;
    EXPECT_THAT(Listed(subject, nullptr, kTeamMateToken), ElementsAre(hidden.name())) << subject;
  }
  EXPECT_THAT(Listed("", &born, kSecondInvestigatorToken), IsEmpty());
  EXPECT_THAT(Search("kai bevn", nullptr, kSecondInvestigatorToken), IsEmpty());

  // The same child in an open case: only that case, for the outsider.
  v1::Case open = CaseNaming("Kai BEVAN open", {"Kai BEVAN (07/08/2009)"});
  EXPECT_THAT(Listed("kai bevn", nullptr, kSecondInvestigatorToken), ElementsAre(open.name()));
  EXPECT_THAT(Listed("kai bevn", nullptr, kTeamMateToken), UnorderedElementsAre(open.name(), hidden.name()));
}

TEST_F(PersonSearchE2eTest, ListCasesRefusesBadSubjectsNamingTheField) {
  EXPECT_THAT(InvalidArgument("zed 01/02/2010 02/02/2010"), StartsWith("subject: "));
  EXPECT_THAT(InvalidArgument("Feb 2010"), StartsWith("subject: "));
  const v1::PartialTime month = Month(2010, 2);
  EXPECT_THAT(InvalidArgument("", &month), StartsWith("subject_date_of_birth: "));
  const v1::PartialTime other = Day(2010, 2, 2);
  EXPECT_THAT(InvalidArgument("zed 01/02/2010", &other), StartsWith("subject_date_of_birth: "));
  v1::PartialTime bad = Day(2010, 2, 31);
  EXPECT_THAT(InvalidArgument("zed", &bad), StartsWith("subject_date_of_birth"));
  EXPECT_THAT(InvalidArgument("a b c d e f g h i"), StartsWith("subject: "));
  v1::ListCasesRequest request;
  request.set_subject("zed");
  request.set_review_due_by("2030-01-01");
  v1::ListCasesResponse response;
  grpc::Status s = cases_->ListCases(Context(kInvestigatorToken).get(), request, &response);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_THAT(s.error_message(), StartsWith("review_due_by: "));
}

TEST_F(PersonSearchE2eTest, CliCasesBySubjectAndBorn) {
  auto id = [](const v1::Case& c) { return c.name().substr(6); };
  CliRun run = RunCasefileCli(*server_, "cases --subject 'zed pane'", kInvestigatorToken);
  EXPECT_EQ(run.exit_code, 0) << run.out;
  EXPECT_THAT(run.out, HasSubstr(id(zed_)));
  EXPECT_LT(run.out.find(id(zed_)), run.out.find(id(other_zed_))) << run.out;

  run = RunCasefileCli(*server_, "cases --subject 'zed pane 01/02/2010'", kInvestigatorToken);
  EXPECT_EQ(run.exit_code, 0) << run.out;
  EXPECT_THAT(run.out, HasSubstr(id(zed_)));
  EXPECT_THAT(run.out, Not(HasSubstr(id(other_zed_))));

  run = RunCasefileCli(*server_, "cases --subject 'bill hughes' --born 'Mar 2011'", kInvestigatorToken);
  EXPECT_EQ(run.exit_code, 0) << run.out;
  EXPECT_THAT(run.out, HasSubstr(id(william_)));

  run = RunCasefileCli(*server_, "cases --born 01/02/2010", kInvestigatorToken);
  EXPECT_EQ(run.exit_code, 0) << run.out;
  EXPECT_THAT(run.out, HasSubstr(id(zed_)));
  EXPECT_THAT(run.out, Not(HasSubstr(id(other_zed_))));

  run = RunCasefileCli(*server_, "cases --born notadate", kInvestigatorToken);
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(run.out, HasSubstr("--born"));

  run = RunCasefileCli(*server_, "cases --born 'Feb 2010'", kInvestigatorToken);
  EXPECT_NE(run.exit_code, 0);
  EXPECT_THAT(run.out, HasSubstr("subject_date_of_birth"));
}

}  // namespace
}  // namespace casefile::testing
