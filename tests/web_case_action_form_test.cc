// The restrict and review forms: what a draft becomes, what is refused and
// where, the case's restriction as the form starts, and what is kept.
#include "web/case_action_form.h"

#include <map>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace casefile::web {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

std::vector<std::string> Fields(const std::vector<FieldError>& errors) {
  std::vector<std::string> out;
  for (const FieldError& e : errors) out.push_back(e.field);
  return out;
}

CaseActionDraft FromForm(CaseAction action, std::map<std::string, std::string> params,
                         const std::vector<std::string>& offered) {
  return CaseActionDraftFromForm(action, [&](const std::string& n) { return params.count(n) ? params[n] : ""; },
                                 offered);
}

TEST(CaseActionFormTest, ARestrictionNamesTheTeamsTickedAndTheUsersTyped) {
  const CaseActionDraft d = FromForm(CaseAction::kRestrict,
                                     {{"team-cait", "1"}, {"team-other", "1"}, {"users", " dc4471, ds12 "},
                                      {"reason", "  Suspect's relative in pvp-east "}, {"seen_version", "4"}},
                                     {"cait", "pvp-east"});
  EXPECT_THAT(d.teams, ElementsAre("cait"));  // a box not offered is not read
  v1::SetCaseRestrictionRequest r;
  EXPECT_THAT(DraftToRestriction(d, "CF-000007", r), ElementsAre());
  EXPECT_EQ(r.name(), "cases/CF-000007");
  EXPECT_THAT(r.restriction().teams(), ElementsAre("cait"));
  EXPECT_THAT(r.restriction().users(), ElementsAre("dc4471", "ds12"));
  EXPECT_EQ(r.reason(), "Suspect's relative in pvp-east");
  EXPECT_FALSE(r.has_expected_version());  // the route sets the version seen
  EXPECT_THAT(Fields(DraftToRestriction(FromForm(CaseAction::kRestrict, {{"reason", " "}}, {"cait"}), "CF-1", r)),
              ElementsAre("teams", "reason"));
}

TEST(CaseActionFormTest, AReviewRetainsToADayOrDisposes) {
  v1::ReviewCaseRequest r;
  CaseActionDraft d = FromForm(CaseAction::kReview,
                               {{"decision", "retain"}, {"next-day", "1"}, {"next-month", "Feb"}, {"next-year", "2099"},
                                {"reason", "Enquiry open"}, {"request_id", "r-9"}},
                               {});
  EXPECT_THAT(DraftToReview(d, "CF-000007", r), ElementsAre());
  EXPECT_EQ(r.name(), "cases/CF-000007");
  EXPECT_EQ(r.decision(), v1::RetentionReview::DECISION_RETAIN);
  EXPECT_EQ(r.next_review_date(), "2099-02-01");
  EXPECT_EQ(r.reason(), "Enquiry open");
  EXPECT_EQ(r.request_id(), "r-9");
  d.next.day = "";  // a month is not a review date
  EXPECT_THAT(Fields(DraftToReview(d, "CF-000007", r)), ElementsAre("next-day"));
  d.decision = "dispose";
  EXPECT_THAT(DraftToReview(d, "CF-000007", r), ElementsAre());
  EXPECT_EQ(r.decision(), v1::RetentionReview::DECISION_DISPOSE);
  EXPECT_EQ(r.next_review_date(), "");
  EXPECT_THAT(Fields(DraftToReview(FromForm(CaseAction::kReview, {}, {}), "CF-1", r)), ElementsAre("decision", "reason"));
}

TEST(CaseActionFormTest, CasefiledsRefusalsLandOnTheirFields) {
  EXPECT_EQ(CaseActionServerError(CaseAction::kReview, "next_review_date: must be after today (2026-01-02)").field,
            "next-day");
  EXPECT_EQ(CaseActionServerError(CaseAction::kRestrict, "restriction.users[0]: not a user id").field, "users");
  EXPECT_EQ(CaseActionServerError(CaseAction::kRestrict,
                                  "restriction: would keep the case from you; name yourself or one of your teams")
                .field,
            "users");
  EXPECT_EQ(CaseActionServerError(CaseAction::kReview, "reason: control character U+001B at byte 2").field, "reason");
  EXPECT_EQ(CaseActionServerError(CaseAction::kReview, "request_id: already used").field, "");
}

TEST(CaseActionFormTest, TheFormStartsFromTheCaseAndKeepsWhatWasTyped) {
  v1::Case c;
  c.set_name("cases/CF-000007");
  c.set_title("<b>Ruby</b>");
  c.set_version(5);
  c.mutable_restriction()->add_teams("child-exploitation");
  c.mutable_restriction()->add_users("dc4471");
  const std::vector<std::string> offered = OfferedTeams({"cait"}, c);
  EXPECT_THAT(offered, ElementsAre("cait", "child-exploitation"));
  CaseActionDraft d = NewCaseActionDraft(CaseAction::kRestrict, c);
  EXPECT_THAT(d.teams, ElementsAre("child-exploitation"));
  EXPECT_EQ(d.users, "dc4471");
  EXPECT_EQ(d.seen_version, "5");
  d.reason = "</textarea><script>x</script>";
  CaseActionContext context;
  context.case_id = "CF-000007";
  context.case_header = c;
  context.offered_teams = offered;
  context.errors = {{"reason", "Enter why"}};
  const std::string page = CaseActionPage(context, d);
  EXPECT_THAT(page, HasSubstr("<p id=\"now\">Kept to team child-exploitation, user dc4471.</p>"));
  EXPECT_THAT(page, HasSubstr("id=\"teams\" name=\"team-cait\" value=\"1\"><label"));
  EXPECT_THAT(page, HasSubstr("id=\"teams-2\" name=\"team-child-exploitation\" value=\"1\" checked>"));
  EXPECT_THAT(page, HasSubstr("&lt;/textarea&gt;&lt;script&gt;x&lt;/script&gt;</textarea>"));
  EXPECT_THAT(page, HasSubstr("<a href=\"#reason\">Enter why</a>"));
  EXPECT_THAT(page, HasSubstr("<input type=\"hidden\" name=\"seen_version\" value=\"5\">"));
  EXPECT_THAT(page, Not(HasSubstr("<b>Ruby")));
}

TEST(CaseActionFormTest, TheCasePageOffersEachWriteWithThePurpose) {
  const std::string html = CaseWritingButtons("CF-000007", "tok", "s47 \"enquiry\"");
  for (const char* action : {"/cases/CF-000007/entries/new", "/cases/CF-000007/restrict/new",
                             "/cases/CF-000007/review/new"}) {
    EXPECT_THAT(html, HasSubstr(absl::StrCat("action=\"", action, "\"")));
  }
  EXPECT_THAT(html, HasSubstr("name=\"purpose\" value=\"s47 &quot;enquiry&quot;\""));
}

}  // namespace
}  // namespace casefile::web
