// The case file page: what it shows, in what order, and that no stored
// string is ever markup.
#include "web/case_file_page.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace casefile::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

v1::PartialTime Day(int y, int m, int d) {
  v1::PartialTime t;
  t.set_precision(v1::PartialTime::PRECISION_DAY);
  t.set_year(y), t.set_month(m), t.set_day(d);
  return t;
}

v1::Entry MakeEntry(int n, v1::EntryKind kind, v1::PartialTime when, const std::string& text) {
  v1::Entry e;
  e.set_name("cases/CF-1/entries/" + std::to_string(n));
  e.set_number(n);
  e.set_kind(kind);
  *e.mutable_occur_time() = when;
  e.set_text(text);
  e.set_author("dc4471");
  return e;
}

v1::Case MakeCase() {
  v1::Case c;
  c.set_name("cases/CF-1");
  c.set_title("Ellie WATSON (03/04/2008)");
  c.add_legacy_refs("PF/2012/0042");
  v1::Subject* s = c.add_subjects();
  s->set_display_name("Ellie WATSON");
  *s->mutable_date_of_birth() = Day(2008, 4, 3);
  c.set_version(3);
  return c;
}

TEST(CaseFilePageTest, StoredMarkupIsTextEverywhere) {
  v1::Case c = MakeCase();
  c.set_title("<script>alert(1)</script>");
  c.add_legacy_refs("\"><img src=x onerror=alert(2)>");
  v1::Entry e = MakeEntry(1, v1::ENTRY_KIND_NOTE, Day(2012, 11, 12), "<b>bold</b> & <script>alert(3)</script>");
  e.set_author_display_name("'quoted' \"name\"");
  v1::Source* s = e.add_sources();
  s->set_locator("paper.csv#row=2");
  s->set_text("<iframe src=//evil></iframe>\x01\xFF");
  s->set_author("<u>author</u>");
  v1::Entry missing = MakeEntry(2, v1::ENTRY_KIND_MISSING_EPISODE, Day(2012, 11, 13), "missing");
  missing.mutable_missing_episode()->mutable_child()->set_name("<svg onload=alert(4)>");
  missing.mutable_missing_episode()->set_missing_from("home</dd><script>");
  const std::string page = CaseFilePage(c, {e, missing}, {});
  EXPECT_THAT(page, Not(HasSubstr("<script")));
  EXPECT_THAT(page, Not(HasSubstr("<img")));
  EXPECT_THAT(page, Not(HasSubstr("<iframe")));
  EXPECT_THAT(page, Not(HasSubstr("<svg onload")));
  EXPECT_THAT(page, Not(HasSubstr("<u>")));
  EXPECT_THAT(page, Not(HasSubstr("\xFF")));
  EXPECT_THAT(page, Not(HasSubstr("\x01")));
  EXPECT_THAT(page, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_THAT(page, HasSubstr("&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;alert(3)&lt;/script&gt;"));
  EXPECT_THAT(page, HasSubstr("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));
  EXPECT_THAT(page, HasSubstr("&#39;quoted&#39; &quot;name&quot;"));
  EXPECT_THAT(page, HasSubstr("&lt;iframe src=//evil&gt;&lt;/iframe&gt;\xEF\xBF\xBD\xEF\xBF\xBD"));
  EXPECT_THAT(page, HasSubstr("home&lt;/dd&gt;&lt;script&gt;"));
}

TEST(CaseFilePageTest, SelfContainedWithPrintMarkingReferenceAndPageNumbers) {
  const std::string page = CaseFilePage(MakeCase(), {MakeEntry(1, v1::ENTRY_KIND_NOTE, Day(2012, 11, 12), "x")}, {});
  EXPECT_THAT(page, HasSubstr("<style>"));
  EXPECT_THAT(page, Not(HasSubstr("<link")));
  EXPECT_THAT(page, Not(HasSubstr("src=")));
  EXPECT_THAT(page, HasSubstr("size: A4"));
  EXPECT_THAT(page, HasSubstr("@top-right { content: \"Case CF-1\""));
  EXPECT_THAT(page, HasSubstr("content: \"OFFICIAL-SENSITIVE\""));
  EXPECT_THAT(page, HasSubstr("counter(page) \" of \" counter(pages)"));
}

TEST(CaseFilePageTest, ChronologyInTimeOrderWithPrecision) {
  v1::PartialTime month;
  month.set_precision(v1::PartialTime::PRECISION_MONTH);
  month.set_year(2011), month.set_month(7);
  const std::string page =
      CaseFilePage(MakeCase(),
                   {MakeEntry(1, v1::ENTRY_KIND_NOTE, Day(2012, 11, 12), "second in time"),
                    MakeEntry(2, v1::ENTRY_KIND_NOTE, month, "first in time"),
                    MakeEntry(3, v1::ENTRY_KIND_NOTE, v1::PartialTime(), "undated last")},
                   {});
  const size_t first = page.find("first in time"), second = page.find("second in time"), last = page.find("undated last");
  ASSERT_NE(first, std::string::npos);
  EXPECT_LT(first, second);
  EXPECT_LT(second, last);
  EXPECT_THAT(page, HasSubstr("2011-07 <span class=\"precision\">(to the month)</span>"));
  EXPECT_THAT(page, HasSubstr("2012-11-12 <span class=\"precision\">(to the day)</span>"));
  EXPECT_THAT(page, HasSubstr("1 undated entries are not on the timeline."));
}

TEST(CaseFilePageTest, CorrectionStandsBesideWhatItCorrects) {
  v1::Entry original = MakeEntry(1, v1::ENTRY_KIND_VISIT, Day(2012, 11, 12), "visited at 14:00");
  original.set_superseded_by("cases/CF-1/entries/3");
  v1::Entry between = MakeEntry(2, v1::ENTRY_KIND_NOTE, Day(2012, 11, 20), "later note");
  v1::Entry correction = MakeEntry(3, v1::ENTRY_KIND_CORRECTION, Day(2012, 11, 12), "visited at 15:00");
  correction.set_supersedes("cases/CF-1/entries/1");
  correction.set_correction_reason("wrong hour");
  const std::string page = CaseFilePage(MakeCase(), {original, between, correction}, {});
  const size_t o = page.find("visited at 14:00"), c = page.find("visited at 15:00"), b = page.find("later note");
  EXPECT_LT(o, c);
  EXPECT_LT(c, b);  // in the same group as the original, before the later entry
  EXPECT_THAT(page, HasSubstr("corrects <a href=\"#entry-1\">#1</a>: wrong hour"));
  EXPECT_THAT(page, HasSubstr("corrected by <a href=\"#entry-3\">#3</a>"));
  EXPECT_THAT(page, HasSubstr("<article class=\"entry superseded\" id=\"entry-1\">"));
}

TEST(CaseFilePageTest, SafeguardingRecordLaidOut) {
  v1::Entry e = MakeEntry(1, v1::ENTRY_KIND_REFERRAL, Day(2012, 11, 12), "referred");
  v1::Referral* r = e.mutable_referral();
  r->set_to_agency(v1::AGENCY_CSC);
  r->set_risk_grade(v1::RISK_GRADE_HIGH);
  r->set_significant_harm_suspected(true);
  r->set_reason("bruising");
  v1::ChildImpact* i = r->add_child_impacts();
  i->mutable_child()->set_name("Ellie WATSON");
  i->set_impact("frightened");
  const std::string page = CaseFilePage(MakeCase(), {e}, {});
  EXPECT_THAT(page, HasSubstr("Referral to csc, risk high, <strong>significant harm suspected</strong>"));
  EXPECT_THAT(page, HasSubstr("<dt>reason</dt><dd>bruising</dd>"));
  EXPECT_THAT(page, HasSubstr("<dt>impact on Ellie WATSON</dt><dd>frightened</dd>"));
}

TEST(CaseFilePageTest, SourceWhoseTextIsTheEntrysIsNotRepeated) {
  v1::Entry e = MakeEntry(1, v1::ENTRY_KIND_NOTE, Day(2012, 11, 12), "the one text");
  v1::Source* same = e.add_sources();
  same->set_locator("a.csv#row=2");
  same->set_text_is_entry_text(true);
  v1::Source* other = e.add_sources();
  other->set_locator("b.csv#row=9");
  other->set_text("a different wording");
  const std::string page = CaseFilePage(MakeCase(), {e}, {});
  EXPECT_THAT(page, HasSubstr("2 legacy records"));
  EXPECT_THAT(page, HasSubstr("(word for word the entry's text)"));
  EXPECT_THAT(page, HasSubstr("a different wording"));
}

TEST(CaseFilePageTest, TimelineHasARowPerKindAndAMarkPerDatedEntry) {
  std::vector<v1::Entry> entries;
  for (int i = 1; i <= 3; ++i) entries.push_back(MakeEntry(i, v1::ENTRY_KIND_MISSING_EPISODE, Day(2013, 2, i), "m"));
  entries.push_back(MakeEntry(4, v1::ENTRY_KIND_REFERRAL, Day(2014, 5, 1), "r"));
  const std::string page = CaseFilePage(MakeCase(), entries, {});
  EXPECT_THAT(page, HasSubstr(">missing episode (3)</text>"));
  EXPECT_THAT(page, HasSubstr(">referral (1)</text>"));
  EXPECT_THAT(page, HasSubstr("<title>#4 referral, 2014-05-01</title>"));
  EXPECT_THAT(page, HasSubstr(">2014</text>"));
}

TEST(CaseFilePageTest, AskForApprovalCarriesThePurposeSoTheWayBackKeepsIt) {
  v1::Entry e = MakeEntry(1, v1::ENTRY_KIND_REFERRAL, Day(2012, 11, 12), "referred");
  e.mutable_referral()->set_to_agency(v1::AGENCY_CSC);
  CaseFilePageOptions options;
  options.purpose = "strategy meeting & <notes>";
  CaseFilePageStream page(MakeCase(), options, "CF-1");
  EXPECT_THAT(page.Add(e), HasSubstr("<a class=\"correct no-print\" href=\"/cases/CF-1/supervision/new?step=ask&amp;"
                                     "entry=1&amp;purpose=strategy%20meeting%20%26%20%3Cnotes%3E\" aria-label=\"Ask "
                                     "for approval of entry 1\">Ask for approval</a>"));
}

TEST(CaseFilePageTest, ABodyLeftOpenEndsWithoutClosingItForTheDocumentsThatFollow) {
  const std::vector<v1::Entry> entries = {MakeEntry(1, v1::ENTRY_KIND_NOTE, Day(2012, 11, 12), "seen")};
  CaseFilePageOptions options;
  EXPECT_THAT(CaseFilePage(MakeCase(), entries, options), ::testing::EndsWith("</body></html>\n"));
  options.body_left_open = true;
  const std::string open = CaseFilePage(MakeCase(), entries, options);
  EXPECT_THAT(open, Not(HasSubstr("</body>")));
  EXPECT_THAT(open, ::testing::EndsWith("</section>\n"));
  CaseFilePageStream stream(MakeCase(), options, "");
  EXPECT_THAT(stream.Tail(""), Not(HasSubstr("</body>")));
}

}  // namespace
}  // namespace casefile::web
