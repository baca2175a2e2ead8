// The import pages: the list newest first as sent, a report's counts and
// lines with their links, and rejected records with the text as read (a long
// one folded), paged; hostile legacy text made inert.
#include "web/import_pages.h"

#include <string>

#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"

namespace casefile::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

template <typename T>
T Parse(const std::string& text) {
  T message;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, &message));
  return message;
}

TEST(ImportPagesTest, TheListLinksEachReportAndItsRejectedRecords) {
  const auto imports = Parse<v1::ListImportsResponse>(R"pb(
    imports { name: "imports/imp-000002" label: "<b>east</b>" operator: "op1"
              counts { records_read: 120 new_entries: 90 sent_to_review: 3 rejected: 2 } }
    imports { name: "imports/imp-000001" label: "sample" operator: "op1" counts { records_read: 10 } }
    next_page_token: "2")pb");
  const std::string page = ImportsPage("<nav></nav>", imports);
  EXPECT_LT(page.find("imp-000002"), page.find("imp-000001"));
  EXPECT_THAT(page, HasSubstr("<td><a href=\"/imports/imp-000002\">imp-000002</a></td><td>&lt;b&gt;east&lt;/b&gt;</td>"
                              "<td>op1</td>"));
  EXPECT_THAT(page, HasSubstr("<td>120</td><td>90</td><td>3</td><td><a href=\"/imports/imp-000002/rejected\">2</a></td>"));
  EXPECT_THAT(page, HasSubstr("<td>0</td></tr>"));  // nothing rejected: no link
  EXPECT_THAT(page, HasSubstr("href=\"/imports?page=2\""));
  EXPECT_THAT(ImportsPage("", {}), HasSubstr("No import has been made yet."));
}

TEST(ImportPagesTest, AReportShowsItsStateCountsAndEveryLineEscaped) {
  const auto report = Parse<v1::Import>(R"pb(
    name: "imports/imp-000003" label: "legacy" operator: "op1"
    counts { files: 4 files_unrecognised: 1 records_read: 50 new_entries: 40 exact_duplicates_merged: 2
             near_duplicates_merged: 3 sent_to_review: 1 rejected: 1 records_changed: 1 dates_partly_read: 1 }
    rejections { locator: "paper/x.csv#row=3" reason: "row has <3> fields" }
    partly_read_dates { locator: "logs/y.txt#entry=2" as_written: "Tues 31st" note: "no month" }
    changed_records { locator: "paper/x.csv#row=1" record: "paper/x.csv#row=1@9f" case: "cases/CF-2"
                      previous_record: "paper/x.csv#row=1" previous_import: "imports/imp-000001" }
    unlisted_refs { legacy_ref: "HPVP/2014/0001" case: "cases/CF-3" how: "case of its own" }
    ref_conflicts { legacy_refs: "A/1" legacy_refs: "B/2" cases: "cases/CF-4" cases: "cases/CF-5"
                    filed_under: "cases/CF-4" records: 2 example_locator: "crime/e.csv#row=7" }
    cases: "cases/CF-2" cases: "cases/CF-3")pb");
  const std::string page = ImportReportPage("<nav></nav>", report);
  EXPECT_THAT(page, HasSubstr("<h1>Import imp-000003: legacy</h1>"));
  EXPECT_THAT(page, HasSubstr("id=\"import-state\">complete"));
  EXPECT_THAT(page, HasSubstr("<dt>Files</dt><dd>4 (1 not recognised)</dd>"));
  EXPECT_THAT(page, HasSubstr("<dt>Duplicates merged</dt><dd>5 (2 exact, 3 near)</dd>"));
  EXPECT_THAT(page, HasSubstr("<dt>Sent to review</dt><dd>1 (<a href=\"/review\">the review queue</a>)</dd>"));
  EXPECT_THAT(page, HasSubstr("<td>paper/x.csv#row=3</td><td>row has &lt;3&gt; fields</td>"));
  EXPECT_THAT(page, HasSubstr("href=\"/imports/imp-000003/rejected\" id=\"rejected-records\""));
  EXPECT_THAT(page, HasSubstr("<td>Tues 31st</td><td>no month</td>"));
  EXPECT_THAT(page, HasSubstr("<td><a href=\"/cases/CF-2\">CF-2</a></td><td>paper/x.csv#row=1</td><td>imp-000001</td>"));
  EXPECT_THAT(page, HasSubstr("<td>HPVP/2014/0001</td><td><a href=\"/cases/CF-3\">CF-3</a></td><td>case of its own</td>"));
  EXPECT_THAT(page, HasSubstr("A/1 (<a href=\"/cases/CF-4\">CF-4</a>), B/2 (<a href=\"/cases/CF-5\">CF-5</a>)"));
  EXPECT_THAT(page, HasSubstr("Cases written to (2)"));
}

TEST(ImportPagesTest, RejectedRecordsShowTheirTextAsReadWithALongOneFoldedAndPages) {
  v1::ListRejectedRecordsResponse page;
  v1::Rejection* shortish = page.add_rejections();
  shortish->set_locator("paper/x.csv#row=3");
  shortish->set_reason("unreadable date");
  shortish->set_raw("<script>document.title='pwned'</script>");
  v1::Rejection* long_one = page.add_rejections();
  long_one->set_locator("logs/z.txt#entry=9");
  long_one->set_reason("no date");
  long_one->set_raw(std::string("first line <i>\n") + std::string(500, 'x'));
  page.set_next_page_token("p&2");
  const std::string html = RejectedRecordsPage("<nav></nav>", "imp-000003", page, true);
  EXPECT_THAT(html, HasSubstr("<strong>paper/x.csv#row=3</strong>: unreadable date</p><div class=\"text\">"
                              "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;</div>"));
  EXPECT_THAT(html, Not(HasSubstr("<script>")));
  EXPECT_THAT(html, HasSubstr("<details><summary>first line &lt;i&gt;… (515 bytes: show all)</summary>"));
  EXPECT_EQ(html.find("<details>"), html.rfind("<details>"));  // only the long one is folded
  EXPECT_THAT(html, HasSubstr("href=\"/imports/imp-000003/rejected?page=p%262\" id=\"next-page\""));
  EXPECT_THAT(html, HasSubstr("id=\"first-page\""));
  EXPECT_THAT(RejectedRecordsPage("", "imp-1", {}, false), HasSubstr("No record was rejected."));
}

}  // namespace
}  // namespace casefile::web
