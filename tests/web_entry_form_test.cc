// The "add an entry" form: what a draft becomes, what is refused and where,
// and that what was typed comes back escaped, whole.
#include "web/entry_form.h"

#include <map>
#include <optional>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "web/case_action_form.h"
#include "web/kept_form.h"
#include "web/supervision_form.h"

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

// The hidden fields as a browser sends them back (values unescaped).
std::multimap<std::string, std::string> SentBack(const std::string& html) {
  std::multimap<std::string, std::string> sent;
  size_t at = 0;
  while ((at = html.find("name=\"", at)) != std::string::npos) {
    const size_t name_end = html.find('"', at + 6);
    const size_t value_at = html.find("value=\"", name_end) + 7;
    std::string value = html.substr(value_at, html.find('"', value_at) - value_at);
    for (const auto& [from, to] : std::map<std::string, std::string>{{"&quot;", "\""}, {"&lt;", "<"}, {"&gt;", ">"}, {"&#10;", "\n"}, {"&#39;", "'"}}) {
      for (size_t p; (p = value.find(from)) != std::string::npos;) value.replace(p, from.size(), to);
    }
    for (size_t p; (p = value.find("&amp;")) != std::string::npos;) value.replace(p, 5, "&");
    sent.emplace(html.substr(at + 6, name_end - at - 6), value);
    at = value_at;
  }
  return sent;
}

TEST(KeptFormTest, AnEntrySentSignedOutComesBackWholeAfterSignIn) {
  const std::multimap<std::string, std::string> sent = {
      {"csrf", "old-token"}, {"kind", "note"}, {"when-day", "3"}, {"when-month", "4"}, {"when-year", "2012"},
      {"when-time", "09:00"}, {"text", "A long note\nwith \"quotes\" & <tags>"}, {"request_id", "r-1"},
      {"seen_version", "7"}, {"purpose", "writing up"}, {"text", "a second text is not the first"}};
  const KeptForm kept = KeptFormOf("/cases/CF-000009/entries", sent);
  // Through the sign-in page: its own fields beside the kept ones.
  std::multimap<std::string, std::string> signin = SentBack(KeptFormHiddenFields(kept));
  signin.emplace("user", "cait1");
  signin.emplace("password", "secret");
  const std::optional<KeptForm> back = KeptFormFromSignIn(signin);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->path, "/cases/CF-000009/entries");
  EXPECT_EQ(KeptField(*back, "csrf"), "");  // the old form's token is not carried
  EXPECT_EQ(KeptField(*back, "password"), "");
  const EntryDraft d = DraftFromForm([&](const char* name) { return KeptField(*back, name); });
  EXPECT_EQ(d.text, "A long note\nwith \"quotes\" & <tags>");
  EXPECT_EQ(d.kind, "note");
  EXPECT_EQ(d.request_id, "r-1");
  EXPECT_EQ(d.seen_version, "7");
  EXPECT_EQ(d.purpose, "writing up");
  EXPECT_EQ(d.time, "09:00");
  // A sign-in with no kept form.
  EXPECT_FALSE(KeptFormFromSignIn(std::multimap<std::string, std::string>{{"user", "cait1"}}).has_value());
}

TEST(KeptFormTest, ARestrictionSentSignedOutKeepsItsTeamsAndReason) {
  const std::multimap<std::string, std::string> sent = {
      {"csrf", "old-token"}, {"team-cait", "1"}, {"users", "cait9"},
      {"reason", "A relative of the suspect works in pvp-east"}, {"seen_version", "4"}, {"purpose", "restricting"}};
  const std::optional<KeptForm> back =
      KeptFormFromSignIn(SentBack(KeptFormHiddenFields(KeptFormOf("/cases/CF-000009/restrict", sent))));
  ASSERT_TRUE(back.has_value());
  const CaseActionDraft d = CaseActionDraftFromForm(
      CaseAction::kRestrict, [&](const std::string& name) { return KeptField(*back, name); }, {"cait", "pvp-east"});
  EXPECT_THAT(d.teams, ElementsAre("cait"));
  EXPECT_EQ(d.users, "cait9");
  EXPECT_EQ(d.reason, "A relative of the suspect works in pvp-east");
  EXPECT_EQ(d.seen_version, "4");
}

TEST(KeptFormTest, ASupervisorsDecisionSentSignedOutComesBackAsTyped) {
  const std::multimap<std::string, std::string> sent = {
      {"csrf", "old-token"}, {"step", "decide"}, {"entry", "2"}, {"decision", "return"},
      {"text", "Add the school's view."}, {"request_id", "r-9"}, {"seen_version", "4"}};
  const std::optional<KeptForm> back =
      KeptFormFromSignIn(SentBack(KeptFormHiddenFields(KeptFormOf("/cases/CF-000009/supervision", sent))));
  ASSERT_TRUE(back.has_value());
  SupervisionDraft d;
  ASSERT_TRUE(SupervisionDraftFromParams([&](const std::string& name) { return KeptField(*back, name); }, d));
  EXPECT_EQ(d.step, SupervisionStep::kDecide);
  EXPECT_EQ(d.entry, "2");
  EXPECT_EQ(d.decision, "return");
  EXPECT_EQ(d.text, "Add the school's view.");
  EXPECT_EQ(d.request_id, "r-9");
  EXPECT_EQ(d.seen_version, "4");
}

}  // namespace
}  // namespace casefile::web
