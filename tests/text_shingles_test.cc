#include "migration/text_shingles.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace casefile::migration {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::SizeIs;

constexpr char kVisit[] =
    "Visited home address with SW Jones. Ellie Watson seen and spoken to alone in her bedroom. "
    "She said that Mark had shouted at her mother last night and thrown a mug at the wall. Ellie "
    "appeared calm and well cared for. Advised mother regarding safety planning and agreed a "
    "further visit next week.";

double Similarity(absl::string_view a, absl::string_view b) {
  return CopySimilarity(PrepareText(a), PrepareText(b));
}

TEST(FoldTextTest, KeepsLowerCasedLettersAndDigitsOnly) {
  EXPECT_EQ(FoldText("Visited HOME address,\r\nwith SW Jones at 14:30!"),
            "visitedhomeaddresswithswjonesat1430");
  EXPECT_EQ(FoldText(""), "");
  EXPECT_EQ(FoldText(" .,;:-\t\n"), "");
}

TEST(FoldTextTest, KeepsAccentedLettersAsTheyStand) {
  EXPECT_EQ(FoldText("Zoë ÉVANS, Siân"), "zoëÉvanssiân");
}

TEST(FoldTextTest, DropsTypographicPunctuationLikeItsAsciiForms) {
  // Curly quotes, dashes, the ellipsis of a shortened copy, a no-break space
  // and guillemets fold away just as ' " - ... and a space do.
  EXPECT_EQ(FoldText("\u2018Mum\u2019 said \u201Cno\u201D \u2013 then\u00A0left\u2026 \u00ABok\u00BB"),
            FoldText("'Mum' said \"no\" - then left... \"ok\""));
  EXPECT_EQ(FoldText("UPDATE \u2013 Visited"), "updatevisited");
}

TEST(ShinglesTest, AreTheSortedDistinctFourCharacterRuns) {
  // "abcdabcd": abcd, bcda, cdab, dabc, abcd again.
  std::vector<uint32_t> s = Shingles("abcd-ABCD");
  EXPECT_THAT(s, SizeIs(4));
  EXPECT_TRUE(std::is_sorted(s.begin(), s.end()));
  EXPECT_EQ(std::adjacent_find(s.begin(), s.end()), s.end());
  EXPECT_THAT(Shingles("abcd"), SizeIs(1));
}

TEST(ShinglesTest, ShortAndEmptyTexts) {
  EXPECT_THAT(Shingles(""), IsEmpty());
  EXPECT_THAT(Shingles("?! ..."), IsEmpty());
  EXPECT_THAT(Shingles("ok"), SizeIs(1));  // shorter than a run: the whole text
  EXPECT_EQ(Shingles("OK."), Shingles("ok"));
  EXPECT_NE(Shingles("ok"), Shingles("no"));
}

TEST(ShinglesTest, IgnoreCapitalsPunctuationAndLineBreaks) {
  EXPECT_EQ(Shingles("Visited home address, with SW Jones."),
            Shingles("VISITED HOME\r\nADDRESS WITH\nSW JONES"));
}

TEST(PrepareTextTest, HoldsTheFoldedTextAndItsShingles) {
  ShingledText t = PrepareText("Seen at Home.");
  EXPECT_EQ(t.folded, "seenathome");
  EXPECT_EQ(t.shingles, Shingles("Seen at Home."));
}

TEST(ContainmentTest, SharedOverTheSmallerSet) {
  EXPECT_DOUBLE_EQ(Containment({1, 2, 3}, {2, 3, 4, 5}), 2.0 / 3);
  EXPECT_DOUBLE_EQ(Containment({2, 3, 4, 5}, {1, 2, 3}), 2.0 / 3);
  EXPECT_DOUBLE_EQ(Containment({2, 3}, {1, 2, 3, 4}), 1.0);
  EXPECT_DOUBLE_EQ(Containment({1, 2}, {3, 4}), 0.0);
  EXPECT_DOUBLE_EQ(Containment({}, {1}), 0.0);
  EXPECT_DOUBLE_EQ(Containment({}, {}), 0.0);
}

TEST(CopySimilarityTest, ExactReflowedAndRecapitalisedCopiesScoreOne) {
  std::string reflowed = kVisit;
  for (size_t at : {60, 140, 200}) reflowed[reflowed.find(' ', at)] = '\n';
  EXPECT_DOUBLE_EQ(Similarity(kVisit, kVisit), 1.0);
  EXPECT_DOUBLE_EQ(Similarity(kVisit, reflowed), 1.0);
  EXPECT_DOUBLE_EQ(Similarity(kVisit, absl::StrCat("  ", kVisit, "\r\n")), 1.0);
}

TEST(CopySimilarityTest, PrefixedAndCurlyQuotedCopiesScoreOne) {
  EXPECT_DOUBLE_EQ(Similarity(kVisit, absl::StrCat("UPDATE - ", kVisit)), 1.0);
  EXPECT_DOUBLE_EQ(Similarity(kVisit, absl::StrCat("UPDATE \u2013 ", kVisit)), 1.0);
  EXPECT_DOUBLE_EQ(Similarity("She said 'no' to Mark and left the room at once.",
                              "She said \u2018no\u2019 to Mark and left the room at once."),
                   1.0);
}

TEST(CopySimilarityTest, CopiesCutShortScoreOne) {
  const std::string text = kVisit;
  for (size_t keep : {40, 100, 200}) {
    EXPECT_DOUBLE_EQ(Similarity(kVisit, absl::StrCat(text.substr(0, keep), "\u2026")), 1.0) << keep;
    EXPECT_DOUBLE_EQ(Similarity(kVisit, absl::StrCat(text.substr(0, keep), "...")), 1.0) << keep;
  }
}

TEST(CopySimilarityTest, AFewTyposInCapitalsStayHighButNotOne) {
  const char kTyped[] =
      "VISITED HOME ADDRESS WITH SW JONES. ELLIE WATSON SEEN AND SPOKEN TO ALONE IN HER BEDROM. "
      "SHE SAID THAT MARK HAD SHOUTED AT HER MOTHER LAST NIGHT AND THROWN A MUG AT THE WALL. ELLIE "
      "APPEARED CLAM AND WELL CARED FOR. ADVISED MOTHER REGARDING SAFTEY PLANNING AND AGREED A "
      "FURTHER VISIT NEXT WEEK.";
  const double s = Similarity(kVisit, kTyped);
  EXPECT_GE(s, 0.9);
  EXPECT_LT(s, 1.0);
}

TEST(CopySimilarityTest, IsSymmetric) {
  const std::string shortened = std::string(kVisit).substr(0, 120);
  const std::string prefixed = absl::StrCat("Further to previous: ", kVisit);
  EXPECT_DOUBLE_EQ(Similarity(kVisit, shortened), Similarity(shortened, kVisit));
  EXPECT_DOUBLE_EQ(Similarity(prefixed, shortened), Similarity(shortened, prefixed));
}

TEST(CopySimilarityTest, PhrasesScatteredThroughALongerTextScoreLowUnlikeContainment) {
  // Every phrase of the short text occurs in the long one, but far apart.
  const char kScattered[] =
      "Advised mother regarding safety planning. Ellie Watson seen and spoken to alone. Thrown a "
      "mug at the wall.";
  EXPECT_GE(Containment(Shingles(kScattered), Shingles(kVisit)), 0.9);
  EXPECT_LT(Similarity(kScattered, kVisit), 0.55);
}

TEST(CopySimilarityTest, DifferentCallsOnOneDayScoreLow) {
  EXPECT_LT(Similarity("Telephone call from school. Ellie arrived late and upset and said she had "
                       "not eaten breakfast.",
                       "Telephone call to CSC duty social worker to share concerns and request a "
                       "strategy discussion."),
            0.55);
}

TEST(CopySimilarityTest, EmptyTextsScoreZero) {
  EXPECT_DOUBLE_EQ(Similarity("", kVisit), 0.0);
  EXPECT_DOUBLE_EQ(Similarity("", ""), 0.0);
  EXPECT_DOUBLE_EQ(Similarity("...", "--"), 0.0);
}

}  // namespace
}  // namespace casefile::migration
