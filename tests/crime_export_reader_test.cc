#include "migration/readers/crime_export_reader.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace casefile::migration {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr char kHeader[] = "record_ref,record_type,entry_no,entered_at,entered_by,occurred_at,text\n";

TEST(ReadCrimeExport, ReadsEveryField) {
  LegacyFile f = ReadCrimeExport(
      "crime/x.csv", std::string(kHeader) +
                         "22/71348/10,CRIME,2,2012-06-15 14:52:00,Powell,2012-06-14 14:30,"
                         "\"Log entry: Dean \xE2\x80\x9CGriffiths\xE2\x80\x9D ...\"\n"
                         "22/71348/10,NON-CRIME,3,2012-06-16 09:00:00,Powell,,No time given\n");
  EXPECT_EQ(f.format, LegacyFormat::kCrimeExport);
  EXPECT_THAT(f.problems, IsEmpty());
  ASSERT_EQ(f.events.size(), 2u);
  const LegacyEvent& e = f.events[0];
  EXPECT_EQ(e.locator, "crime/x.csv#row=1");
  EXPECT_EQ(e.format, LegacyFormat::kCrimeExport);
  EXPECT_THAT(e.legacy_refs, ElementsAre("22/71348/10"));
  EXPECT_EQ(e.occurred, (PartialTime{TimePrecision::kMinute, 2012, 6, 14, 14, 30}));
  EXPECT_EQ(e.entered, (PartialTime{TimePrecision::kMinute, 2012, 6, 15, 14, 52}));
  EXPECT_EQ(e.author, "Powell");
  EXPECT_EQ(e.doc_type, "CRIME");
  EXPECT_EQ(e.text, "Log entry: Dean \xE2\x80\x9CGriffiths\xE2\x80\x9D ...");
  EXPECT_EQ(f.events[1].occurred.precision, TimePrecision::kUnknown);  // empty occurred_at
  EXPECT_EQ(f.events[1].doc_type, "NON-CRIME");
}

TEST(ReadCrimeExport, RepeatedRowsAreAllRead) {
  std::string row = "22/1/10,CRIME,1,2012-06-15 14:52:00,P,2012-06-14 14:30,same\n";
  LegacyFile f = ReadCrimeExport("c.csv", std::string(kHeader) + row + row);
  ASSERT_EQ(f.events.size(), 2u);
  EXPECT_EQ(f.events[1].locator, "c.csv#row=2");
}

TEST(ReadCrimeExport, HalfLegibleTimesAreReadAsFarAsTheyCanBeAndNoted) {
  LegacyFile f = ReadCrimeExport("c.csv", std::string(kHeader) +
                                              "R,CRIME,1,2012-06-15 14:52:00,P,2012-06-14 25:30,x\n"
                                              "R,CRIME,2,yesterday,P,,y\n"
                                              ",CRIME,3,2012-06-15,P,,z\n");
  ASSERT_EQ(f.events.size(), 2u);
  EXPECT_EQ(f.events[0].locator, "c.csv#row=1");
  EXPECT_EQ(f.events[0].occurred, (PartialTime{TimePrecision::kDay, 2012, 6, 14, 0, 0}));
  EXPECT_EQ(f.events[0].occurred_as_written, "2012-06-14 25:30");
  EXPECT_EQ(f.events[0].date_note,
            "occurred_at '2012-06-14 25:30' partly read: day precision; '25:30' is not a time");
  EXPECT_EQ(f.events[1].locator, "c.csv#row=2");
  EXPECT_EQ(f.events[1].occurred.precision, TimePrecision::kUnknown);
  EXPECT_EQ(f.events[1].entered.precision, TimePrecision::kUnknown);
  EXPECT_EQ(f.events[1].occurred_as_written, "");
  EXPECT_EQ(f.events[1].date_note,
            "entered_at 'yesterday' partly read: no date read; no date in it; some words not read");
  ASSERT_EQ(f.problems.size(), 1u);
  EXPECT_EQ(f.problems[0].locator, "c.csv#row=3");
  EXPECT_EQ(f.problems[0].reason, "record_ref is empty");
  EXPECT_EQ(f.problems[0].raw, ",CRIME,3,2012-06-15,P,,z");
}

TEST(ReadCrimeExport, MissingOccurredAtColumnIsNamed) {
  LegacyFile f = ReadCrimeExport("c.csv", "record_ref,entered_at,text\nR,2012-01-01,x\n");
  ASSERT_EQ(f.problems.size(), 1u);
  EXPECT_EQ(f.problems[0].reason, "missing required column 'occurred_at'");
  EXPECT_EQ(f.problems[0].raw, "record_ref,entered_at,text\nR,2012-01-01,x\n");
}

TEST(ReadCrimeExport, AnOversizedRowIsAProblemAndTheRestIsRead) {
  LegacyFile f = ReadCrimeExport("c.csv", std::string(kHeader) +
                                              "R,CRIME,1,2012-06-15,P,2012-06-14,long text here\n"
                                              "R,CRIME,2,2012-06-15,P,2012-06-14,ok\n",
                                 ReaderOptions{.max_record_bytes = 40});
  ASSERT_EQ(f.problems.size(), 1u);
  EXPECT_EQ(f.problems[0].locator, "c.csv#row=1");
  EXPECT_EQ(f.problems[0].reason, "record of 48 bytes exceeds the limit of 40 bytes");
  EXPECT_EQ(f.problems[0].raw, "R,CRIME,1,2012-06-15,P,2012-06-14,long text here");
  ASSERT_EQ(f.events.size(), 1u);
  EXPECT_EQ(f.events[0].locator, "c.csv#row=2");
}

}  // namespace
}  // namespace casefile::migration
