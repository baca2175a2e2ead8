#include "bench/support/measurement.h"

#include <algorithm>

namespace casefile::bench {
namespace {

double PercentileMs(std::vector<int64_t>& nanos, double fraction) {
  if (nanos.empty()) return 0;
  auto at = nanos.begin() + static_cast<ptrdiff_t>(fraction * static_cast<double>(nanos.size() - 1));
  std::nth_element(nanos.begin(), at, nanos.end());
  return static_cast<double>(*at) / 1e6;
}

}  // namespace

void LatencyRecorder::Merge(const LatencyRecorder& other) {
  nanos_.insert(nanos_.end(), other.nanos_.begin(), other.nanos_.end());
  bytes_ += other.bytes_;
}

Measurement LatencyRecorder::Summarize(SteadyClock::duration window) {
  Measurement m;
  m.ops = static_cast<int64_t>(nanos_.size());
  m.bytes = bytes_;
  m.ops_per_second = static_cast<double>(m.ops) / std::chrono::duration<double>(window).count();
  m.p50_ms = PercentileMs(nanos_, 0.50);
  m.p99_ms = PercentileMs(nanos_, 0.99);
  return m;
}

}  // namespace casefile::bench
