// The rules of the structured safeguarding records (safeguarding.proto) that
// an entry may carry: a record cannot be saved incomplete. Each check returns
// OK or InvalidArgument whose message starts with the path of the part that
// is missing or wrong, e.g. "entry.strategy_discussion.decisions: at least
// one decision is required".
//
// What needs the store (a named person exists, feedback names a referral) is
// checked where the entry is written (core/safeguarding/attention_index.h).
//
// Thread-safe: pure functions.
#ifndef CASEFILE_CORE_SAFEGUARDING_SAFEGUARDING_VALIDATION_H_
#define CASEFILE_CORE_SAFEGUARDING_SAFEGUARDING_VALIDATION_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "casefile/v1/case.pb.h"

namespace casefile {

// The kind of a new entry agrees with its record, a kind that needs a record
// has one, and the record is complete. `field` is the entry's path ("entry").
absl::Status ValidateSafeguardingRecord(const v1::Entry& entry, absl::string_view field);

}  // namespace casefile

#endif  // CASEFILE_CORE_SAFEGUARDING_SAFEGUARDING_VALIDATION_H_
