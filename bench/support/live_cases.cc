#include "bench/support/live_cases.h"

#include <algorithm>

#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"

namespace casefile::bench {

absl::StatusOr<std::unique_ptr<storage::Store>> OpenLiveStore(const std::string& dir) {
  storage::StoreOptions options;
  options.lmdb.map_size = size_t{8} << 30;
  return storage::Store::Open(dir, options);
}

TimedCase TimedCreateCase(CaseChronology& chronology, const Caller& caller, v1::CreateCaseRequest request) {
  absl::Notification done;
  TimedCase result{absl::UnknownError("no reply")};
  const absl::Time start = absl::Now();
  chronology.CreateCase(caller, std::move(request), [&](absl::StatusOr<v1::Case> made) {
    result.ms = absl::ToDoubleMilliseconds(absl::Now() - start);
    result.made = std::move(made);
    done.Notify();
  });
  done.WaitForNotification();
  return result;
}

double Percentile(std::vector<double> v, double q) {
  if (v.empty()) return 0;
  const size_t k = std::min(v.size() - 1, static_cast<size_t>(q * v.size()));
  std::nth_element(v.begin(), v.begin() + k, v.end());
  return v[k];
}

}  // namespace casefile::bench
