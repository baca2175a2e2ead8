// What the live-person benchmarks share: a fresh store to write cases into
// directly (no gRPC), one CreateCase waited for and timed, and percentiles of
// the times.
//
// Thread-compatible.
#ifndef CASEFILE_BENCH_SUPPORT_LIVE_CASES_H_
#define CASEFILE_BENCH_SUPPORT_LIVE_CASES_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "casefile/v1/case_service.pb.h"
#include "core/access/caller.h"
#include "core/chronology/case_chronology.h"
#include "storage/store.h"

namespace casefile::bench {

// A new store in `dir` with an 8 GiB map (no growth during a run).
absl::StatusOr<std::unique_ptr<storage::Store>> OpenLiveStore(const std::string& dir);

struct TimedCase {
  absl::StatusOr<v1::Case> made;
  double ms = 0;  // from the call to the reply (a durable group commit)
};

// One CaseChronology::CreateCase, waited for.
TimedCase TimedCreateCase(CaseChronology& chronology, const Caller& caller, v1::CreateCaseRequest request);

// The q-quantile (0 <= q <= 1) of `v`, nearest rank; 0 for an empty `v`.
double Percentile(std::vector<double> v, double q);

}  // namespace casefile::bench

#endif  // CASEFILE_BENCH_SUPPORT_LIVE_CASES_H_
