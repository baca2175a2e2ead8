#include "core/names/name_tokens.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace casefile {
namespace {

using ::testing::ElementsAre;

TEST(NameTokensTest, SplitsOnAnythingButLettersAndDigits) {
  EXPECT_THAT(NameTokens("Ellie WATSON (03/04/2008)"),
              ElementsAre("ellie", "watson", "03", "04", "2008"));
  EXPECT_THAT(NameTokens("O'Brien, Smith-Jones"), ElementsAre("o", "brien", "smith", "jones"));
  EXPECT_THAT(NameTokens("\tMcDONALD\n"), ElementsAre("mcdonald"));
}

TEST(NameTokensTest, NonAsciiBytesStayInTheirToken) {
  EXPECT_THAT(NameTokens("Zoë Brontë-żak"), ElementsAre("zoë", "brontë", "żak"));
  // Only ASCII letters are lower-cased (no Unicode case folding yet).
  EXPECT_THAT(NameTokens("ZOË"), ElementsAre("zoË"));
}

TEST(NameTokensTest, NothingToIndex) {
  EXPECT_THAT(NameTokens(""), ElementsAre());
  EXPECT_THAT(NameTokens("  ,, -- () "), ElementsAre());
}

}  // namespace
}  // namespace casefile
