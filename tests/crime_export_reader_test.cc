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

TEST(ReadCrimeExport, BadTimesNameTheColumn) {
  LegacyFile f = ReadCrimeExport("c.csv", std::string(kHeader) +
                                              "R,CRIME,1,2012-06-15 14:52:00,P,2012-06-14 25:30,x\n"
                                              "R,CRIME,2,yesterday,P,,y\n"
                                              ",CRIME,3,2012-06-15,P,,z\n");
  EXPECT_THAT(f.events, IsEmpty());
  ASSERT_EQ(f.problems.size(), 3u);
  EXPECT_EQ(f.problems[0].locator, "c.csv#row=1");
  EXPECT_EQ(f.problems[0].reason, "occurred_at: '25:30' is not a time");
  EXPECT_EQ(f.problems[1].reason, "entered_at: 'yesterday' is not a date");
  EXPECT_EQ(f.problems[2].reason, "record_ref is empty");
}

TEST(ReadCrimeExport, MissingOccurredAtColumnIsNamed) {
  LegacyFile f = ReadCrimeExport("c.csv", "record_ref,entered_at,text\nR,2012-01-01,x\n");
  ASSERT_EQ(f.problems.size(), 1u);
  EXPECT_EQ(f.problems[0].reason, "missing required column 'occurred_at'");
}

}  // namespace
}  // namespace casefile::migration
