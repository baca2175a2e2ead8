#include "migration/readers/subjects.h"

#include "gtest/gtest.h"

namespace casefile::migration {
namespace {

TEST(ParseSubject, ForenameSurnameAndDateOfBirth) {
  LegacySubject s = ParseSubject("  Ellie WATSON (03/04/2008) ");
  EXPECT_EQ(s.as_written, "Ellie WATSON (03/04/2008)");
  EXPECT_EQ(s.forename, "Ellie");
  EXPECT_EQ(s.surname, "WATSON");
  EXPECT_EQ(s.date_of_birth, (PartialTime{TimePrecision::kDay, 2008, 4, 3, 0, 0}));
}

TEST(ParseSubject, SeveralForenamesAndSurnameWords) {
  LegacySubject s = ParseSubject("Mary Ann DE LA CRUZ");
  EXPECT_EQ(s.forename, "Mary Ann");
  EXPECT_EQ(s.surname, "DE LA CRUZ");
  EXPECT_EQ(s.date_of_birth.precision, TimePrecision::kUnknown);
}

TEST(ParseSubject, NonAsciiNames) {
  LegacySubject s = ParseSubject("Zo\xC3\xAB JOS\xC3\x89");  // Zoë JOSÉ
  EXPECT_EQ(s.forename, "Zo\xC3\xAB");
  EXPECT_EQ(s.surname, "JOS\xC3\x89");
  s = ParseSubject("Si\xC3\xA2n \xC5\x81UKASZ");  // Siân ŁUKASZ
  EXPECT_EQ(s.forename, "Si\xC3\xA2n");
  EXPECT_EQ(s.surname, "\xC5\x81UKASZ");
  s = ParseSubject("Anna \xC5\x82uk");  // ł is lower case: no capitals, last word
  EXPECT_EQ(s.forename, "Anna");
  EXPECT_EQ(s.surname, "\xC5\x82uk");
}

TEST(ParseSubject, NoCapitalsOrAllCapitalsTakesTheLastWord) {
  LegacySubject s = ParseSubject("Maya Harris");
  EXPECT_EQ(s.forename, "Maya");
  EXPECT_EQ(s.surname, "Harris");
  s = ParseSubject("MAYA JANE HARRIS");
  EXPECT_EQ(s.forename, "MAYA JANE");
  EXPECT_EQ(s.surname, "HARRIS");
  s = ParseSubject("HARRIS");
  EXPECT_EQ(s.forename, "");
  EXPECT_EQ(s.surname, "HARRIS");
}

TEST(ParseSubject, UnreadableDateOfBirthIsUnknownAndKeptAsWritten) {
  LegacySubject s = ParseSubject("Ellie WATSON (31/02/2008)");
  EXPECT_EQ(s.as_written, "Ellie WATSON (31/02/2008)");
  EXPECT_EQ(s.surname, "WATSON");
  EXPECT_EQ(s.date_of_birth.precision, TimePrecision::kUnknown);
  s = ParseSubject("Ellie WATSON (nee SMITH)");
  EXPECT_EQ(s.surname, "WATSON");
  EXPECT_EQ(s.date_of_birth.precision, TimePrecision::kUnknown);
}

TEST(ParseSubject, DegenerateInput) {
  EXPECT_EQ(ParseSubject("").surname, "");
  EXPECT_EQ(ParseSubject("()").surname, "");
  EXPECT_EQ(ParseSubject(")").surname, ")");
}

TEST(ParseSubjectList, SemicolonSeparatedSkippingEmptyItems) {
  std::vector<LegacySubject> list =
      ParseSubjectList("Amelia PREECE; Donna PREECE (21/04/1971);; Donna BISHOP (10/07/1979);");
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].as_written, "Amelia PREECE");
  EXPECT_EQ(list[1].surname, "PREECE");
  EXPECT_EQ(list[1].date_of_birth.year, 1971);
  EXPECT_EQ(list[2].forename, "Donna");
  EXPECT_TRUE(ParseSubjectList("").empty());
  EXPECT_TRUE(ParseSubjectList(" ; ").empty());
}

}  // namespace
}  // namespace casefile::migration
