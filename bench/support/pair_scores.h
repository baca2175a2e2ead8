// Pairwise scores of a clustering of records against the truth: what the
// person accuracy benchmarks report.
//  - precision: of the pairs put in one cluster, the share in one true entity;
//  - recall: of the true pairs, the share put in one cluster;
//  - recall with review: the true pairs in one cluster, or in two clusters
//    that one open review item joins (an operator who accepts it merges
//    them), as a share of the true pairs.
//
// Thread-safety: pure functions.
#ifndef CASEFILE_BENCH_SUPPORT_PAIR_SCORES_H_
#define CASEFILE_BENCH_SUPPORT_PAIR_SCORES_H_

#include <cstdint>
#include <span>
#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "casefile/v1/import.pb.h"

namespace casefile::bench {

struct PairScores {
  int64_t true_pairs = 0;           // pairs of records of one true entity
  int64_t merged_pairs = 0;         // pairs of records in one cluster
  int64_t correct_pairs = 0;        // both
  int64_t correct_with_review = 0;  // true pairs merged or joined by one review item

  double Precision() const { return merged_pairs ? double(correct_pairs) / merged_pairs : 1.0; }
  double Recall() const { return true_pairs ? double(correct_pairs) / true_pairs : 1.0; }
  double RecallWithReview() const { return true_pairs ? double(correct_with_review) / true_pairs : 1.0; }
};

// Pairs of clusters joined by an open review item, each as (smaller, larger).
using ReviewedClusters = absl::flat_hash_set<std::pair<int64_t, int64_t>>;

// truth[i] is record i's true entity, cluster[i] the cluster it was put in.
// REQUIRES: truth.size() == cluster.size().
PairScores ScorePairs(std::span<const std::string> truth, std::span<const int64_t> cluster,
                      const ReviewedClusters& reviewed);

// The open person review items of a run, as pairs of clusters.
struct ReviewTally {
  int64_t items = 0;               // person review items seen
  int64_t joining_one_entity = 0;  // of them, joining two records of one true entity
  ReviewedClusters reviewed;
};

// Counts `item` if it is a person item and, when both its sides are records
// of `record_of_locator` (locator -> index into truth and cluster), the
// clusters it joins.
void TallyReviewItem(const v1::ReviewItem& item, const absl::flat_hash_map<std::string, int64_t>& record_of_locator,
                     std::span<const std::string> truth, std::span<const int64_t> cluster, ReviewTally& tally);

}  // namespace casefile::bench

#endif  // CASEFILE_BENCH_SUPPORT_PAIR_SCORES_H_
