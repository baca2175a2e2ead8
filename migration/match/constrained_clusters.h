// Union-find over record indices with cannot-link constraints that hold
// between whole clusters: once a and b are kept apart, no later join may put
// a's cluster and b's cluster together, directly or through other records.
//
// Thread-compatible: one thread at a time.
#ifndef CASEFILE_MIGRATION_MATCH_CONSTRAINED_CLUSTERS_H_
#define CASEFILE_MIGRATION_MATCH_CONSTRAINED_CLUSTERS_H_

#include <vector>

#include "absl/status/status.h"
#include "absl/types/span.h"
#include "migration/match/match_result.h"

namespace casefile::migration {

class ConstrainedClusters {
 public:
  explicit ConstrainedClusters(int size);

  // Applies operator decisions: joins every must-link, then forbids every
  // cannot-link. InvalidArgument when a pair names no record, links a record
  // to itself, or when must-links chain two cannot-linked records together.
  absl::Status Apply(const OperatorDecisions& decisions);

  int size() const { return static_cast<int>(parent_.size()); }
  int Find(int x);
  bool Together(int a, int b) { return Find(a) == Find(b); }

  // False when a cannot-link runs between the clusters of a and b.
  bool CanJoin(int a, int b);
  // REQUIRES: CanJoin(a, b).
  void Join(int a, int b);
  // Keeps the clusters of a and b apart from now on.
  // REQUIRES: !Together(a, b).
  void Forbid(int a, int b);

  // The records of x's cluster (unordered); valid until the next Join.
  absl::Span<const int> Members(int x);

  // Dense cluster ids, in order of first appearance.
  std::vector<int> DenseIds();

 private:
  std::vector<int> parent_;
  // Valid at roots; empty for a root alone in its cluster (so that a million
  // singletons cost no allocations).
  std::vector<std::vector<int>> members_;
  std::vector<std::vector<int>> forbidden_;  // valid at roots: other endpoints
};

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_MATCH_CONSTRAINED_CLUSTERS_H_
