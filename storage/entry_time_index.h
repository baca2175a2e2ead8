// The chronology of each case in time order (keys::EntryInTime): a row per
// entry, put by SaveEntry in the transaction that saves the entry, read a
// chain of corrections at a time, oldest first or newest first. Where an
// entry sits is the domain's decision (core/chronology/entry_time_order.h);
// storage keeps the rows in that order.
//
// Thread-safety: as the transaction passed in.
#ifndef CASEFILE_STORAGE_ENTRY_TIME_INDEX_H_
#define CASEFILE_STORAGE_ENTRY_TIME_INDEX_H_

#include <cstdint>
#include <string>

#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "storage/lmdb.h"

namespace casefile::storage {

// Where an entry sits in its case's time order.
struct EntryPlace {
  int64_t time = 0;    // when its chain's first entry happened, as an order (earlier is less)
  uint64_t chain = 0;  // the entry its chain of corrections starts from (itself if it corrects nothing)
  bool operator==(const EntryPlace&) const = default;
};

// One row of the index.
struct EntryTimeRow {
  EntryPlace place;
  uint64_t number = 0;
  int kind = 0;  // the entry's casefile.v1.EntryKind
};

absl::Status PutEntryTimeRow(LmdbTxn& txn, absl::string_view case_id, const EntryPlace& place, uint64_t number,
                             int kind);

// A stretch of a case's index: the rows whose keys lie in [from, until);
// empty `from` is the case's first row, empty `until` past its last.
struct TimeRange {
  std::string from;
  std::string until;
};

// Calls `visit` with the rows of each chain in `range` (rows in key order;
// chains oldest first, or newest first when `newest_first`), leaving out the
// rows of entries numbered above `last` (written after a read began), and
// the key of the chain's first row. `visit` returns false to stop.
absl::Status VisitChainsInTime(
    const LmdbTxn& txn, absl::string_view case_id, const TimeRange& range, uint64_t last, bool newest_first,
    absl::FunctionRef<absl::StatusOr<bool>(absl::Span<const EntryTimeRow> chain, absl::string_view first_key)> visit);

// The first key after the rows of the chain whose first row is `first_key`
// (where a read that sent that chain goes on).
std::string KeyAfterChain(absl::string_view first_key);

}  // namespace casefile::storage

#endif  // CASEFILE_STORAGE_ENTRY_TIME_INDEX_H_
