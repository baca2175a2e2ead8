// A case's state: open, closed (only with an approved closure,
// core/chronology/approvals.h), reopened with a reason. Each change is an
// ENTRY_KIND_CASE_STATE entry of the chronology.
//
// Thread-safety: pure functions.
#ifndef CASEFILE_CORE_CHRONOLOGY_CASE_STATE_H_
#define CASEFILE_CORE_CHRONOLOGY_CASE_STATE_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "casefile/v1/case.pb.h"

namespace casefile {

bool IsClosed(const v1::Case& c);

// "open", "closed", "reopened" (unspecified reads as open).
absl::string_view CaseStateWord(v1::CaseState state);

// Closes `c` (as it will be saved) and returns the entry that records it.
// FailedPrecondition when it is closed already, or no approved closure waits.
absl::StatusOr<v1::Entry> CloseWith(v1::Case& c, absl::string_view reason);

// Reopens `c` (as it will be saved); FailedPrecondition when it is not closed.
absl::StatusOr<v1::Entry> ReopenWith(v1::Case& c, absl::string_view reason);

}  // namespace casefile

#endif  // CASEFILE_CORE_CHRONOLOGY_CASE_STATE_H_
