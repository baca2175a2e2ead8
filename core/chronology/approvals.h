// Approvals: an investigator asks the supervisors of a case's team to approve
// a strategy discussion, a referral, a Section 47 enquiry, or the closing of
// the case; a supervisor approves or returns it with a comment. Each step is
// an entry of the chronology (ENTRY_KIND_APPROVAL_REQUEST, _DECISION); a
// request waits on the attention list ATTENTION_LIST_APPROVALS_WAITING (the
// attention index, keys.h W and w) until it is decided, so "is it still
// waiting?" is one look at the case's items, and the supervisors' list is
// read from the index. An approved closure is kept on the case
// (Case.closure_approval) until CloseCase uses it (core/chronology/case_state.h).
//
// Thread-safety: as the transaction passed in.
#ifndef CASEFILE_CORE_CHRONOLOGY_APPROVALS_H_
#define CASEFILE_CORE_CHRONOLOGY_APPROVALS_H_

#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "casefile/v1/attention.pb.h"
#include "casefile/v1/case.pb.h"
#include "core/access/caller.h"
#include "core/input/resource_names.h"
#include "storage/lmdb.h"

namespace casefile {

// RequestApprovalRequest.subject for the closing of the case.
inline constexpr char kClosureSubject[] = "closure";

// The request entry (kind, supervision.approval_request, text) asking
// approval of `subject` in case `c`, with the investigator's note.
// FailedPrecondition: the case is closed, the entry is missing, corrected or
// of a kind that is not approved, or the same subject already waits.
// REQUIRES: the request passed ValidateApprovalRequest.
absl::StatusOr<v1::Entry> ApprovalRequestEntry(const storage::LmdbTxn& txn, const v1::Case& c,
                                               absl::string_view subject, absl::string_view note);

// Puts a written request entry on the approvals-waiting list of its case.
absl::Status PutOnApprovalList(storage::LmdbTxn& txn, const v1::Case& c, const v1::Entry& request);

// The decision entry on the request `request` of case `c` (as it will be
// saved: an approved closure is kept on it as `decision_name`), and takes the
// request off the list. PermissionDenied unless `caller` supervises the
// case's team (core/access/supervision.h) and did not ask; FailedPrecondition
// when it is no request or no longer waits.
absl::StatusOr<v1::Entry> DecideApproval(storage::LmdbTxn& txn, const Caller& caller, v1::Case& c,
                                         const EntryName& request, v1::ApprovalDecision::Outcome outcome,
                                         absl::string_view comment, absl::string_view decision_name);

// The case's approval requests waiting, oldest first, as stored in the
// attention index (one small scan of the case's items).
absl::StatusOr<std::vector<v1::AttentionItem>> WaitingApprovals(const storage::LmdbTxn& txn,
                                                                absl::string_view case_id);

}  // namespace casefile

#endif  // CASEFILE_CORE_CHRONOLOGY_APPROVALS_H_
