#include "migration/readers/nominal_index_reader.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace casefile::migration {
namespace {

using ::testing::IsEmpty;

constexpr char kHeader[] =
    "nominal_ref,forename,surname,date_of_birth,address_1,address_2,town,postcode,source_ref\n";

TEST(ReadNominalIndex, ReadsEveryField) {
  LegacyFile f = ReadNominalIndex(
      "nominals/n.csv",
      std::string(kHeader) +
          "N1607143,Wayne,GWYNNE,09/11/1985,126 Whitecross Road,\"Flat 2, Rear\",Bromyard,HR1 0QL,"
          "HPVP/2011/5123\n");
  EXPECT_EQ(f.format, LegacyFormat::kNominalIndex);
  EXPECT_THAT(f.problems, IsEmpty());
  ASSERT_EQ(f.nominals.size(), 1u);
  const NominalRecord& n = f.nominals[0];
  EXPECT_EQ(n.locator, "nominals/n.csv#row=1");
  EXPECT_EQ(n.nominal_ref, "N1607143");
  EXPECT_EQ(n.forename, "Wayne");
  EXPECT_EQ(n.surname, "GWYNNE");
  EXPECT_EQ(n.date_of_birth_raw, "09/11/1985");
  EXPECT_EQ(n.date_of_birth, (PartialTime{TimePrecision::kDay, 1985, 11, 9, 0, 0}));
  EXPECT_EQ(n.address_1, "126 Whitecross Road");
  EXPECT_EQ(n.address_2, "Flat 2, Rear");
  EXPECT_EQ(n.town, "Bromyard");
  EXPECT_EQ(n.postcode, "HR1 0QL");
  EXPECT_EQ(n.source_ref, "HPVP/2011/5123");
}

TEST(ReadNominalIndex, DatesOfBirthInBothFormsEmptyOrUnreadable) {
  LegacyFile f = ReadNominalIndex("n.csv", std::string(kHeader) +
                                               "N1,A,B,19851109,,,,,\n"
                                               "N2,A,B,,,,,,\n"
                                               "N3,A,B,25/14/2001,,,,,\n"
                                               "N4,A,B, 1/2/03 ,,,,,\n");
  EXPECT_THAT(f.problems, IsEmpty());  // an unreadable date of birth rejects no row
  ASSERT_EQ(f.nominals.size(), 4u);
  EXPECT_EQ(f.nominals[0].date_of_birth, (PartialTime{TimePrecision::kDay, 1985, 11, 9, 0, 0}));
  EXPECT_EQ(f.nominals[0].date_of_birth_raw, "19851109");
  EXPECT_EQ(f.nominals[1].date_of_birth.precision, TimePrecision::kUnknown);
  EXPECT_EQ(f.nominals[1].date_of_birth_raw, "");
  EXPECT_EQ(f.nominals[1].date_note, "");
  // Half legible: the year is certain, the month is not.
  EXPECT_EQ(f.nominals[2].date_of_birth, (PartialTime{TimePrecision::kYear, 2001, 0, 0, 0, 0}));
  EXPECT_EQ(f.nominals[2].date_of_birth_raw, "25/14/2001");
  EXPECT_EQ(f.nominals[2].date_note,
            "date_of_birth '25/14/2001' partly read: year precision; month 14 is not a month");
  EXPECT_EQ(f.nominals[3].date_of_birth, (PartialTime{TimePrecision::kDay, 2003, 2, 1, 0, 0}));
  EXPECT_EQ(f.nominals[3].date_note, "");
}

TEST(ReadNominalIndex, HalfLegibleDatesOfBirthArePartial) {
  LegacyFile f = ReadNominalIndex("n.csv", std::string(kHeader) +
                                               "N1,A,B,?/11/1985,,,,,\n"
                                               "N2,A,B,c. 1985,,,,,\n"
                                               "N3,A,B,not known,,,,,\n");
  EXPECT_THAT(f.problems, IsEmpty());
  ASSERT_EQ(f.nominals.size(), 3u);
  EXPECT_EQ(f.nominals[0].date_of_birth, (PartialTime{TimePrecision::kMonth, 1985, 11, 0, 0, 0}));
  EXPECT_EQ(f.nominals[0].date_note,
            "date_of_birth '?/11/1985' partly read: month precision; the day is illegible");
  EXPECT_EQ(f.nominals[1].date_of_birth, (PartialTime{TimePrecision::kYear, 1985, 0, 0, 0, 0}));
  EXPECT_EQ(f.nominals[1].date_note, "date_of_birth 'c. 1985' partly read: year precision; approximate");
  EXPECT_EQ(f.nominals[2].date_of_birth.precision, TimePrecision::kUnknown);
  EXPECT_EQ(f.nominals[2].date_of_birth_raw, "not known");
  EXPECT_EQ(f.nominals[2].date_note,
            "date_of_birth 'not known' partly read: no date read; no date in it; some words not read");
}

TEST(ReadNominalIndex, RequiresRefAndNames) {
  LegacyFile f = ReadNominalIndex("n.csv", "nominal_ref,surname,date_of_birth\nN1,B,\n");
  ASSERT_EQ(f.problems.size(), 1u);
  EXPECT_EQ(f.problems[0].reason, "missing required column 'forename'");
  EXPECT_EQ(f.problems[0].raw, "nominal_ref,surname,date_of_birth\nN1,B,\n");
}

}  // namespace
}  // namespace casefile::migration
