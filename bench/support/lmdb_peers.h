// The raw-LMDB peers of the benchmarks, using casefile's own LMDB wrapper and
// key layout with none of the service around them:
//  - LmdbAppender: one entry per durable commit (the cost group commit exists
//    to amortise);
//  - ScanCaseEntries: a case's entries read in ~1 MiB chunks, one short read
//    transaction per chunk, encoded into response messages exactly as
//    GetCaseFile reads them (storage::LoadEncodedEntryChunk).
//
// Thread-safety: LmdbAppender::Append may be called from any thread (LMDB
// serialises write transactions); ScanCaseEntries is thread-safe.
#ifndef CASEFILE_BENCH_SUPPORT_LMDB_PEERS_H_
#define CASEFILE_BENCH_SUPPORT_LMDB_PEERS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "storage/lmdb.h"

namespace casefile::bench {

class LmdbAppender {
 public:
  // A new environment in `dir`; values are `values[i % values.size()]`.
  static absl::StatusOr<LmdbAppender> Open(const std::string& dir, std::vector<std::string> values,
                                           int cases);

  // Writes entry `i` (of case i % cases) in its own durable transaction.
  // Returns the value bytes written.
  absl::StatusOr<int64_t> Append(int64_t i);

 private:
  LmdbAppender(storage::LmdbEnv env, std::vector<std::string> values, int cases)
      : env_(std::move(env)), values_(std::move(values)), cases_(cases) {}
  storage::LmdbEnv env_;
  std::vector<std::string> values_;
  int cases_;
};

// Reads entries 1..`last` of `case_id`; returns the message bytes built.
// The same in time order (storage::LoadEncodedEntriesInTime, every chain kept).
absl::StatusOr<int64_t> ScanCaseEntriesInTime(const storage::LmdbEnv& env, const std::string& case_id,
                                              uint64_t last, size_t chunk_bytes);
absl::StatusOr<int64_t> ScanCaseEntries(const storage::LmdbEnv& env, const std::string& case_id,
                                        uint64_t last, size_t chunk_bytes);

}  // namespace casefile::bench

#endif  // CASEFILE_BENCH_SUPPORT_LMDB_PEERS_H_
