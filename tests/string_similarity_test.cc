#include "core/names/string_similarity.h"

#include "gtest/gtest.h"

namespace casefile::migration {
namespace {

TEST(JaroWinkler, ClassicValues) {
  EXPECT_NEAR(JaroWinkler("martha", "marhta"), 0.9611, 1e-4);
  EXPECT_NEAR(JaroWinkler("dwayne", "duane"), 0.84, 1e-4);
  EXPECT_NEAR(JaroWinkler("dixon", "dicksonx"), 0.8133, 1e-4);
  EXPECT_DOUBLE_EQ(JaroWinkler("smith", "smith"), 1.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("abc", "xyz"), 0.0);
}

TEST(JaroWinkler, EmptyStrings) {
  EXPECT_DOUBLE_EQ(JaroWinkler("", ""), 1.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("", "a"), 0.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("a", ""), 0.0);
}

TEST(JaroWinkler, LongStringsUseTheHeap) {
  const std::string a(100, 'a');
  std::string b = a;
  b[50] = 'b';
  // 99 of 100 characters match: Jaro 2.98 / 3, plus the prefix bonus.
  EXPECT_NEAR(JaroWinkler(a, b), 0.996, 1e-9);
}

TEST(JaroWinklerAbove, ExactAboveTheFloorBelowItOtherwise) {
  EXPECT_DOUBLE_EQ(JaroWinklerAbove("martha", "marhta", 0.9),
                   JaroWinkler("martha", "marhta"));
  EXPECT_LT(JaroWinklerAbove("smith", "jones", 0.8), 0.8);
  EXPECT_DOUBLE_EQ(JaroWinklerAbove("abc", "xyz", 0.5), 0.0);
  EXPECT_DOUBLE_EQ(JaroWinklerAbove("same", "same", 0.99), 1.0);
}

TEST(BoundedEditDistance, CountsEditsUpToTheLimit) {
  EXPECT_EQ(BoundedEditDistance("kitten", "sitting", 5), 3);
  EXPECT_EQ(BoundedEditDistance("kitten", "sitting", 2), 3);  // limit + 1
  EXPECT_EQ(BoundedEditDistance("smith", "smith", 2), 0);
  EXPECT_EQ(BoundedEditDistance("smith", "smyth", 2), 1);
  EXPECT_EQ(BoundedEditDistance("", "abc", 5), 3);
  EXPECT_EQ(BoundedEditDistance("abcdef", "ab", 2), 3);  // lengths alone
}

TEST(BoundedEditDistance, AdjacentTranspositionIsOneEdit) {
  EXPECT_EQ(BoundedEditDistance("ab", "ba", 2), 1);
  EXPECT_EQ(BoundedEditDistance("campbell", "campblel", 2), 1);
  EXPECT_EQ(BoundedEditDistance("19801205", "19802105", 2), 1);
  // Optimal string alignment: no edits of a transposed pair.
  EXPECT_EQ(BoundedEditDistance("ca", "abc", 3), 3);
}

TEST(BoundedEditDistance, LongStrings) {
  const std::string a(100, 'a');
  std::string b = a;
  b[10] = 'x';
  b[90] = 'y';
  EXPECT_EQ(BoundedEditDistance(a, b, 2), 2);
  EXPECT_EQ(BoundedEditDistance(a, b, 1), 2);
}

}  // namespace
}  // namespace casefile::migration
