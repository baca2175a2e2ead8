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

TEST(ReadPaperFile, BadDateIsAProblemAndNoEvent) {
  LegacyFile f = ReadPaperFile("p.csv", std::string(kHeader) +
                                            "R,1,Note,31/02/2012,A,,bad\n"
                                            "R,2,Note,01/03/2012,A,,good\n"
                                            ",3,Note,01/03/2012,A,,no ref\n");
  ASSERT_EQ(f.problems.size(), 2u);
  EXPECT_EQ(f.problems[0].locator, "p.csv#row=1");
  EXPECT_EQ(f.problems[0].reason, "entry_date: '31/02/2012' is not a date");
  EXPECT_EQ(f.problems[1].locator, "p.csv#row=3");
  EXPECT_EQ(f.problems[1].reason, "file_ref is empty");
  ASSERT_EQ(f.events.size(), 1u);
  EXPECT_EQ(f.events[0].locator, "p.csv#row=2");
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
}

}  // namespace
}  // namespace casefile::migration
