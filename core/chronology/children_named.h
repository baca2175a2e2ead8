// The children a case's structured records name, kept on the case
// (Case.children_named) as each entry is written, so that a reader can
// narrow the chronology to a child named only in a referral or a strategy
// discussion without reading every entry first.
//
// Thread-safety: NoteChildrenNamed is a pure function; the pass over a
// store runs in the store's writer.
#ifndef CASEFILE_CORE_CHRONOLOGY_CHILDREN_NAMED_H_
#define CASEFILE_CORE_CHRONOLOGY_CHILDREN_NAMED_H_

#include "absl/status/status.h"
#include "casefile/v1/case.pb.h"
#include "storage/store.h"

namespace casefile {

// Adds to `c` each child of `entry`'s record that is a person not yet among
// `c`'s children named.
void NoteChildrenNamed(const v1::Entry& entry, v1::Case& c);

// Notes the children named by the entries of a store written before cases
// kept them, once (Store::RunOnce), at start.
absl::Status NoteChildrenNamedInOlderCases(storage::Store& store);

}  // namespace casefile

#endif  // CASEFILE_CORE_CHRONOLOGY_CHILDREN_NAMED_H_
