// The home page and the assign form: what they show, in what order, that no
// stored or typed string is ever markup, and that the form keeps what was
// typed.
#include "web/home_page.h"

#include <map>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "web/assign_form.h"
#include "web/case_file_page.h"

namespace casefile::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

v1::Case MakeCase(const std::string& id, const std::string& title, int64_t written_seconds) {
  v1::Case c;
  c.set_name("cases/" + id);
  c.set_title(title);
  c.set_owner("dc4471");
  c.set_team("cait");
  c.mutable_create_time()->set_seconds(written_seconds - 3600);
  c.mutable_update_time()->set_seconds(written_seconds);
  return c;
}

TEST(HomePageTest, ListsMineAndMyTeamsInTheOrderGivenWithLinksAndTimes) {
  HomePageData data;
  data.may_open_cases = true;
  data.teams = {"cait"};
  // 1 July 2026 13:05 UTC is 14:05 in the UK (summer time).
  data.my_cases = {MakeCase("CF-000002", "Zara QUINN", 1782911100), MakeCase("CF-000001", "Ellie WATSON", 1782900000)};
  data.team_cases = {MakeCase("CF-000003", "Tobias QUENNELL", 1782800000)};
  AttentionSection overdue;
  overdue.list_name = "strategy discussion overdue";
  overdue.items.resize(2);
  data.attention = {overdue, AttentionSection{"actions overdue", {}}};
  const std::string page = HomePage("<nav>nav</nav>", data);
  EXPECT_THAT(page, HasSubstr("<nav>nav</nav><h1>casefile</h1>"));
  EXPECT_THAT(page, HasSubstr("<a class=\"button\" href=\"/cases/new\" id=\"home-open-a-case\">Open a case</a>"));
  EXPECT_THAT(page, HasSubstr("<h2>Find a child or a case</h2><form class=\"stack\" method=\"get\" action=\"/search\">"));
  const size_t mine = page.find("id=\"my-cases\""), team = page.find("id=\"team-cases\"");
  ASSERT_NE(mine, std::string::npos);
  ASSERT_NE(team, std::string::npos);
  const size_t second = page.find("<a href=\"/cases/CF-000002\">CF-000002</a></td><td>Zara QUINN</td><td>cait</td>"
                                  "<td>01/07/2026 14:05</td>");
  const size_t first = page.find("<a href=\"/cases/CF-000001\">CF-000001</a>");
  const size_t third = page.find("<a href=\"/cases/CF-000003\">CF-000003</a>");
  EXPECT_TRUE(mine < second && second < first && first < team && team < third) << page;
  EXPECT_THAT(page, HasSubstr("My team&#39;s cases (cait)"));
  EXPECT_THAT(page, HasSubstr("<li>strategy discussion overdue: 2</li>"));
  EXPECT_THAT(page, Not(HasSubstr("actions overdue")));
  EXPECT_THAT(page, HasSubstr("<a href=\"/attention\">All attention lists</a>"));
}

TEST(HomePageTest, SaysWhatIsEmptyAndWhenItCannotKnowTheReader) {
  HomePageData data;
  const std::string empty = HomePage("", data);
  EXPECT_THAT(empty, HasSubstr("No case is yours."));
  EXPECT_THAT(empty, HasSubstr("You are in no team."));
  EXPECT_THAT(empty, HasSubstr("Nothing needs attention for your teams now."));
  EXPECT_THAT(empty, Not(HasSubstr("Open a case")));  // readers only
  data.user_known = false;
  const std::string unknown = HomePage("", data);
  EXPECT_THAT(unknown, HasSubstr("sign out and in again to see your cases"));
  EXPECT_THAT(unknown, Not(HasSubstr("id=\"my-cases\"")));
  data.user_known = true;
  data.my_cases = {MakeCase("CF-1", "x", 1782900000)};
  data.more_mine = true;
  EXPECT_THAT(HomePage("", data), HasSubstr("Only the 1 most recently written are shown."));
}

TEST(HomePageTest, StoredMarkupIsText) {
  HomePageData data;
  v1::Case c = MakeCase("CF-1", "<script>alert(1)</script>", 1782900000);
  c.set_team("\"><img src=x onerror=alert(2)>");
  data.my_cases = {c};
  AttentionSection s;
  s.list_name = "<b>list</b>";
  s.items.resize(1);
  data.attention = {s};
  const std::string page = HomePage("", data);
  EXPECT_THAT(page, Not(HasSubstr("<script>alert")));
  EXPECT_THAT(page, Not(HasSubstr("<img")));
  EXPECT_THAT(page, Not(HasSubstr("<b>list")));
  EXPECT_THAT(page, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;"));
}

TEST(HomePageTest, OperatorsAreOfferedTheReviewQueueAndTheImportsAndOthersNot) {
  HomePageData data;
  data.operates = true;
  const std::string page = HomePage(NavHtml("Op", "csrf", false, false, true), data);
  EXPECT_THAT(page, HasSubstr("<a href=\"/review\" id=\"home-review\">The review queue</a>"));
  EXPECT_THAT(page, HasSubstr("<a href=\"/imports\" id=\"home-imports\">Imports</a>"));
  EXPECT_THAT(page, HasSubstr("<a href=\"/review\" id=\"review\">Review</a><a href=\"/imports\" id=\"imports\">"));
  data.operates = false;
  const std::string other = HomePage(NavHtml("Inv", "csrf", true), data);
  EXPECT_THAT(other, Not(HasSubstr("/review")));
  EXPECT_THAT(other, Not(HasSubstr("/imports")));
}

TEST(HomePageTest, LastWrittenFallsBackToCreationForCasesOfOlderStores) {
  v1::Case c = MakeCase("CF-1", "x", 1782900000);
  c.clear_update_time();
  EXPECT_EQ(LastWrittenText(c), "01/07/2026 10:00");  // created 09:00 UTC, BST
}

TEST(AssignFormTest, KeepsWhatWasTypedAndNamesTheFieldRefused) {
  std::map<std::string, std::string> form = {{"assign-owner", " dc5327 "},    {"assign-team", "<pvp-east>"},
                                             {"assign-reason", ""},           {"request_id", "r-1"},
                                             {"seen_version", "7"}};
  const AssignDraft d = AssignDraftFromForm([&](const std::string& name) { return form[name]; });
  v1::AssignCaseRequest request;
  const std::vector<FieldError> errors = DraftToAssignment(d, "CF-1", request);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "assign-reason");
  EXPECT_EQ(request.name(), "cases/CF-1");
  EXPECT_EQ(request.owner(), "dc5327");
  EXPECT_EQ(request.request_id(), "r-1");
  EXPECT_EQ(request.expected_version(), 7);
  v1::Case c = MakeCase("CF-1", "Ellie WATSON", 1782900000);
  const std::string page = AssignFormPage("", "csrf-1", c, errors, d, "");
  EXPECT_THAT(page, HasSubstr("There is a problem"));
  EXPECT_THAT(page, HasSubstr("<a href=\"#assign-reason\">Enter why the case is assigned</a>"));
  EXPECT_THAT(page, HasSubstr("value=\" dc5327 \""));
  EXPECT_THAT(page, HasSubstr("value=\"&lt;pvp-east&gt;\""));
  EXPECT_THAT(page, HasSubstr("<input type=\"hidden\" name=\"request_id\" value=\"r-1\">"));
  EXPECT_THAT(page, HasSubstr("<input type=\"hidden\" name=\"seen_version\" value=\"7\">"));
  EXPECT_THAT(page, HasSubstr("Now with owner <strong>dc4471</strong> · team <strong>cait</strong>"));
  EXPECT_EQ(AssignErrorOf("team: not a team name").field, "assign-team");
  EXPECT_EQ(AssignErrorOf("only investigators of team cait").field, "");
}

TEST(AssignFormTest, AfterSomeoneWroteFirstShowsWhatTheyWroteAboveTheFormAsTyped) {
  AssignDraft d;
  d.owner = "dc5327";
  d.reason = "Leave";
  v1::Entry meanwhile;
  meanwhile.set_number(3);
  meanwhile.set_kind(v1::ENTRY_KIND_NOTE);
  meanwhile.set_author_display_name("DC Other");
  meanwhile.set_text("Mother phoned <the office>.");
  const std::string page = AssignFormPage("", "csrf-1", MakeCase("CF-1", "Ellie WATSON", 1782900000), {}, d,
                                          "Check who the case is with now", {meanwhile});
  EXPECT_THAT(page, HasSubstr("<section id=\"written-meanwhile\">"));
  EXPECT_THAT(page, HasSubstr("Mother phoned &lt;the office&gt;."));
  EXPECT_LT(page.find("written-meanwhile"), page.find("value=\"dc5327\""));
}

TEST(AssignFormTest, TheCasePageShowsOwnerTeamAndTheFoldedForm) {
  v1::Case c = MakeCase("CF-1", "Ellie WATSON", 1782900000);
  c.set_version(4);
  CaseFilePageOptions options;
  options.header_html = AssignFormHtml("csrf-1", "CF-1", AssignDraftFor(c, "r-2"));
  const std::string page = CaseFilePage(c, {}, options);
  EXPECT_THAT(page, HasSubstr("<br>With owner <strong>dc4471</strong> · team <strong>cait</strong>"));
  EXPECT_THAT(page, HasSubstr("<details class=\"assign no-print\"><summary>Assign this case</summary>"
                              "<form class=\"stack\" method=\"post\" action=\"/cases/CF-1/assign\" novalidate>"));
  EXPECT_THAT(page, HasSubstr("name=\"seen_version\" value=\"4\""));
  EXPECT_THAT(page, HasSubstr("id=\"assign-owner\" name=\"assign-owner\" value=\"dc4471\""));
  EXPECT_LT(page.find("<details class=\"assign"), page.find("<h2>People</h2>"));
}

}  // namespace
}  // namespace casefile::web
