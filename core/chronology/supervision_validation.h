// The rules of SupervisionService's requests (supervision_service.proto):
// each check returns OK or an InvalidArgument whose message starts with the
// offending field's path. What the store must say (the entry's kind, a
// request still waiting, the case's state) is core/chronology/approvals.h's
// and case_state.h's.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_CORE_CHRONOLOGY_SUPERVISION_VALIDATION_H_
#define CASEFILE_CORE_CHRONOLOGY_SUPERVISION_VALIDATION_H_

#include "absl/status/status.h"
#include "casefile/v1/supervision_service.pb.h"

namespace casefile {

absl::Status ValidateApprovalRequest(const v1::RequestApprovalRequest& request);
absl::Status ValidateApproval(const v1::ApproveRequestRequest& request);
absl::Status ValidateReturn(const v1::ReturnRequestRequest& request);
absl::Status ValidateClose(const v1::CloseCaseRequest& request);
absl::Status ValidateReopen(const v1::ReopenCaseRequest& request);
absl::Status ValidateTaskingRequest(const v1::GetTaskingRequest& request);

}  // namespace casefile

#endif  // CASEFILE_CORE_CHRONOLOGY_SUPERVISION_VALIDATION_H_
