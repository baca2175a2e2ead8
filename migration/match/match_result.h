// What the record-linkage engines (person_matcher.h, event_matcher.h) take
// from the operator and give back: clusters of records that describe one
// thing, the evidence for every automatic merge, and the uncertain pairs an
// operator must decide. Records are named by their index in the input.
//
// Thread-safe: plain value types.
#ifndef CASEFILE_MIGRATION_MATCH_MATCH_RESULT_H_
#define CASEFILE_MIGRATION_MATCH_MATCH_RESULT_H_

#include <cstdint>
#include <string>
#include <vector>

namespace casefile::migration {

struct RecordPair {
  int a = 0;
  int b = 0;
  bool operator==(const RecordPair&) const = default;
};

// Decisions an operator has already taken; a matcher always honours them.
// A cannot-link holds between the two clusters, so no chain of merges may
// join them either.
struct OperatorDecisions {
  std::vector<RecordPair> must_link;
  std::vector<RecordPair> cannot_link;
};

// Why two records were merged, or why they might be.
struct MatchEvidence {
  int a = 0;
  int b = 0;
  double score = 0;    // higher is stronger evidence of one thing
  std::string reason;  // short; names fields and how they agreed, never values
};

struct MatchResult {
  // Cluster id per input record: dense from 0, in order of first appearance.
  std::vector<int> cluster;
  // One per automatic merge (the edges that built the clusters, operator
  // must-links excluded).
  std::vector<MatchEvidence> merges;
  // Uncertain pairs for an operator, strongest evidence first; at most one per
  // pair of clusters, never two records of one cluster, never a cannot-link.
  std::vector<MatchEvidence> review;

  // Work done, for benchmarks: pairs compared, and blocks too large to use.
  int64_t candidate_pairs = 0;
  int64_t skipped_blocks = 0;
};

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_MATCH_MATCH_RESULT_H_
