#include "migration/readers/paper_file_reader.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace casefile::migration {
namespace {

using ::testing::IsEmpty;

constexpr char kHeader[] = "file_ref,page,doc_type,entry_date,author,subjects,text\n";

TEST(ReadPaperFile, ReadsEveryField) {
  LegacyFile f = ReadPaperFile(
      "paper/HPVP_2011_5123.csv",
      std::string(kHeader) +
          "HPVP/2011/5123,3,Case note,12.12.2010 1410,DS 5327 LLOYD,"
          "Maya HARRIS; Stacey HARRIS (14/06/1970),\"Notification from \"\"A\"\",\nsecond line \"\n");
  EXPECT_EQ(f.path, "paper/HPVP_2011_5123.csv");
  EXPECT_EQ(f.format, LegacyFormat::kPaperFile);
  EXPECT_THAT(f.problems, IsEmpty());
  ASSERT_EQ(f.events.size(), 1u);
  const LegacyEvent& e = f.events[0];
  EXPECT_EQ(e.locator, "paper/HPVP_2011_5123.csv#row=1");
  EXPECT_EQ(e.format, LegacyFormat::kPaperFile);
  EXPECT_THAT(e.legacy_refs, testing::ElementsAre("HPVP/2011/5123"));
  EXPECT_EQ(e.occurred, (PartialTime{TimePrecision::kMinute, 2010, 12, 12, 14, 10}));
  EXPECT_EQ(e.entered.precision, TimePrecision::kUnknown);
  EXPECT_EQ(e.author, "DS 5327 LLOYD");
  EXPECT_EQ(e.doc_type, "Case note");
  ASSERT_EQ(e.subjects.size(), 2u);
  EXPECT_EQ(e.subjects[0].as_written, "Maya HARRIS");
  EXPECT_EQ(e.subjects[1].date_of_birth.year, 1970);
  EXPECT_EQ(e.text, "Notification from \"A\",\nsecond line ");  // exactly as read
}

TEST(ReadPaperFile, UndatedPagesAndMonthPrecision) {
  LegacyFile f = ReadPaperFile("p.csv", std::string(kHeader) +
                                            "R,1,Note,,A,,one\n"
                                            "R,2,Note,unknown,A,,two\n"
                                            "R,3,Note,Nov 2012,A,,three\n");
  EXPECT_THAT(f.problems, IsEmpty());
  ASSERT_EQ(f.events.size(), 3u);
  EXPECT_EQ(f.events[0].occurred.precision, TimePrecision::kUnknown);
  EXPECT_EQ(f.events[1].occurred.precision, TimePrecision::kUnknown);
  EXPECT_EQ(f.events[2].occurred, (PartialTime{TimePrecision::kMonth, 2012, 11, 0, 0, 0}));
}

TEST(ReadPaperFile, AHalfLegibleDateIsReadAsFarAsItCanBeAndNoted) {
  LegacyFile f = ReadPaperFile("p.csv", std::string(kHeader) +
                                            "R,1,Note,31/02/2012,A,,impossible day\n"
                                            "R,2,Note,01/03/2012,A,,good\n"
                                            "R,3,Note,Jul 2010 11:10,A,,month and time\n"
                                            "R,4,Note, c. 2010 ,A,,year\n"
                                            "R,5,Note,see back of page,A,,nothing\n");
  EXPECT_THAT(f.problems, IsEmpty());
  ASSERT_EQ(f.events.size(), 5u);
  EXPECT_EQ(f.events[0].occurred, (PartialTime{TimePrecision::kMonth, 2012, 2, 0, 0, 0}));
  EXPECT_EQ(f.events[0].occurred_as_written, "31/02/2012");
  EXPECT_EQ(f.events[0].date_note,
            "entry_date '31/02/2012' partly read: month precision; 31 February is not a day");
  EXPECT_EQ(f.events[1].occurred, (PartialTime{TimePrecision::kDay, 2012, 3, 1, 0, 0}));
  EXPECT_EQ(f.events[1].occurred_as_written, "01/03/2012");
  EXPECT_EQ(f.events[1].date_note, "");
  EXPECT_EQ(f.events[2].occurred, (PartialTime{TimePrecision::kMonth, 2010, 7, 0, 0, 0}));
  EXPECT_EQ(f.events[2].occurred_as_written, "Jul 2010 11:10");
  EXPECT_EQ(f.events[2].date_note,
            "entry_date 'Jul 2010 11:10' partly read: month precision; a time without a day is "
            "not kept");
  EXPECT_EQ(f.events[2].text, "month and time");
  EXPECT_EQ(f.events[3].occurred, (PartialTime{TimePrecision::kYear, 2010, 0, 0, 0, 0}));
  EXPECT_EQ(f.events[3].occurred_as_written, " c. 2010 ");  // exactly as written
  EXPECT_EQ(f.events[3].date_note, "entry_date 'c. 2010' partly read: year precision; approximate");
  EXPECT_EQ(f.events[4].occurred.precision, TimePrecision::kUnknown);
  EXPECT_EQ(f.events[4].occurred_as_written, "see back of page");
  EXPECT_EQ(f.events[4].date_note,
            "entry_date 'see back of page' partly read: no date read; no date in it; some words "
            "not read");
}

TEST(ReadPaperFile, UnreadableRowsKeepTheirRawContent) {
  LegacyFile f = ReadPaperFile("p.csv", std::string(kHeader) +
                                            ",3,Note,01/03/2012,A,,no ref\n"
                                            "R,4,Note,01/03/2012,A,,\"broken \"quote\" here\"\n"
                                            "R,5,Note,01/03/2012,A\n"
                                            "R,6,Note,01/03/2012,A,,good\n");
  ASSERT_EQ(f.problems.size(), 3u);
  EXPECT_EQ(f.problems[0].locator, "p.csv#row=1");
  EXPECT_EQ(f.problems[0].reason, "file_ref is empty");
  EXPECT_EQ(f.problems[0].raw, ",3,Note,01/03/2012,A,,no ref");
  EXPECT_EQ(f.problems[1].locator, "p.csv#row=2");
  EXPECT_EQ(f.problems[1].reason, "broken quoting: text after the closing quote of a field");
  EXPECT_EQ(f.problems[1].raw, "R,4,Note,01/03/2012,A,,\"broken \"quote\" here\"");
  EXPECT_EQ(f.problems[2].locator, "p.csv#row=3");
  EXPECT_EQ(f.problems[2].reason, "missing column 'subjects': row has 5 fields, the header has 7");
  EXPECT_EQ(f.problems[2].raw, "R,5,Note,01/03/2012,A");
  ASSERT_EQ(f.events.size(), 1u);
  EXPECT_EQ(f.events[0].locator, "p.csv#row=4");
}

TEST(ReadPaperFile, ARecordOverTheSizeLimitIsAProblemWithItsSize) {
  const std::string text(300 * 1024, 'a');
  LegacyFile f = ReadPaperFile("p.csv", std::string(kHeader) + "R,1,Note,01/03/2012,A,," + text +
                                            "\nR,2,Note,01/03/2012,A,,fine\n");
  ASSERT_EQ(f.problems.size(), 1u);
  EXPECT_EQ(f.problems[0].locator, "p.csv#row=1");
  EXPECT_EQ(f.problems[0].reason, "record of 307223 bytes exceeds the limit of 262144 bytes");
  EXPECT_EQ(f.problems[0].raw.size(), 4096u);
  EXPECT_EQ(f.problems[0].raw.substr(0, 25), "R,1,Note,01/03/2012,A,,aa");
  ASSERT_EQ(f.events.size(), 1u);
  EXPECT_EQ(f.events[0].text, "fine");
  // The limit is an option.
  LegacyFile small = ReadPaperFile("p.csv", std::string(kHeader) + "R,1,Note,01/03/2012,A,,fine\n",
                                   ReaderOptions{.max_record_bytes = 10});
  ASSERT_EQ(small.problems.size(), 1u);
  EXPECT_EQ(small.problems[0].reason, "record of 27 bytes exceeds the limit of 10 bytes");
  EXPECT_EQ(small.problems[0].raw, "R,1,Note,01/03/2012,A,,fine");
}

TEST(ReadPaperFile, OptionalColumnsMayBeAbsent) {
  LegacyFile f = ReadPaperFile("p.csv", "text,entry_date,file_ref\nhello,01/03/2012,R\n");
  EXPECT_THAT(f.problems, IsEmpty());
  ASSERT_EQ(f.events.size(), 1u);
  EXPECT_EQ(f.events[0].text, "hello");
  EXPECT_EQ(f.events[0].author, "");
  EXPECT_THAT(f.events[0].subjects, IsEmpty());
}

TEST(ReadPaperFile, MissingTextColumnIsNamed) {
  LegacyFile f = ReadPaperFile("p.csv", "file_ref,page,doc_type,entry_date,author,subjects\nR,1,N,,A,\n");
  EXPECT_THAT(f.events, IsEmpty());
  ASSERT_EQ(f.problems.size(), 1u);
  EXPECT_EQ(f.problems[0].locator, "p.csv");
  EXPECT_EQ(f.problems[0].reason, "missing required column 'text'");
  EXPECT_EQ(f.problems[0].raw, "file_ref,page,doc_type,entry_date,author,subjects\nR,1,N,,A,\n");
}

}  // namespace
}  // namespace casefile::migration
