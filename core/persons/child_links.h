// The children a structured safeguarding record (safeguarding.proto) is
// about are persons of the domain, so that a child's missing episodes,
// referrals and custody records count across all of the child's cases
// whoever wrote them and whichever name they used.
//
// Thread-safety: as the transaction passed in.
#ifndef CASEFILE_CORE_PERSONS_CHILD_LINKS_H_
#define CASEFILE_CORE_PERSONS_CHILD_LINKS_H_

#include "absl/status/status.h"
#include "casefile/v1/case.pb.h"
#include "core/access/caller.h"
#include "storage/lmdb.h"

namespace casefile {

// For each child the record of `entry` names:
// - a `person` must be one the caller may know of (persons of cases kept
//   from them do not exist for them): else INVALID_ARGUMENT
//   "<field>.person: persons/X not found";
// - a child given by name and a date of birth to the day is linked to the
//   person of the person index with that forename, surname and date of birth
//   when exactly one that the caller may know of has them (the name and date
//   stay as written); otherwise the child stays known by name and date.
// REQUIRES: `entry` passed ValidateNewEntry.
absl::Status LinkChildrenToPersons(const storage::LmdbTxn& txn, const Caller& caller, v1::Entry& entry);

}  // namespace casefile

#endif  // CASEFILE_CORE_PERSONS_CHILD_LINKS_H_
