#include "web/supervision_form.h"

#include <map>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace casefile::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

SupervisionDraft Draft(const std::map<std::string, std::string>& params, bool* ok = nullptr) {
  SupervisionDraft draft;
  const bool read = SupervisionDraftFromParams(
      [&](const std::string& name) {
        auto it = params.find(name);
        return it == params.end() ? std::string() : it->second;
      },
      draft);
  if (ok != nullptr) *ok = read;
  return draft;
}

TEST(SupervisionFormTest, ReadsTheStepAndRefusesWhatNoFormSends) {
  bool ok = false;
  SupervisionDraft d = Draft({{"step", "ask"}, {"entry", "7"}, {"text", "line 1\r\nline 2"}}, &ok);
  EXPECT_TRUE(ok);
  EXPECT_EQ(d.step, SupervisionStep::kAsk);
  EXPECT_EQ(d.entry, "7");
  EXPECT_EQ(d.text, "line 1\nline 2");
  Draft({{"step", "sign"}}, &ok);
  EXPECT_FALSE(ok);
  Draft({{"step", "ask"}, {"entry", "7; drop"}}, &ok);
  EXPECT_FALSE(ok);
  Draft({{"step", "decide"}}, &ok);  // a decision names its request
  EXPECT_FALSE(ok);
}

TEST(SupervisionFormTest, ABlankTextAndNoDecisionAreRefusedInTheBrowser) {
  const auto errors = CheckSupervisionDraft(Draft({{"step", "decide"}, {"entry", "4"}, {"text", "  "}}));
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].field, "decision");
  EXPECT_EQ(errors[1].field, "text");
  EXPECT_TRUE(CheckSupervisionDraft(Draft({{"step", "close"}, {"text", "done"}})).empty());
  EXPECT_EQ(SupervisionServerError("note: is required").field, "text");
  EXPECT_EQ(SupervisionServerError("cases/CF-1 is already closed").field, "");
}

TEST(SupervisionFormTest, ThePageKeepsWhatWasTypedEscaped) {
  SupervisionFormContext context;
  context.case_id = "CF-1";
  context.case_header.set_title("<b>Ellie</b>");
  context.errors = {{"text", "Enter your comment"}};
  SupervisionDraft d = Draft({{"step", "decide"}, {"entry", "4"}, {"decision", "return"}, {"text", "<script>x"}});
  const std::string page = SupervisionFormPage(context, d);
  EXPECT_THAT(page, HasSubstr("Approve or return request #4"));
  EXPECT_THAT(page, HasSubstr("&lt;script&gt;x"));
  EXPECT_THAT(page, HasSubstr("&lt;b&gt;Ellie&lt;/b&gt;"));
  EXPECT_THAT(page, Not(HasSubstr("<script>")));
  EXPECT_THAT(page, HasSubstr("There is a problem"));
}

TEST(SupervisionFormTest, AClosedCaseOffersReopeningOnly) {
  v1::Case c;
  c.set_name("cases/CF-1");
  EXPECT_THAT(CaseStateButtons(c, "t", "p"), HasSubstr("Ask approval to close"));
  c.set_state(v1::CASE_STATE_CLOSED);
  const std::string closed = CaseStateButtons(c, "t", "p");
  EXPECT_THAT(closed, HasSubstr("Reopen this case"));
  EXPECT_THAT(closed, Not(HasSubstr("Close this case")));
}

}  // namespace
}  // namespace casefile::web
