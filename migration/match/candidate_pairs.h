// Candidate blocking: records that share a blocking key (a 64-bit hash of a
// name code, a date, a text band...) are compared; all others never are. Each
// pair is visited once however many keys it shares, and blocks larger than a
// cap are skipped (their records must meet through more specific keys), so the
// work stays near-linear in the number of records.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_MIGRATION_MATCH_CANDIDATE_PAIRS_H_
#define CASEFILE_MIGRATION_MATCH_CANDIDATE_PAIRS_H_

#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

#include "absl/functional/function_ref.h"

namespace casefile::migration {

// A blocking key made of parts (a tag naming the kind of key first, so that
// keys of different kinds do not collide): a 64-bit FNV-1a hash of the parts
// with separators, the same on every run and machine.
uint64_t BlockingKey(std::initializer_list<std::string_view> parts);

struct KeyedRecord {
  uint64_t key = 0;
  int record = 0;
};

struct BlockingStats {
  int64_t blocks = 0;          // keys shared by two or more records
  int64_t skipped_blocks = 0;  // of those, larger than the cap
  int64_t pairs = 0;           // distinct pairs visited
};

// `entries` holds every (key, record) of every record (duplicates allowed),
// best in ascending record order. Calls `visit(a, b)` with a < b, in
// ascending order of (a, b), once for every pair of records that share at
// least one key whose block has at most `max_block_size` records. Linear
// time (radix sorts) in the entries and the pairs.
BlockingStats ForEachCandidatePair(std::vector<KeyedRecord> entries,
                                   int max_block_size,
                                   absl::FunctionRef<void(int, int)> visit);

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_MATCH_CANDIDATE_PAIRS_H_
