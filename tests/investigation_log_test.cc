#include "migration/readers/investigation_log.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace casefile::migration {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

PartialTime Minute(int y, int mo, int d, int h, int mi) {
  return {TimePrecision::kMinute, y, mo, d, h, mi};
}

constexpr char kLog[] =
    "INVESTIGATION LOG\n"
    "Officer: DC 4471 HUGHES\n"
    "Reference: 22/45871/12, HPVP/2012/0457\n"
    "Subject: Ellie WATSON (03/04/2008)\n"
    "Subject: Mark WATSON\n"
    "\n"
    "12/11/2012 0915\n"
    "Received referral from CSC regarding Ellie Watson.\n"
    "Second line, kept as read.\n"
    "\n"
    "13/11/2012 14:00 - Visited home address with SW Jones.\n"
    "\n"
    "\n"
    "14/11/2012 1430hrs: Called school.\n"
    "\n"
    "Paragraph after a blank line.\n"
    "15/11/12 Day only \xE2\x80\x93 no time.\n"
    "16.11.2012 1000 \xE2\x80\x93 Dash separated.\n";

TEST(ReadTextInvestigationLog, HeaderAndEntries) {
  LegacyFile f = ReadTextInvestigationLog("logs/a/log.txt", kLog);
  EXPECT_EQ(f.format, LegacyFormat::kInvestigationLog);
  EXPECT_EQ(f.officer, "DC 4471 HUGHES");
  EXPECT_THAT(f.problems, IsEmpty());
  ASSERT_EQ(f.events.size(), 5u);
  const LegacyEvent& e = f.events[0];
  EXPECT_EQ(e.locator, "logs/a/log.txt#entry=1");
  EXPECT_EQ(e.format, LegacyFormat::kInvestigationLog);
  EXPECT_THAT(e.legacy_refs, ElementsAre("22/45871/12", "HPVP/2012/0457"));
  EXPECT_EQ(e.author, "DC 4471 HUGHES");
  ASSERT_EQ(e.subjects.size(), 2u);
  EXPECT_EQ(e.subjects[0].surname, "WATSON");
  EXPECT_EQ(e.subjects[0].date_of_birth.year, 2008);
  EXPECT_EQ(e.subjects[1].forename, "Mark");
  EXPECT_EQ(e.occurred, Minute(2012, 11, 12, 9, 15));
  EXPECT_EQ(e.text, "Received referral from CSC regarding Ellie Watson.\nSecond line, kept as read.");
  EXPECT_EQ(f.events[1].locator, "logs/a/log.txt#entry=2");
  EXPECT_EQ(f.events[1].occurred, Minute(2012, 11, 13, 14, 0));
  EXPECT_EQ(f.events[1].text, "Visited home address with SW Jones.");
  EXPECT_EQ(f.events[2].occurred, Minute(2012, 11, 14, 14, 30));
  EXPECT_EQ(f.events[2].text, "Called school.\n\nParagraph after a blank line.");
  EXPECT_EQ(f.events[3].occurred, (PartialTime{TimePrecision::kDay, 2012, 11, 15, 0, 0}));
  EXPECT_EQ(f.events[3].text, "Day only \xE2\x80\x93 no time.");
  EXPECT_EQ(f.events[4].text, "Dash separated.");
}

TEST(ReadTextInvestigationLog, HeaderEndsAtTheFirstDateLineAndKeysIgnoreCase) {
  LegacyFile f = ReadTextInvestigationLog(
      "l.txt",
      "INVESTIGATION LOG\n\nOFFICER: PC 1\nreference: A; B\nReference: C\nsubjects: X Y; Z W\n"
      "12/11/2012 0915 - First.\nOfficer: not a header line now\n");
  EXPECT_EQ(f.officer, "PC 1");
  EXPECT_THAT(f.problems, IsEmpty());
  ASSERT_EQ(f.events.size(), 1u);
  EXPECT_THAT(f.events[0].legacy_refs, ElementsAre("A", "B", "C"));
  EXPECT_EQ(f.events[0].subjects.size(), 2u);
  EXPECT_EQ(f.events[0].text, "First.\nOfficer: not a header line now");
}

TEST(ReadTextInvestigationLog, BadDatesAreNumberedProblems) {
  LegacyFile f = ReadTextInvestigationLog(
      "l.txt", "INVESTIGATION LOG\nOfficer: A\n\n31/02/2012 1000 Bad day.\nmore\n"
               "12/11/2012 2590 Bad time.\n13/11/2012 1000 Good.\n");
  ASSERT_EQ(f.problems.size(), 2u);
  EXPECT_EQ(f.problems[0].locator, "l.txt#entry=1");
  EXPECT_EQ(f.problems[0].reason, "'31/02/2012' is not a date");
  EXPECT_EQ(f.problems[1].locator, "l.txt#entry=2");
  EXPECT_EQ(f.problems[1].reason, "'2590' is not a time");
  ASSERT_EQ(f.events.size(), 1u);
  EXPECT_EQ(f.events[0].locator, "l.txt#entry=3");
}

TEST(ReadTextInvestigationLog, MonthOnlyDatesNeedASeparatorToStartAnEntry) {
  LegacyFile f = ReadTextInvestigationLog(
      "l.txt", "INVESTIGATION LOG\n\n12/11/2012 1000 First.\nMay 2012 saw a move.\nNov 2012 - Review.\n"
               "Dec 2012\nNotes.\n");
  ASSERT_EQ(f.events.size(), 3u);
  EXPECT_EQ(f.events[0].text, "First.\nMay 2012 saw a move.");
  EXPECT_EQ(f.events[1].occurred, (PartialTime{TimePrecision::kMonth, 2012, 11, 0, 0, 0}));
  EXPECT_EQ(f.events[1].text, "Review.");
  EXPECT_EQ(f.events[2].text, "Notes.");
}

TEST(ReadTextInvestigationLog, LinesOutsideEntriesAreReportedNotDropped) {
  LegacyFile f = ReadTextInvestigationLog(
      "l.txt", "INVESTIGATION LOG\nOfficer: A\nTeam: PVP\n\nPreamble line.\n\n12/11/2012 Entry.\n");
  ASSERT_EQ(f.events.size(), 1u);
  ASSERT_EQ(f.problems.size(), 1u);
  EXPECT_EQ(f.problems[0].locator, "l.txt");
  EXPECT_EQ(f.problems[0].reason, "2 lines outside the header and the dated entries not read");
}

TEST(ReadTextInvestigationLog, HeaderItemsAreCapped) {
  std::string log = "INVESTIGATION LOG\n";
  for (int i = 0; i < 105; ++i) {
    log += "Subject: A B" + std::to_string(i) + "\nReference: R" + std::to_string(i) + "\n";
  }
  log += "\n12/11/2012 Entry.\n";
  LegacyFile f = ReadTextInvestigationLog("l.txt", log);
  ASSERT_EQ(f.events.size(), 1u);
  EXPECT_EQ(f.events[0].subjects.size(), 100u);
  EXPECT_EQ(f.events[0].legacy_refs.size(), 100u);
  ASSERT_EQ(f.problems.size(), 1u);
  EXPECT_EQ(f.problems[0].reason,
            "10 header references or subjects beyond the first 100 of each not read");
}

TEST(ReadTextInvestigationLog, NoEntries) {
  LegacyFile f = ReadTextInvestigationLog("l.txt", "INVESTIGATION LOG\nOfficer: A\n");
  EXPECT_THAT(f.events, IsEmpty());
  ASSERT_EQ(f.problems.size(), 1u);
  EXPECT_EQ(f.problems[0].reason, "no dated entries found");
}

TEST(InvestigationLogBuilder, EntriesTable) {
  InvestigationLogBuilder log("l.docx");
  log.AddLine("INVESTIGATION LOG");
  log.AddLine("Officer: DS 1");
  log.AddTable({{"Date", "Time", "Log entry"},
                {"09/11/2010", "09:45", "First\nparagraphs"},
                {"", "", "continued"},
                {"10/11/2010", "", "Day only"},
                {"10/11/2010", "25:00", "Bad"},
                {"11/11/2010\n10:30", "", "Date and time in two paragraphs"}});
  LegacyFile f = log.Finish();
  ASSERT_EQ(f.events.size(), 3u);
  EXPECT_EQ(f.events[0].occurred, Minute(2010, 11, 9, 9, 45));
  EXPECT_EQ(f.events[0].text, "First\nparagraphs\ncontinued");
  EXPECT_EQ(f.events[1].locator, "l.docx#entry=2");
  ASSERT_EQ(f.problems.size(), 1u);
  EXPECT_EQ(f.problems[0].locator, "l.docx#entry=3");
  EXPECT_EQ(f.problems[0].reason, "Date/Time: '25:00' is not a time");
  EXPECT_EQ(f.events[2].locator, "l.docx#entry=4");
  EXPECT_EQ(f.events[2].occurred, Minute(2010, 11, 11, 10, 30));
}

TEST(InvestigationLogBuilder, OtherTablesAreReadAsLines) {
  InvestigationLogBuilder log("l.docx");
  log.AddLine("INVESTIGATION LOG");
  log.AddTable({{"Officer: DS 2", "Reference: R1"}});
  log.AddLine("");
  log.AddTable({{"12/11/2012 1000 In a cell.", "more\ntext"}});
  LegacyFile f = log.Finish();
  EXPECT_EQ(f.officer, "DS 2");
  ASSERT_EQ(f.events.size(), 1u);
  EXPECT_THAT(f.events[0].legacy_refs, ElementsAre("R1"));
  EXPECT_EQ(f.events[0].text, "In a cell.\nmore\ntext");
}

TEST(IsTextInvestigationLog, TitleFirst) {
  EXPECT_TRUE(IsTextInvestigationLog("INVESTIGATION LOG\n"));
  EXPECT_TRUE(IsTextInvestigationLog("\n  Investigation Log\r\n"));
  EXPECT_FALSE(IsTextInvestigationLog("Officer: A\nINVESTIGATION LOG\n"));
  EXPECT_FALSE(IsTextInvestigationLog("INVESTIGATION"));
}

}  // namespace
}  // namespace casefile::migration
