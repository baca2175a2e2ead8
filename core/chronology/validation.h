// The rules of the chronology API's requests: each check returns OK or an
// InvalidArgument whose message starts with the offending field's path. The
// rules of single fields (text, times, request ids) are core/input's, and
// come with this header.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_CORE_CHRONOLOGY_VALIDATION_H_
#define CASEFILE_CORE_CHRONOLOGY_VALIDATION_H_

#include <cstdint>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "casefile/v1/case.pb.h"
#include "casefile/v1/case_service.pb.h"
#include "core/input/input_rules.h"  // IWYU pragma: export

namespace casefile {

absl::Status ValidateCreateCase(const v1::CreateCaseRequest& request);
// A write's expected version: unset, or 0 and above.
absl::Status ValidateExpectedVersion(bool has_expected, int64_t expected);
// SetCaseRestriction: the restriction named (if any), a one-line reason, the version.
absl::Status ValidateRestrictionChange(const v1::SetCaseRestrictionRequest& request);
// A client's entry: `sources` are refused (only imports set provenance).
absl::Status ValidateNewEntry(const v1::Entry& entry, absl::string_view field);
absl::Status ValidateAppend(const v1::AppendEntryRequest& request);
absl::Status ValidateCorrection(const v1::CorrectEntryRequest& request);
absl::Status ValidateSubjectCorrection(const v1::CorrectSubjectsRequest& request);
absl::Status ValidateAssignment(const v1::AssignCaseRequest& request);
// The filters of ListCases, which are looked up in the index.
absl::Status ValidateListFilters(const v1::ListCasesRequest& request);

}  // namespace casefile

#endif  // CASEFILE_CORE_CHRONOLOGY_VALIDATION_H_
