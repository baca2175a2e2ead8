// A long chronology on the case page: pages counted back from the newest,
// filters by kind and by when it happened, and the whole file for print.
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "web/case_file_page.h"
#include "web/chronology_view_form.h"

namespace casefile::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// Entry n happened on day n after 1 Jan 2010 (n = 1..count); every tenth is
// a visit, the others notes.
std::string Page(int count, const ViewFields& fields, std::string* error = nullptr) {
  v1::Case c;
  c.set_name("cases/CF-1");
  c.set_title("A long case");
  CaseFilePageBuilder builder;
  for (int n = count; n >= 1; --n) {  // arrival order does not matter
    v1::Entry e;
    e.set_name("cases/CF-1/entries/" + std::to_string(n));
    e.set_number(n);
    e.set_kind(n % 10 == 0 ? v1::ENTRY_KIND_VISIT : v1::ENTRY_KIND_NOTE);
    const absl::CivilDay day = absl::CivilDay(2010, 1, 1) + n;
    e.mutable_occur_time()->set_precision(v1::PartialTime::PRECISION_DAY);
    e.mutable_occur_time()->set_year(static_cast<int>(day.year()));
    e.mutable_occur_time()->set_month(day.month());
    e.mutable_occur_time()->set_day(day.day());
    e.set_text("entry text " + std::to_string(n));
    builder.Add(e);
  }
  CaseFilePageOptions options;
  std::string ignored;
  options.view = ViewFromFields(fields, error != nullptr ? *error : ignored);
  options.view.page_link = [](int page, const std::string& label) {
    return "[" + label + " -> page " + std::to_string(page) + "]";
  };
  std::string out;
  for (const std::string& part : builder.Finish(c, options)) out += part;
  return out;
}

bool Shows(const std::string& page, int n) {
  return page.find("id=\"entry-" + std::to_string(n) + "\"") != std::string::npos;
}

TEST(ChronologyViewTest, ALongCaseOpensOnItsNewestPage) {
  const std::string newest = Page(1200, {});
  EXPECT_TRUE(Shows(newest, 1200));
  EXPECT_TRUE(Shows(newest, 701));
  EXPECT_FALSE(Shows(newest, 700));
  EXPECT_THAT(newest, HasSubstr("Entries 701 to 1200 of 1200 in time order (page 1 of 3"));
  EXPECT_THAT(newest, HasSubstr("[Earlier entries -> page 1]"));
  EXPECT_THAT(newest, Not(HasSubstr("Later entries")));
  const std::string oldest = Page(1200, {.page = "2"});
  EXPECT_TRUE(Shows(oldest, 1));
  EXPECT_TRUE(Shows(oldest, 200));
  EXPECT_FALSE(Shows(oldest, 201));
  EXPECT_THAT(oldest, HasSubstr("[Later entries -> page 1]"));
  // Past the last page: the oldest.
  EXPECT_EQ(Page(1200, {.page = "9"}), oldest);
  // A short case is one page without a pager.
  EXPECT_THAT(Page(20, {}), Not(HasSubstr("Entries 1 to")));
}

TEST(ChronologyViewTest, TheWholeFileForPrint) {
  const std::string whole = Page(1200, {.whole = "1"});
  for (int n : {1, 600, 1200}) EXPECT_TRUE(Shows(whole, n)) << n;
  EXPECT_THAT(whole, Not(HasSubstr("class=\"pager")));
}

TEST(ChronologyViewTest, FiltersByKindAndWhenItHappened) {
  const std::string visits = Page(1200, {.kind = "visit"});
  EXPECT_TRUE(Shows(visits, 1200));
  EXPECT_TRUE(Shows(visits, 10));  // 120 visits: one page
  EXPECT_FALSE(Shows(visits, 1199));
  // Day 1 is 2 Jan 2010; 2011 holds entries 365 to 729.
  const std::string year = Page(1200, {.from = "2011", .to = "2011"});
  EXPECT_FALSE(Shows(year, 364));
  EXPECT_TRUE(Shows(year, 365));
  EXPECT_TRUE(Shows(year, 729));
  EXPECT_FALSE(Shows(year, 730));
  const std::string month = Page(1200, {.from = "Feb 2010", .to = "28/02/2010"});
  EXPECT_FALSE(Shows(month, 30));
  EXPECT_TRUE(Shows(month, 31));
  EXPECT_TRUE(Shows(month, 58));
  EXPECT_FALSE(Shows(month, 59));
  EXPECT_THAT(Page(1200, {.from = "2030"}), HasSubstr("No entry is of that kind and time."));
}

TEST(ChronologyViewTest, AFieldThatCannotBeReadSaysWhichAndTheRestStillApplies) {
  std::string error;
  const std::string page = Page(1200, {.kind = "visit", .from = "soon"}, &error);
  EXPECT_EQ(error, "From: give a year (2012), a month (Nov 2012) or a day (12/11/2012)");
  EXPECT_FALSE(Shows(page, 1199));
  Page(10, {.kind = "<script>"}, &error);
  EXPECT_EQ(error, "Kind: not a kind of entry");
  const std::string form = ViewFormHtml("CF-1", "", {.kind = "<script>", .from = "\"><b>"}, error);
  EXPECT_THAT(form, Not(HasSubstr("<script>")));
  EXPECT_THAT(form, Not(HasSubstr("<b>")));
}

TEST(ChronologyViewTest, ThePersonFilterOffersSubjectsThenChildrenNamedOnlyInRecords) {
  v1::Case c;
  v1::Subject& ellie = *c.add_subjects();
  ellie.set_forename("Ellie");
  ellie.set_surname("WATSON");
  ellie.set_person("persons/PE");
  c.add_subjects()->set_forename("Unlinked");  // no person: nothing to narrow to
  v1::ChildRef& again = *c.add_children_named();
  again.set_person("persons/PE");  // a subject named in a record too: offered once
  again.set_name("Ellie WATSON");
  v1::ChildRef& sam = *c.add_children_named();
  sam.set_person("persons/PS");
  sam.set_name("Sam <WATSON>");
  const std::vector<ViewPerson> people = ViewPeople(c);
  ASSERT_EQ(people.size(), 2u);
  EXPECT_EQ(people[0].name, "persons/PE");
  EXPECT_EQ(people[1].name, "persons/PS");
  const std::string html = ViewFormHtml("CF-000001", "", ViewFields{}, "", people);
  EXPECT_THAT(html, HasSubstr(">Sam &lt;WATSON&gt;</option>"));
}

}  // namespace
}  // namespace casefile::web
