// The cases of each owner and of each team, most recently written first
// (keys O\0 and T\0, storage/keys.h): what a person's home page lists.
//
// Kept on write: every write of a case moves its two rows in the write's own
// transaction (at most two deletes and two puts, O(log n) each on pages the
// write touches anyway; no scan). Reading a page is one seek and a cursor
// walk of the rows of that owner or team only, whatever the number of cases.
// Cases of older stores have no owner or team and no rows until assigned.
//
// Thread-safety: as the transaction passed in.
#ifndef CASEFILE_STORAGE_CASE_WRITE_INDEX_H_
#define CASEFILE_STORAGE_CASE_WRITE_INDEX_H_

#include <cstdint>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "casefile/v1/case.pb.h"
#include "storage/lmdb.h"

namespace casefile::storage {

// Where a case stands in the owner and team indexes: no row for an empty
// owner or team, nor for a case never written since update_time existed.
struct WritePlace {
  std::string owner;
  std::string team;
  int64_t written_micros = 0;  // Case.update_time; 0: not indexed
};
WritePlace WritePlaceOf(const ::casefile::v1::Case& c);

// Moves case `case_id`'s rows from `from` to `to` (either may be empty:
// a new case, an erased one).
absl::Status MoveCaseWritePlace(LmdbTxn& txn, absl::string_view case_id, const WritePlace& from,
                                const WritePlace& to);

// The case id of an owner's or team's row: the key after its prefix,
// "<be64 ~written>\0<case>".
absl::string_view CaseIdOfWrittenRow(absl::string_view row);

}  // namespace casefile::storage

#endif  // CASEFILE_STORAGE_CASE_WRITE_INDEX_H_
