// InspectionReports: the read side of the measure index
// (core/safeguarding/measure_index.h writes it): each measure of
// report.proto for a period, by month, from the index rows dated in the
// period — a key range per measure, never a scan of cases — and the units
// behind any figure.
//
// Need to know: a figure counts only rows of cases the caller may know, and
// with a team only rows of cases now with that team (both need the case's
// header, loaded once per case and only when the caller is no admin or a
// team is asked for). ListCases lists the very units a figure counts.
//
// Thread-safe.
#ifndef CASEFILE_CORE_SAFEGUARDING_INSPECTION_REPORT_H_
#define CASEFILE_CORE_SAFEGUARDING_INSPECTION_REPORT_H_

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "casefile/v1/report.pb.h"
#include "core/access/caller.h"
#include "core/audit/audit_trail.h"
#include "storage/store.h"

namespace casefile {

class InspectionReports {
 public:
  // `store` must outlive this object. A significant-harm referral meets its
  // measure when a strategy discussion follows within
  // `strategy_discussion_within` (casefiled's flag of that name).
  InspectionReports(storage::Store* store, Clock clock, absl::Duration strategy_discussion_within);

  // InvalidArgument naming the field for a bad period or team;
  // PermissionDenied unless the caller may read reports.
  absl::StatusOr<v1::InspectionReport> Report(const Caller& caller,
                                              const v1::GetInspectionReportRequest& request) const;
  absl::StatusOr<v1::ListReportCasesResponse> ListCases(const Caller& caller,
                                                        const v1::ListReportCasesRequest& request) const;

 private:
  storage::Store* const store_;
  const Clock clock_;
  const absl::Duration strategy_discussion_within_;
};

}  // namespace casefile

#endif  // CASEFILE_CORE_SAFEGUARDING_INSPECTION_REPORT_H_
