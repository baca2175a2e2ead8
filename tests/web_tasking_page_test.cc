// The tasking agenda page: each part with its lines, and a part casefiled
// cut short saying how many there are in all; stored strings escaped.
#include "web/tasking_page.h"

#include <string>

#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"

namespace casefile::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TaskingPageData Example(int64_t needs_attention_total) {
  TaskingPageData d;
  d.teams = {"cait"};
  d.has_agenda = true;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(R"pb(
    team: "cait" quiet_days: 14
    written_since { case: "cases/CF-000001" title: "<b>Watson</b>" new_entries: 2 owner: "dc1" }
    written_since_total: 1
    needs_attention { list: "referral feedback overdue" case: "cases/CF-000002" summary: "CSC" }
    needs_attention { list: "referral feedback overdue" case: "cases/CF-000003" summary: "CSC" })pb",
                                                                &d.agenda));
  d.agenda.set_needs_attention_total(needs_attention_total);
  return d;
}

TEST(TaskingPageTest, APartCutShortSaysHowManyThereAreInAll) {
  const std::string page = TaskingPage("<nav></nav>", "token", Example(10000));
  EXPECT_THAT(page, HasSubstr("Needs attention (2)</h2><p class=\"notice\" id=\"needs-attention-cut\">"
                              "The first 2 of 10000 are shown.</p>"));
  EXPECT_THAT(page, Not(HasSubstr("came-in-cut")));  // 1 of 1
  EXPECT_THAT(page, HasSubstr("&lt;b&gt;Watson&lt;/b&gt;"));
}

TEST(TaskingPageTest, AWholePartSaysNothingMore) {
  const std::string page = TaskingPage("<nav></nav>", "token", Example(2));
  EXPECT_THAT(page, Not(HasSubstr("are shown.")));
  EXPECT_THAT(page, HasSubstr("Needs attention (2)</h2><table>"));
}

}  // namespace
}  // namespace casefile::web
