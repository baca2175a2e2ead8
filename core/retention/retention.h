// Retention reviews (Management of Police Information): every case has a
// date by which it is next reviewed — a year after it was created, then the
// date each review sets — and the review-due index (keys.h R) orders cases
// by it. A review decides to retain (until a later date) or to dispose (an
// admin then erases the case: AdminService.EraseCase).
//
// Thread-safety: pure functions, or as the transaction passed in.
#ifndef CASEFILE_CORE_RETENTION_RETENTION_H_
#define CASEFILE_CORE_RETENTION_RETENTION_H_

#include <cstddef>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "casefile/v1/case.pb.h"
#include "casefile/v1/case_service.pb.h"
#include "storage/lmdb.h"
#include "storage/store.h"

namespace casefile {

// A case never reviewed is due this long after it was created.
inline constexpr int kFirstReviewAfterDays = 365;

// The UK calendar day of `t`.
absl::CivilDay UkDay(absl::Time t);
// "YYYY-MM-DD" → the day; InvalidArgument naming `field` otherwise.
absl::StatusOr<absl::CivilDay> ParseReviewDate(absl::string_view text, absl::string_view field);
std::string FormatReviewDate(absl::CivilDay day);

// The request's fields: a decision, a reason, and a next review date after
// `today` to retain (none to dispose). InvalidArgument naming the field.
absl::Status ValidateReview(const v1::ReviewCaseRequest& request, absl::CivilDay today);

// The reason of a review or an erasure: not blank ("reason: is required: "
// then `what_to_give`), at most kMaxReasonBytes, no control characters.
inline constexpr size_t kMaxReasonBytes = 1000;
absl::Status ValidateReason(absl::string_view reason, absl::string_view what_to_give);

// The chronology entry that records `review` (ENTRY_KIND_REVIEW).
v1::Entry ReviewEntry(const v1::RetentionReview& review);

// Gives a new case its first review date (created + kFirstReviewAfterDays)
// and puts it in the review-due index.
absl::Status StartRetention(storage::LmdbTxn& txn, absl::string_view case_id, v1::Case& c,
                            absl::Time created);
// Moves the case in the review-due index to `next` (after a decision to
// dispose, the day of that decision: the case stays due until erased).
absl::Status MoveReviewDate(storage::LmdbTxn& txn, absl::string_view case_id, v1::Case& c,
                            const std::string& next);
// Takes the case out of the review-due index (erasure).
absl::Status EndRetention(storage::LmdbTxn& txn, absl::string_view case_id, const v1::Case& c);

// Once per store: gives the cases created before retention reviews existed
// their first review date (a year after they were created) and indexes them.
absl::Status GiveOlderCasesAReviewDate(storage::Store& store);

}  // namespace casefile

#endif  // CASEFILE_CORE_RETENTION_RETENTION_H_
