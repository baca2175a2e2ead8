#include "migration/legacy_reader.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace casefile::migration {
namespace {

using ::testing::IsEmpty;

TEST(ReadLegacyFile, Windows1252PaperFile) {
  // Saved by a Windows PC: cp1252 "Zoë", "£" and curly quotes, CRLF.
  LegacyFile f = ReadLegacyFile(
      "paper/HPVP_2012_0457.csv",
      "file_ref,page,doc_type,entry_date,author,subjects,text\r\n"
      "HPVP/2012/0457,1,Case note,12th November 2012 1430hrs,DC 1,Zo\xEB WATSON (03/04/2008),"
      "\"\x93Lent \xA3" "5\x94\r\nnext line\"\r\n");
  EXPECT_EQ(f.format, LegacyFormat::kPaperFile);
  EXPECT_THAT(f.problems, IsEmpty());
  ASSERT_EQ(f.events.size(), 1u);
  EXPECT_EQ(f.events[0].locator, "paper/HPVP_2012_0457.csv#row=1");
  EXPECT_EQ(f.events[0].subjects[0].forename, "Zo\xC3\xAB");
  EXPECT_EQ(f.events[0].text, "\xE2\x80\x9CLent \xC2\xA3" "5\xE2\x80\x9D\nnext line");
}

TEST(ReadLegacyFile, EachFormatByContent) {
  EXPECT_EQ(ReadLegacyFile("a", "case_key,legacy_ref,ref_kind\nK,R,CRIME\n").xrefs.size(), 1u);
  EXPECT_EQ(ReadLegacyFile("b", "nominal_ref,forename,surname\nN1,A,B\n").nominals.size(), 1u);
  EXPECT_EQ(ReadLegacyFile("c", "record_ref,entered_at,occurred_at,text\nR,2012-01-01,,x\n").format,
            LegacyFormat::kCrimeExport);
  LegacyFile log = ReadLegacyFile("d.txt", "INVESTIGATION LOG\r\nOfficer: A\r\n\r\n12/11/2012 x\r\ny\r\n");
  EXPECT_EQ(log.format, LegacyFormat::kInvestigationLog);
  ASSERT_EQ(log.events.size(), 1u);
  EXPECT_EQ(log.events[0].text, "x\ny");
}

TEST(ReadLegacyFile, UnrecognisedFilesGetOneProblemNamingTheFile) {
  for (std::string_view bytes : {std::string_view(""), std::string_view("hello world\n"),
                                 std::string_view("PK\x03\x04garbage"),
                                 std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")}) {
    LegacyFile f = ReadLegacyFile("dir/odd.bin", bytes);
    EXPECT_EQ(f.format, LegacyFormat::kUnrecognised);
    EXPECT_EQ(f.path, "dir/odd.bin");
    ASSERT_EQ(f.problems.size(), 1u);
    EXPECT_EQ(f.problems[0].locator, "dir/odd.bin");
    EXPECT_FALSE(f.problems[0].reason.empty());
    EXPECT_THAT(f.events, IsEmpty());
  }
}

TEST(ReadLegacyFile, AnUnrecognisedFileKeepsItsFirst64KiBAsRawContent) {
  EXPECT_EQ(ReadLegacyFile("odd.txt", "hello world\n").problems[0].raw, "hello world\n");
  // Windows-1252 bytes are kept decoded, so the raw content is UTF-8.
  EXPECT_EQ(ReadLegacyFile("odd.txt", "caf\xE9\n").problems[0].raw, "caf\xC3\xA9\n");
  const std::string big(100 * 1024, 'w');
  EXPECT_EQ(ReadLegacyFile("odd.txt", big).problems[0].raw, big.substr(0, 64 * 1024));
  LegacyFile binary = ReadLegacyFile("odd.bin", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
  ASSERT_EQ(binary.problems.size(), 1u);
  EXPECT_EQ(binary.problems[0].raw.size(), 14u);  // eight bytes, read as Windows-1252
}

TEST(ReadLegacyFile, NoRecordIsDroppedForItsDateAndTheLimitIsAnOption) {
  const std::string crime =
      "record_ref,entered_at,occurred_at,text\n"
      "R,2012-01-01,Jul 2010 11:10,x\n"
      "R,2012-01-01,2010-07-01,a longer text than the limit allows\n";
  LegacyFile f = ReadLegacyFile("c.csv", crime, ReaderOptions{.max_record_bytes = 40});
  ASSERT_EQ(f.events.size(), 1u);
  EXPECT_EQ(f.events[0].occurred, (PartialTime{TimePrecision::kMonth, 2010, 7, 0, 0, 0}));
  EXPECT_EQ(f.events[0].occurred_as_written, "Jul 2010 11:10");
  EXPECT_EQ(f.events[0].date_note,
            "occurred_at 'Jul 2010 11:10' partly read: month precision; a time without a day is "
            "not kept");
  ASSERT_EQ(f.problems.size(), 1u);
  EXPECT_EQ(f.problems[0].locator, "c.csv#row=2");
  EXPECT_EQ(f.problems[0].reason, "record of 59 bytes exceeds the limit of 40 bytes");
  // With the default limit both rows are events.
  EXPECT_EQ(ReadLegacyFile("c.csv", crime).events.size(), 2u);
}

TEST(ReadLegacyFile, BinaryJunkNeverCrashes) {
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk.push_back(static_cast<char>((i * 7919) % 256));
  LegacyFile f = ReadLegacyFile("junk", junk);
  EXPECT_EQ(f.format, LegacyFormat::kUnrecognised);
  EXPECT_EQ(f.problems.size(), 1u);
}

}  // namespace
}  // namespace casefile::migration
