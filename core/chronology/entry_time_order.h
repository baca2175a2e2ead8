// The time order of a case's chronology: where each entry sits in the store's
// time index (storage/entry_time_index.h), the rule every reader of it gets.
//
//   - By when it happened: the start of its partial time (core/time SortKey),
//     so "Nov 2012" sits at 1 Nov 2012. At one start, the coarser time comes
//     first: 2012, then Jan 2012, then 1 Jan 2012, then 1 Jan 2012 00:00.
//   - Entries of unknown time come after every dated one.
//   - A correction sits right after the entry it corrects, at that entry's
//     place (the chain of corrections stays together, placed by the entry it
//     starts from), whatever time the correction gives.
//   - Ties (the same time, to the same precision) go in the order the entries
//     were recorded (entry number, which grows with the recorded time).
//
// Thread-safety: as the transaction passed in; pure otherwise.
#ifndef CASEFILE_CORE_CHRONOLOGY_ENTRY_TIME_ORDER_H_
#define CASEFILE_CORE_CHRONOLOGY_ENTRY_TIME_ORDER_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "casefile/v1/case.pb.h"
#include "storage/entry_time_index.h"
#include "storage/lmdb.h"
#include "storage/store.h"

namespace casefile {

// The order of a time: earlier is less, unknown greatest.
int64_t TimeOrder(const v1::PartialTime& t);

// Where `entry` (named and numbered, about to be saved) sits: its own time
// and number, or, for a correction, the place of the entry it corrects.
absl::StatusOr<storage::EntryPlace> PlaceInTime(const storage::LmdbTxn& txn, absl::string_view case_id,
                                                const v1::Entry& entry);

// Builds the time index of every case of a store written before it existed,
// once (Store::RunOnce), at start.
absl::Status IndexEntriesInTimeOrder(storage::Store& store);

}  // namespace casefile

#endif  // CASEFILE_CORE_CHRONOLOGY_ENTRY_TIME_ORDER_H_
