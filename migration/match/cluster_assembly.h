// The last step shared by the matchers: joins scored candidate pairs into
// clusters, strongest first, under operator decisions and a matcher-specific
// veto on joining two clusters, and collects the uncertain pairs for review.
//
// Thread-safe: pure function (the callbacks are called on the caller's
// thread).
#ifndef CASEFILE_MIGRATION_MATCH_CLUSTER_ASSEMBLY_H_
#define CASEFILE_MIGRATION_MATCH_CLUSTER_ASSEMBLY_H_

#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "migration/match/constrained_clusters.h"
#include "migration/match/match_result.h"

namespace casefile::migration {

struct ScoredPair {
  int a = 0;
  int b = 0;
  double score = 0;
  bool merge = false;  // strong enough to merge; otherwise review only
  int tag = 0;         // the caller's, e.g. where it keeps the evidence
};

enum class JoinVerdict {
  kJoin,
  kReview,  // refuse, and put the pair before an operator
  kRefuse,  // refuse silently: the pair cannot be one thing
};

struct AssemblyCallbacks {
  // Whether the (different) clusters of a and b may become one, beyond the
  // operator's cannot-links, which are always checked.
  absl::FunctionRef<JoinVerdict(ConstrainedClusters&, int, int)> may_join;
  // Called after the clusters rooted at root_a and root_b became one (rooted
  // at clusters.Find(root_a) now), e.g. to combine per-cluster state.
  absl::FunctionRef<void(ConstrainedClusters&, int root_a, int root_b)> joined;
  // The evidence text of a merged or reviewed pair.
  absl::FunctionRef<std::string(const ScoredPair&)> reason;
};

// The records that are ambiguous: among their merge partners, two that each
// score within `margin` of the record's best partner cannot be one thing
// (`conflict`), like a record that fits both twins or two weekly checks.
// Only records for which `applies` holds are checked (at most the best 16
// partners each). Their pairs should go to review, not merge.
std::vector<bool> AmbiguousRecords(int records, const std::vector<ScoredPair>& pairs,
                                   double margin, absl::FunctionRef<bool(int)> applies,
                                   absl::FunctionRef<bool(int, int)> conflict);

// `clusters` holds the operator decisions already; it ends holding the result.
MatchResult AssembleClusters(ConstrainedClusters& clusters,
                             std::vector<ScoredPair> pairs,
                             const AssemblyCallbacks& callbacks);

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_MATCH_CLUSTER_ASSEMBLY_H_
