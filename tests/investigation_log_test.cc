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

TEST(ReadTextInvestigationLog, ImpossibleDatesAreReadAsFarAsTheyCanBe) {
  LegacyFile f = ReadTextInvestigationLog(
      "l.txt", "INVESTIGATION LOG\nOfficer: A\n\n31/02/2012 1000 Bad day.\nmore\n"
               "12/11/2012 2590 Bad time.\n13/11/2012 1000 Good.\n");
  EXPECT_THAT(f.problems, IsEmpty());
  ASSERT_EQ(f.events.size(), 3u);
  EXPECT_EQ(f.events[0].locator, "l.txt#entry=1");
  EXPECT_EQ(f.events[0].occurred, (PartialTime{TimePrecision::kMonth, 2012, 2, 0, 0, 0}));
  EXPECT_EQ(f.events[0].occurred_as_written, "31/02/2012 1000");
  EXPECT_EQ(f.events[0].date_note,
            "date '31/02/2012 1000' partly read: month precision; 31 February is not a day; a "
            "time without a day is not kept");
  EXPECT_EQ(f.events[0].text, "Bad day.\nmore");
  EXPECT_EQ(f.events[1].locator, "l.txt#entry=2");
  EXPECT_EQ(f.events[1].occurred, (PartialTime{TimePrecision::kDay, 2012, 11, 12, 0, 0}));
  EXPECT_EQ(f.events[1].occurred_as_written, "12/11/2012 2590");
  EXPECT_EQ(f.events[1].date_note,
            "date '12/11/2012 2590' partly read: day precision; '2590' is not a time");
  EXPECT_EQ(f.events[1].text, "Bad time.");
  EXPECT_EQ(f.events[2].locator, "l.txt#entry=3");
  EXPECT_EQ(f.events[2].occurred, Minute(2012, 11, 13, 10, 0));
  EXPECT_EQ(f.events[2].occurred_as_written, "13/11/2012 1000");
  EXPECT_EQ(f.events[2].date_note, "");
}

TEST(ReadTextInvestigationLog, HalfLegibleDatesStartEntriesButProseDoesNot) {
  LegacyFile f = ReadTextInvestigationLog(
      "l.txt",
      "INVESTIGATION LOG\nOfficer: A\n\n"
      "?/11/2012 - Visited, day smudged.\n"
      "2 visits made that week.\n"
      "12/11/2O12 14:00 - Rang school.\n"
      "22/45871/12 crime reference noted.\n"
      "Jul 2010 11:10 - Seen in town.\n"
      "May 2012 saw a move.\n"
      "Tuesday 12th Nov 2012: Strategy meeting.\n"
      "12/11/2012 at about 14.30 - Phoned.\n"
      "14.30 12/11/2012 - Called back.\n");
  EXPECT_THAT(f.problems, IsEmpty());
  ASSERT_EQ(f.events.size(), 6u);
  EXPECT_EQ(f.events[0].occurred, (PartialTime{TimePrecision::kMonth, 2012, 11, 0, 0, 0}));
  EXPECT_EQ(f.events[0].occurred_as_written, "?/11/2012");
  EXPECT_EQ(f.events[0].date_note, "date '?/11/2012' partly read: month precision; the day is illegible");
  EXPECT_EQ(f.events[0].text, "Visited, day smudged.\n2 visits made that week.");
  EXPECT_EQ(f.events[1].occurred, Minute(2012, 11, 12, 14, 0));
  EXPECT_EQ(f.events[1].occurred_as_written, "12/11/2O12 14:00");
  EXPECT_EQ(f.events[1].date_note,
            "date '12/11/2O12 14:00' partly read: minute precision; a letter read as a digit");
  EXPECT_EQ(f.events[1].text, "Rang school.\n22/45871/12 crime reference noted.");
  EXPECT_EQ(f.events[2].occurred, (PartialTime{TimePrecision::kMonth, 2010, 7, 0, 0, 0}));
  EXPECT_EQ(f.events[2].occurred_as_written, "Jul 2010 11:10");
  EXPECT_EQ(f.events[2].date_note,
            "date 'Jul 2010 11:10' partly read: month precision; a time without a day is not kept");
  EXPECT_EQ(f.events[2].text, "Seen in town.\nMay 2012 saw a move.");
  EXPECT_EQ(f.events[3].occurred, (PartialTime{TimePrecision::kMonth, 2012, 11, 0, 0, 0}));
  EXPECT_EQ(f.events[3].occurred_as_written, "Tuesday 12th Nov 2012");
  EXPECT_EQ(f.events[3].text, "Strategy meeting.");
  EXPECT_EQ(f.events[4].occurred, (PartialTime{TimePrecision::kDay, 2012, 11, 12, 0, 0}));
  EXPECT_EQ(f.events[4].occurred_as_written, "12/11/2012 at about 14.30");
  EXPECT_EQ(f.events[4].date_note,
            "date '12/11/2012 at about 14.30' partly read: day precision; the time '14.30' is "
            "approximate: not kept");
  EXPECT_EQ(f.events[4].text, "Phoned.");
  EXPECT_EQ(f.events[5].occurred, Minute(2012, 11, 12, 14, 30));
  EXPECT_EQ(f.events[5].occurred_as_written, "14.30 12/11/2012");
  EXPECT_EQ(f.events[5].text, "Called back.");
  EXPECT_EQ(f.events[5].locator, "l.txt#entry=6");
}

TEST(ReadTextInvestigationLog, AnEntryOverTheSizeLimitIsAProblemWithItsFirst4KiB) {
  std::string log = "INVESTIGATION LOG\nOfficer: A\n\n12/11/2012 1000 - Start.\n";
  const std::string line(1000, 'z');
  for (int i = 0; i < 10; ++i) log += line + "\n";
  log += "13/11/2012 1000 - Small.\n";
  LegacyFile f = ReadTextInvestigationLog("l.txt", log, ReaderOptions{.max_record_bytes = 5000});
  ASSERT_EQ(f.problems.size(), 1u);
  EXPECT_EQ(f.problems[0].locator, "l.txt#entry=1");
  // The first line (24 bytes) and ten of 1000, each with its line feed.
  EXPECT_EQ(f.problems[0].reason, "record of 10035 bytes exceeds the limit of 5000 bytes");
  EXPECT_EQ(f.problems[0].raw.size(), 4096u);
  EXPECT_EQ(f.problems[0].raw.substr(0, 26), "12/11/2012 1000 - Start.\nz");
  ASSERT_EQ(f.events.size(), 1u);
  EXPECT_EQ(f.events[0].locator, "l.txt#entry=2");
  EXPECT_EQ(f.events[0].text, "Small.");
}

TEST(ReadTextInvestigationLog, AFiftyMegabyteEntryIsRejectedInLinearTime) {
  std::string log = "INVESTIGATION LOG\nOfficer: A\n\n12/11/2012 1000 - ";
  log.append(50 * 1024 * 1024, 'q');
  log += "\n13/11/2012 1000 - Small.\n";
  LegacyFile f = ReadTextInvestigationLog("l.txt", log);
  ASSERT_EQ(f.problems.size(), 1u);
  EXPECT_EQ(f.problems[0].reason,
            "record of " + std::to_string(50 * 1024 * 1024 + 19) +
                " bytes exceeds the limit of 262144 bytes");
  EXPECT_EQ(f.problems[0].raw.size(), 4096u);
  ASSERT_EQ(f.events.size(), 1u);
  EXPECT_EQ(f.events[0].text, "Small.");
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
  EXPECT_EQ(f.problems[0].raw, "Team: PVP\nPreamble line.");
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
  EXPECT_EQ(f.problems[0].raw.substr(0, 24), "A B100\nR100\nA B101\nR101\n");
}

TEST(ReadTextInvestigationLog, NoEntries) {
  LegacyFile f = ReadTextInvestigationLog("l.txt", "INVESTIGATION LOG\nOfficer: A\n");
  EXPECT_THAT(f.events, IsEmpty());
  ASSERT_EQ(f.problems.size(), 1u);
  EXPECT_EQ(f.problems[0].reason, "no dated entries found");
  EXPECT_EQ(f.problems[0].raw, "INVESTIGATION LOG\nOfficer: A");
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
  EXPECT_THAT(f.problems, IsEmpty());
  ASSERT_EQ(f.events.size(), 4u);
  EXPECT_EQ(f.events[0].occurred, Minute(2010, 11, 9, 9, 45));
  EXPECT_EQ(f.events[0].occurred_as_written, "09/11/2010 09:45");
  EXPECT_EQ(f.events[0].text, "First\nparagraphs\ncontinued");
  EXPECT_EQ(f.events[1].locator, "l.docx#entry=2");
  EXPECT_EQ(f.events[2].locator, "l.docx#entry=3");
  EXPECT_EQ(f.events[2].occurred, (PartialTime{TimePrecision::kDay, 2010, 11, 10, 0, 0}));
  EXPECT_EQ(f.events[2].occurred_as_written, "10/11/2010 25:00");
  EXPECT_EQ(f.events[2].date_note,
            "Date/Time '10/11/2010 25:00' partly read: day precision; '25:00' is not a time");
  EXPECT_EQ(f.events[2].text, "Bad");
  EXPECT_EQ(f.events[3].locator, "l.docx#entry=4");
  EXPECT_EQ(f.events[3].occurred, Minute(2010, 11, 11, 10, 30));
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
