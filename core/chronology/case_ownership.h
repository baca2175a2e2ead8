// Who a case is with — its owner (a user id) and team — and when it was last
// written, kept in the owner and team indexes (storage/case_write_index.h)
// by every write of the case, in the write's transaction.
//
// A case starts with its creator and the creator's first team; AssignCase
// gives it to another owner or team, which investigators of its current team
// and admins may do.
//
// Thread-safety: pure functions; the others as the transaction passed in.
#ifndef CASEFILE_CORE_CHRONOLOGY_CASE_OWNERSHIP_H_
#define CASEFILE_CORE_CHRONOLOGY_CASE_OWNERSHIP_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "casefile/v1/case.pb.h"
#include "core/access/caller.h"
#include "storage/lmdb.h"

namespace casefile {

// A new case is with its creator, and their first team (none without one).
void SetFirstOwner(const Caller& creator, v1::Case& c);

// Records that case `case_id` (`c`, as it will be saved) was written at
// `now`: sets its update_time (never earlier than it was: writes whose
// times cross in the group commit keep the case's order) and moves its rows
// of the owner and team indexes. Every write of a case calls it.
absl::Status MarkCaseWritten(storage::LmdbTxn& txn, absl::string_view case_id, v1::Case& c, absl::Time now);

// Gives `c` (as it will be saved) to `owner` and/or `team` (empty: kept),
// moving its index rows; returns the chronology entry's text. REQUIRES: the
// caller may assign it (MayAssign) and the request is valid.
absl::StatusOr<std::string> Reassign(storage::LmdbTxn& txn, absl::string_view case_id, v1::Case& c,
                                     absl::string_view owner, absl::string_view team);

// OK for admins and for investigators of the case's team; PermissionDenied
// otherwise (a case with no team: admins only).
absl::Status MayAssign(const Caller& caller, const v1::Case& c);

}  // namespace casefile

#endif  // CASEFILE_CORE_CHRONOLOGY_CASE_OWNERSHIP_H_
