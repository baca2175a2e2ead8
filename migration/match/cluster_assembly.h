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
};

struct AssemblyCallbacks {
  // Whether the (different) clusters of a and b may become one, beyond the
  // operator's cannot-links, which are always checked. A refused merge goes
  // to review.
  absl::FunctionRef<bool(ConstrainedClusters&, int, int)> may_join;
  // Called after the clusters of a and b were joined.
  absl::FunctionRef<void(ConstrainedClusters&, int, int)> joined;
  // The evidence text of a merged or reviewed pair.
  absl::FunctionRef<std::string(int, int)> reason;
};

// `clusters` holds the operator decisions already; it ends holding the result.
MatchResult AssembleClusters(ConstrainedClusters& clusters,
                             std::vector<ScoredPair> pairs,
                             const AssemblyCallbacks& callbacks);

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_MATCH_CLUSTER_ASSEMBLY_H_
