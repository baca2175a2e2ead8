#include "core/names/name_normalise.h"

#include "core/names/forename_variants.h"
#include "core/names/phonetic.h"
#include "core/names/text_fold.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace casefile::migration {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(FoldToAscii, AccentsQuotesAndDashes) {
  EXPECT_EQ(FoldToAscii("Zo\xC3\xAB"), "zoe");              // Zoë
  EXPECT_EQ(FoldToAscii("Si\xC3\xA2n"), "sian");            // Siân
  EXPECT_EQ(FoldToAscii("Jos\xC3\xA9"), "jose");            // José
  EXPECT_EQ(FoldToAscii("\xC5\x81ukasz"), "lukasz");        // Łukasz
  EXPECT_EQ(FoldToAscii("Stra\xC3\x9F" "e"), "strasse");    // Straße
  EXPECT_EQ(FoldToAscii("\xE2\x80\x9CHi\xE2\x80\x9D"), "\"hi\"");
  EXPECT_EQ(FoldToAscii("it\xE2\x80\x99s"), "it's");
  EXPECT_EQ(FoldToAscii("UPDATE \xE2\x80\x93 x"), "update - x");
  EXPECT_EQ(FoldToAscii("\xC2\xA3" "5"), " 5");  // £ is no letter
}

TEST(FoldToAscii, InvalidUtf8BecomesSpaces) {
  EXPECT_EQ(FoldToAscii("a\xFF" "b"), "a b");
  EXPECT_EQ(FoldToAscii("a\xC3"), "a ");  // truncated sequence
  EXPECT_EQ(FoldToAscii("\x80z"), " z");
}

TEST(NormaliseName, LettersOnly) {
  EXPECT_EQ(NormaliseName("O'Brien"), "obrien");
  EXPECT_EQ(NormaliseName("  SMITH-JONES "), "smithjones");
  EXPECT_EQ(NormaliseName("Zo\xC3\xAB"), "zoe");
  EXPECT_EQ(NormaliseName(""), "");
}

TEST(FirstNameWord, StopsAtTheFirstSeparator) {
  EXPECT_EQ(FirstNameWord("Mary-Jane Ann"), "mary");
  EXPECT_EQ(FirstNameWord("  Mary Jane"), "mary");
  EXPECT_EQ(FirstNameWord("D'Arcy"), "darcy");
}

TEST(NormalisePostcode, LettersAndDigits) {
  EXPECT_EQ(NormalisePostcode("HR1 0QL"), "hr10ql");
  EXPECT_EQ(NormalisePostcode(" hr1-0ql "), "hr10ql");
}

TEST(NormaliseAddressLine, WordsAndAbbreviations) {
  EXPECT_EQ(NormaliseAddressLine("126  Whitecross Rd."), "126 whitecross road");
  EXPECT_EQ(NormaliseAddressLine("12 Eign St,"), "12 eign street");
  EXPECT_EQ(NormaliseAddressLine(""), "");
}

TEST(SplitHouseNumber, NumberFirst) {
  HouseAndStreet a = SplitHouseNumber("126 whitecross road");
  EXPECT_EQ(a.number, "126");
  EXPECT_EQ(a.street, "whitecross road");
  HouseAndStreet b = SplitHouseNumber("12a eign street");
  EXPECT_EQ(b.number, "12a");
  EXPECT_EQ(b.street, "eign street");
  HouseAndStreet c = SplitHouseNumber("the old rectory");
  EXPECT_EQ(c.number, "");
  EXPECT_EQ(c.street, "the old rectory");
  EXPECT_EQ(SplitHouseNumber("7").number, "7");
}

TEST(Soundex, AmericanSoundex) {
  EXPECT_EQ(Soundex("robert"), "r163");
  EXPECT_EQ(Soundex("rupert"), "r163");
  EXPECT_EQ(Soundex("ashcraft"), "a261");  // h does not separate s and c
  EXPECT_EQ(Soundex("tymczak"), "t522");
  EXPECT_EQ(Soundex("pfister"), "p236");
  EXPECT_EQ(Soundex("lee"), "l000");
  EXPECT_EQ(Soundex(""), "");
}

TEST(ForenameVariants, NicknamesAndFullNames) {
  EXPECT_TRUE(AreForenameVariants("bill", "william"));
  EXPECT_TRUE(AreForenameVariants("william", "bill"));
  EXPECT_TRUE(AreForenameVariants("bill", "will"));
  EXPECT_TRUE(AreForenameVariants("alex", "alexandra"));
  EXPECT_FALSE(AreForenameVariants("alexander", "alexandra"));
  EXPECT_FALSE(AreForenameVariants("william", "william"));
  EXPECT_FALSE(AreForenameVariants("william", "robert"));
  EXPECT_FALSE(AreForenameVariants("unknownname", "bill"));
}

TEST(ForenameVariants, DistinctLookAlikes) {
  EXPECT_TRUE(AreDistinctForenames("alexander", "alexandra"));
  EXPECT_TRUE(AreDistinctForenames("danielle", "daniel"));
  EXPECT_TRUE(AreDistinctForenames("edward", "edwin"));
  EXPECT_FALSE(AreDistinctForenames("stephen", "steven"));  // one name, two spellings
  EXPECT_FALSE(AreDistinctForenames("bill", "william"));
  EXPECT_FALSE(AreDistinctForenames("danielle", "danielle"));
}

TEST(ForenameVariants, FamilyKeysAreSharedByVariants) {
  EXPECT_THAT(ForenameFamilyKeys("bill"), ElementsAre("william"));
  EXPECT_THAT(ForenameFamilyKeys("william"), ElementsAre("william"));
  EXPECT_THAT(ForenameFamilyKeys("sam"), ElementsAre("samantha", "samuel"));
  EXPECT_THAT(ForenameFamilyKeys("edwin"), ElementsAre("edward"));
  EXPECT_THAT(ForenameFamilyKeys("danielle"), ElementsAre("danielle"));
  EXPECT_THAT(ForenameFamilyKeys("nosuchname"), IsEmpty());
}

TEST(ForenameVariants, GenderedForms) {
  EXPECT_TRUE(AreGenderedForms("paul", "paula"));
  EXPECT_TRUE(AreGenderedForms("kristina", "kristian"));
  EXPECT_TRUE(AreGenderedForms("daniel", "danielle"));
  EXPECT_TRUE(AreGenderedForms("antonio", "antonia"));
  EXPECT_TRUE(AreGenderedForms("francis", "frances"));
  EXPECT_FALSE(AreGenderedForms("stephen", "stephe"));  // a dropped letter
  EXPECT_FALSE(AreGenderedForms("logan", "logna"));     // two letters swapped
  EXPECT_TRUE(AreDistinctForenames("louis", "louise"));
  EXPECT_FALSE(AreGenderedForms("mikhayla", "mikhaylq"));  // a typo
  EXPECT_FALSE(AreGenderedForms("emma", "emily"));
  EXPECT_FALSE(AreGenderedForms("al", "ala"));  // stems too short to tell
  EXPECT_FALSE(AreGenderedForms("paula", "paula"));
}

TEST(ForenameVariants, CommonNamesInTheirOwnRight) {
  for (const char* name : {"mark", "mary", "jon", "joan", "ellie", "ella", "chloe", "sian"}) {
    EXPECT_TRUE(IsCommonForename(LookupForename(name))) << name;
  }
  EXPECT_FALSE(IsCommonForename(LookupForename("marj")));  // a slip, not a name
  EXPECT_FALSE(IsCommonForename(LookupForename("nosuchname")));
  EXPECT_FALSE(IsCommonForename(kUnknownForename));
  // Looking a name up for the common list gives it no nickname family.
  EXPECT_FALSE(AreForenameVariants("mark", "mary"));
  EXPECT_FALSE(AreDistinctForenames("mark", "mary"));
}

TEST(ForenameVariants, SpellingsOfOneNameAreVariants) {
  EXPECT_TRUE(AreForenameVariants("tracy", "tracey"));
  EXPECT_TRUE(AreForenameVariants("catherine", "kathryn"));
  EXPECT_FALSE(AreDistinctForenames("catherine", "katherine"));
  EXPECT_FALSE(AreForenameVariants("mark", "mary"));
}

TEST(ForenameVariants, AnyVariantVisitsTheNamesOfOneFamily) {
  std::vector<std::string> seen;
  EXPECT_FALSE(AnyVariant(LookupForename("bill"), [&](std::string_view name) {
    seen.emplace_back(name);
    return false;
  }));
  EXPECT_THAT(seen, ::testing::UnorderedElementsAre("william", "billy", "will", "willy",
                                                    "willie", "liam"));
  // Two full names of one family are not variants: Alexander is not visited
  // from Alexandra, Alex is.
  seen.clear();
  AnyVariant(LookupForename("alexandra"), [&](std::string_view name) {
    seen.emplace_back(name);
    return false;
  });
  EXPECT_THAT(seen, ::testing::UnorderedElementsAre("alex", "al", "lexi", "sandy"));
  EXPECT_TRUE(AnyVariant(LookupForename("william"),
                         [](std::string_view name) { return name == "bill"; }));
  EXPECT_FALSE(AnyVariant(kUnknownForename, [](std::string_view) { return true; }));
}

TEST(ForenameVariants, LookupGivesStableIds) {
  EXPECT_EQ(LookupForename("nosuchname"), kUnknownForename);
  EXPECT_NE(LookupForename("bill"), kUnknownForename);
  EXPECT_EQ(LookupForename("bill"), LookupForename("bill"));
  EXPECT_TRUE(AreForenameVariants(LookupForename("bob"), LookupForename("robert")));
}

}  // namespace
}  // namespace casefile::migration
