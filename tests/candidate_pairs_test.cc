#include "migration/match/candidate_pairs.h"

#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "migration/match/constrained_clusters.h"

namespace casefile::migration {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

std::vector<std::pair<int, int>> Visited(std::vector<KeyedRecord> entries,
                                         int cap, BlockingStats* stats = nullptr) {
  std::vector<std::pair<int, int>> out;
  BlockingStats s = ForEachCandidatePair(std::move(entries), cap,
                                         [&](int a, int b) { out.emplace_back(a, b); });
  if (stats != nullptr) *stats = s;
  return out;
}

TEST(ForEachCandidatePair, EachSharedPairOnceInOrder) {
  // 0 and 1 share two keys; 2 shares one with 1; 3 shares none.
  std::vector<KeyedRecord> entries = {
      {10, 0}, {20, 0}, {10, 1}, {20, 1}, {30, 1}, {30, 2}, {40, 3}};
  BlockingStats stats;
  EXPECT_THAT(Visited(entries, 10, &stats), ElementsAre(Pair(0, 1), Pair(1, 2)));
  EXPECT_EQ(stats.pairs, 2);
  EXPECT_EQ(stats.blocks, 3);
  EXPECT_EQ(stats.skipped_blocks, 0);
}

TEST(ForEachCandidatePair, OversizedBlocksAreSkippedButOtherKeysStillCount) {
  std::vector<KeyedRecord> entries = {{1, 0}, {1, 1}, {1, 2}, {2, 0}, {2, 2}};
  BlockingStats stats;
  EXPECT_THAT(Visited(entries, 2, &stats), ElementsAre(Pair(0, 2)));
  EXPECT_EQ(stats.skipped_blocks, 1);
}

TEST(ForEachCandidatePair, AnyInputOrderAndDuplicateEntries) {
  std::vector<KeyedRecord> entries = {{5, 2}, {5, 0}, {5, 2}, {7, 1}, {5, 1}};
  EXPECT_THAT(Visited(entries, 10),
              ElementsAre(Pair(0, 1), Pair(0, 2), Pair(1, 2)));
}

TEST(ForEachCandidatePair, LargeInputsAgreeWithSmallOnes) {
  // Record i has keys i / 2 and 1000000 + i / 3: pairs (2k, 2k+1) and the
  // triples of the second key.
  std::vector<KeyedRecord> entries;
  for (int i = 0; i < 90000; ++i) {
    entries.push_back({static_cast<uint64_t>(i / 2), i});
    entries.push_back({1000000 + static_cast<uint64_t>(i / 3), i});
  }
  std::vector<std::pair<int, int>> pairs = Visited(entries, 10);
  // Per 6 records: pairs (0,1),(2,3),(4,5) and (0,1),(0,2),(1,2),(3,4),(3,5),(4,5).
  EXPECT_EQ(pairs.size(), 90000u / 6 * 7);
  EXPECT_EQ(pairs[0], std::make_pair(0, 1));
  EXPECT_TRUE(std::is_sorted(pairs.begin(), pairs.end()));
}

TEST(BlockingKey, PartsAreSeparated) {
  EXPECT_EQ(BlockingKey({"a", "b"}), BlockingKey({"a", "b"}));
  EXPECT_NE(BlockingKey({"ab", "c"}), BlockingKey({"a", "bc"}));
  EXPECT_NE(BlockingKey({"dob", "x"}), BlockingKey({"postcode", "x"}));
}

TEST(ConstrainedClusters, CannotLinkHoldsBetweenClusters) {
  ConstrainedClusters c(4);
  c.Forbid(0, 3);
  c.Join(0, 1);
  ASSERT_TRUE(c.CanJoin(2, 3));
  c.Join(2, 3);
  EXPECT_FALSE(c.CanJoin(1, 2));  // would put 0 and 3 together
  EXPECT_TRUE(c.Together(0, 1));
  EXPECT_THAT(c.DenseIds(), ElementsAre(0, 0, 1, 1));
}

TEST(ConstrainedClusters, MembersOfSingletonsAndJoinedClusters) {
  ConstrainedClusters c(3);
  EXPECT_THAT(c.Members(2), ElementsAre(2));
  c.Join(2, 0);
  std::vector<int> members(c.Members(0).begin(), c.Members(0).end());
  std::sort(members.begin(), members.end());
  EXPECT_THAT(members, ElementsAre(0, 2));
}

TEST(ConstrainedClusters, ApplyRejectsBadAndContradictoryDecisions) {
  {
    ConstrainedClusters c(3);
    EXPECT_EQ(c.Apply({{{0, 5}}, {}}).code(), absl::StatusCode::kInvalidArgument);
  }
  {
    ConstrainedClusters c(3);
    EXPECT_EQ(c.Apply({{}, {{1, 1}}}).code(), absl::StatusCode::kInvalidArgument);
  }
  {
    ConstrainedClusters c(3);
    // 0-1 and 1-2 must link, so 0 and 2 cannot be kept apart.
    EXPECT_EQ(c.Apply({{{0, 1}, {1, 2}}, {{0, 2}}}).code(),
              absl::StatusCode::kInvalidArgument);
  }
  {
    ConstrainedClusters c(3);
    EXPECT_TRUE(c.Apply({{{0, 1}}, {{1, 2}}}).ok());
    EXPECT_FALSE(c.CanJoin(0, 2));
  }
}

}  // namespace
}  // namespace casefile::migration
