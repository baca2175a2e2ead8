// The children a structured safeguarding record (safeguarding.proto) is
// about are persons of the domain, so that a child's missing episodes,
// referrals and custody records count across all of the child's cases
// whoever wrote them and whichever name they used.
//
// The one rule for a live entry's children: a child given as a person must
// be one the writer may know of; a child given by name and date of birth
// becomes a person record of the entry's case, linked through the
// PersonLinker with the same matcher and safety rules as a new case's
// subjects and an import (a typing slip links to the same person, twins stay
// two, an uncertain match makes a new person and a review item).
//
// Thread-safety: as the transaction passed in.
#ifndef CASEFILE_CORE_PERSONS_CHILD_LINKS_H_
#define CASEFILE_CORE_PERSONS_CHILD_LINKS_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "casefile/v1/case.pb.h"
#include "core/access/caller.h"
#include "core/persons/person_linker.h"
#include "storage/lmdb.h"

namespace casefile {

// The person record locator of the `k`-th child (from 1, in the record's
// order) of the entry `entry_name`: "cases/CF-000001/entries/4#child=1".
std::string ChildRecordLocator(absl::string_view entry_name, int k);

// The children a structured record names (each a ChildRef), in its order.
std::vector<const v1::ChildRef*> ChildrenOf(const v1::Entry& entry);

// For each child the record of `entry` names:
// - a `person` must be one the caller may know of (persons of cases kept
//   from them do not exist for them): else INVALID_ARGUMENT
//   "<field>.person: persons/X not found";
// - a child given by name and date of birth is stored as the person record
//   ChildRecordLocator(entry.name(), k) of the entry's case and linked
//   through `persons` in `txn`; the child then names the person it was
//   linked to (the name and date stay as written). With no `persons` (tests
//   of the chronology alone) it stays known by name and date.
// Every person given is checked before anything is linked.
// REQUIRES: `entry` passed ValidateNewEntry and has its name; `txn` is the
// write transaction that saves it.
absl::Status LinkChildrenToPersons(storage::LmdbTxn& txn, const Caller& caller, const PersonLinker* persons,
                                   v1::Entry& entry);

}  // namespace casefile

#endif  // CASEFILE_CORE_PERSONS_CHILD_LINKS_H_
