#include "bench/support/pair_scores.h"

#include <algorithm>

#include "absl/container/flat_hash_map.h"

namespace casefile::bench {
namespace {

int64_t Pairs(int64_t k) { return k * (k - 1) / 2; }

}  // namespace

PairScores ScorePairs(std::span<const std::string> truth, std::span<const int64_t> cluster,
                      const ReviewedClusters& reviewed) {
  PairScores s;
  // Per true entity, how many of its records each cluster holds.
  absl::flat_hash_map<std::string_view, absl::flat_hash_map<int64_t, int64_t>> clusters_of;
  absl::flat_hash_map<int64_t, int64_t> cluster_size;
  for (size_t i = 0; i < truth.size(); ++i) {
    ++clusters_of[truth[i]][cluster[i]];
    ++cluster_size[cluster[i]];
  }
  for (const auto& [c, k] : cluster_size) s.merged_pairs += Pairs(k);
  for (const auto& [entity, counts] : clusters_of) {
    int64_t records = 0;
    for (const auto& [c, k] : counts) {
      records += k;
      s.correct_pairs += Pairs(k);
    }
    s.true_pairs += Pairs(records);
    for (const auto& [x, count_x] : counts) {
      for (const auto& [y, count_y] : counts) {
        if (x < y && reviewed.contains(std::pair{x, y})) s.correct_with_review += count_x * count_y;
      }
    }
  }
  s.correct_with_review += s.correct_pairs;
  return s;
}

void TallyReviewItem(const v1::ReviewItem& item, const absl::flat_hash_map<std::string, int64_t>& record_of_locator,
                     std::span<const std::string> truth, std::span<const int64_t> cluster, ReviewTally& tally) {
  if (item.kind() != v1::ReviewItem::KIND_PERSON) return;
  ++tally.items;
  auto a = record_of_locator.find(item.left().locator()), b = record_of_locator.find(item.right().locator());
  if (a == record_of_locator.end() || b == record_of_locator.end()) return;
  if (truth[a->second] == truth[b->second]) ++tally.joining_one_entity;
  tally.reviewed.insert(std::minmax(cluster[a->second], cluster[b->second]));
}

}  // namespace casefile::bench
