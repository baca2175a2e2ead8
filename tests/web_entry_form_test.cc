// The "add an entry" form: what a draft becomes, what is refused and where,
// and that what was typed comes back escaped, whole.
#include "web/entry_form.h"

#include <map>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace casefile::web {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

EntryDraft Draft(std::string day, std::string month, std::string year, std::string time) {
  EntryDraft d;
  d.kind = "visit";
  d.day = std::move(day);
  d.month = std::move(month);
  d.year = std::move(year);
  d.time = std::move(time);
  d.text = "Visited.";
  return d;
}

std::vector<std::string> Fields(const std::vector<FieldError>& errors) {
  std::vector<std::string> out;
  for (const FieldError& e : errors) out.push_back(e.field);
  return out;
}

TEST(EntryFormTest, EachPrecisionOfTheDateInput) {
  v1::Entry e;
  ASSERT_TRUE(DraftToEntry(Draft("12", "11", "2012", "09:15"), e).empty());
  EXPECT_EQ(e.kind(), v1::ENTRY_KIND_VISIT);
  EXPECT_EQ(e.occur_time().precision(), v1::PartialTime::PRECISION_MINUTE);
  EXPECT_EQ(e.occur_time().hour(), 9);
  EXPECT_EQ(e.occur_time().minute(), 15);
  ASSERT_TRUE(DraftToEntry(Draft(" 3 ", "4", "2008", ""), e).empty());
  EXPECT_EQ(e.occur_time().precision(), v1::PartialTime::PRECISION_DAY);
  EXPECT_EQ(e.occur_time().day(), 3);
  ASSERT_TRUE(DraftToEntry(Draft("", "Nov", "2012", ""), e).empty());
  EXPECT_EQ(e.occur_time().precision(), v1::PartialTime::PRECISION_MONTH);
  EXPECT_EQ(e.occur_time().month(), 11);
  ASSERT_TRUE(DraftToEntry(Draft("", "september", "2012", "1430"), e).size() == 1);  // a time needs a day
  ASSERT_TRUE(DraftToEntry(Draft("", "", "2012", ""), e).empty());
  EXPECT_EQ(e.occur_time().precision(), v1::PartialTime::PRECISION_YEAR);
}

TEST(EntryFormTest, RefusalsNameTheFieldToFix) {
  v1::Entry e;
  EXPECT_THAT(Fields(DraftToEntry(Draft("", "", "", ""), e)), ElementsAre("when-day"));
  EXPECT_THAT(Fields(DraftToEntry(Draft("", "", "12", ""), e)), ElementsAre("when-year"));
  EXPECT_THAT(Fields(DraftToEntry(Draft("", "13", "2012", ""), e)), ElementsAre("when-month"));
  EXPECT_THAT(Fields(DraftToEntry(Draft("31", "2", "2012", ""), e)), ElementsAre("when-day"));
  EXPECT_THAT(Fields(DraftToEntry(Draft("29", "2", "2012", ""), e)), ElementsAre());  // a leap year
  EXPECT_THAT(Fields(DraftToEntry(Draft("3", "", "2012", ""), e)), ElementsAre("when-month"));
  EXPECT_THAT(Fields(DraftToEntry(Draft("3", "4", "2012", "25:00"), e)), ElementsAre("when-time"));
  EntryDraft nothing = Draft("3", "4", "2012", "");
  nothing.kind = "custody";  // not a kind of this form
  nothing.text = " \n ";
  EXPECT_THAT(Fields(DraftToEntry(nothing, e)), ElementsAre("kind", "text"));
}

TEST(EntryFormTest, TextKeepsItsLinesWithoutCarriageReturns) {
  EntryDraft d = Draft("3", "4", "2012", "");
  d.text = "First line.\r\nSecond line.\r\n\tIndented.";
  v1::Entry e;
  ASSERT_TRUE(DraftToEntry(d, e).empty());
  EXPECT_EQ(e.text(), "First line.\nSecond line.\n\tIndented.");
}

TEST(EntryFormTest, ServerRefusalsMapToTheirFields) {
  EXPECT_EQ(FieldOfServerError("entry.text: longer than 65536 bytes"), "text");
  EXPECT_EQ(FieldOfServerError("entry.occur_time: in the future"), "when-day");
  EXPECT_EQ(FieldOfServerError("request_id: already used for a different request"), "");
}

TEST(EntryFormTest, WhatWasTypedComesBackEscapedAndWhole) {
  EntryDraft d = Draft("3", "4", "2012", "");
  d.text = "</textarea><script>alert(1)</script> & \"quoted\"";
  d.request_id = "\"><b>";
  EntryFormContext c;
  c.case_id = "CF-000001";
  c.case_title = "<i>title</i>";
  c.errors = {{"text", "Enter <what> happened"}};
  const std::string page = EntryFormPage(c, d);
  EXPECT_THAT(page, HasSubstr("&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;"));
  EXPECT_THAT(page, Not(HasSubstr("<script>")));
  EXPECT_THAT(page, Not(HasSubstr("<b>")));
  EXPECT_THAT(page, HasSubstr("&lt;i&gt;title&lt;/i&gt;"));
  // The summary links to the field; the field says what is wrong, and is marked.
  EXPECT_THAT(page, HasSubstr("<a href=\"#text\">Enter &lt;what&gt; happened</a>"));
  EXPECT_THAT(page, HasSubstr("aria-describedby=\"text-error\" aria-invalid=\"true\""));
  EXPECT_THAT(page, HasSubstr("<title>Error: Add an entry to CF-000001"));
}

TEST(EntryFormTest, ADraftSurvivesTheSignInPage) {
  EntryDraft d = Draft("3", "4", "2012", "09:00");
  d.text = "A long note\nwith \"quotes\" & <tags>";
  d.request_id = "r-1";
  d.seen_version = "7";
  d.purpose = "writing up";
  // The hidden fields as a browser would send them back (values unescaped).
  std::map<std::string, std::string> sent;
  const std::string html = DraftHiddenFields("CF-000009", d);
  size_t at = 0;
  while ((at = html.find("name=\"", at)) != std::string::npos) {
    const size_t name_end = html.find('"', at + 6);
    const size_t value_at = html.find("value=\"", name_end) + 7;
    std::string value = html.substr(value_at, html.find('"', value_at) - value_at);
    for (const auto& [from, to] : std::map<std::string, std::string>{{"&quot;", "\""}, {"&lt;", "<"}, {"&gt;", ">"}, {"&#10;", "\n"}}) {
      for (size_t p; (p = value.find(from)) != std::string::npos;) value.replace(p, from.size(), to);
    }
    for (size_t p; (p = value.find("&amp;")) != std::string::npos;) value.replace(p, 5, "&");
    sent[html.substr(at + 6, name_end - at - 6)] = value;
    at = value_at;
  }
  std::string case_id;
  EntryDraft back;
  ASSERT_TRUE(DraftFromSignIn([&](const char* name) { return sent[name]; }, case_id, back));
  EXPECT_EQ(case_id, "CF-000009");
  EXPECT_EQ(back.text, d.text);
  EXPECT_EQ(back.request_id, "r-1");
  EXPECT_EQ(back.seen_version, "7");
  EXPECT_EQ(back.purpose, "writing up");
  EXPECT_EQ(back.time, "09:00");
  std::map<std::string, std::string> plain;  // a sign-in with no draft
  EXPECT_FALSE(DraftFromSignIn([&](const char* name) { return plain[name]; }, case_id, back));
}

}  // namespace
}  // namespace casefile::web
