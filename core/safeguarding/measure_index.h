// The measure index, write side: what one new entry's safeguarding record
// puts into the inspection measures (report.proto's ReportMeasure), in the
// same transaction as the entry, so a report reads figures exactly as
// current as the chronology without reading a case
// (core/safeguarding/inspection_report.h reads them).
//
// Each measure counts units dated by one time (keys.h `M\0r`); a unit's row
// says whether it meets the measure and, for some, how long it took:
//   referral, significant harm  a unit; its row keeps how long after it the first
//                               strategy discussion of the case was held (the case's
//                               discussion times are kept, so either may come first)
//   referral, domestic abuse    a unit; met when every child named has its impact stated
//   referral to CSC             a unit; met once a ReferralFeedback names it (the
//                               earliest feedback's delay is kept)
//   strategy discussion         a unit; met with decisions and actions
//   custody                     the first record of a custody is the unit; met once any
//                               record of it gives the appropriate adult's arrival (the
//                               latest such record's wait is kept)
//   missing episode, assessment a child's episodes and assessments across cases are
//                               kept; each episode that is the third or later within 365
//                               days is a unit, met when an assessment of the child is
//                               dated at or after the first episode of those 365 days
//   DASH risk assessment        a unit with its officer and "not known" answers; a
//                               DashReviewRecord marks it reviewed
// It also checks what needs the store: a DashReviewRecord names a DASH risk
// assessment of the case, and no officer reviews their own assessment.
// Imported records carry no structured record and count in no measure;
// corrections change text, not records, and are not indexed.
//
// Thread-safety: as the transaction passed in.
#ifndef CASEFILE_CORE_SAFEGUARDING_MEASURE_INDEX_H_
#define CASEFILE_CORE_SAFEGUARDING_MEASURE_INDEX_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "casefile/v1/case.pb.h"
#include "storage/lmdb.h"
#include "storage/store.h"

namespace casefile {

// What the service fills in a new record before it is saved: a DASH
// assessment's officer when empty, and a review entry's reviewer (the
// entry's author).
void FillRecordAuthors(v1::Entry& entry, absl::string_view author);

// REQUIRES: `entry` passed ValidateNewEntry and has its name, number, author
// and record_time; `txn` is the write transaction that saves it.
absl::Status IndexMeasures(storage::LmdbTxn& txn, absl::string_view case_id, const v1::Entry& entry);

// Takes an erased case out of the index; `entries` are the case's entries
// (its children's episodes and assessments leave their counts).
absl::Status UnindexCaseMeasures(storage::LmdbTxn& txn, absl::string_view case_id,
                                 absl::Span<const v1::Entry> entries);

// Indexes every entry of a store written before the measure index, once
// (Store::RunOnce), at start.
absl::Status IndexMeasuresOfOlderStore(storage::Store& store);

}  // namespace casefile

#endif  // CASEFILE_CORE_SAFEGUARDING_MEASURE_INDEX_H_
