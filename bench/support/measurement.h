// Measurement: what one benchmark run of one peer yields — operations per
// second over a timed window, latency percentiles, bytes moved — and the
// LatencyRecorder that collects it. Latencies use the steady clock so that a
// wall-clock step cannot bend them.
//
// Thread-compatible: one LatencyRecorder per thread, merged at the end.
#ifndef CASEFILE_BENCH_SUPPORT_MEASUREMENT_H_
#define CASEFILE_BENCH_SUPPORT_MEASUREMENT_H_

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace casefile::bench {

using SteadyClock = std::chrono::steady_clock;

struct Measurement {
  double ops_per_second = 0;
  double p50_ms = 0;
  double p99_ms = 0;
  int64_t ops = 0;    // completed inside the timed window
  int64_t bytes = 0;  // payload bytes those operations moved
};

// How long to run: a warm-up whose operations are not counted, then the timed window.
struct Window {
  SteadyClock::duration warmup = std::chrono::milliseconds(500);
  SteadyClock::duration measure = std::chrono::seconds(3);
};

class LatencyRecorder {
 public:
  void Add(SteadyClock::duration latency, int64_t bytes) {
    nanos_.push_back(std::chrono::duration_cast<std::chrono::nanoseconds>(latency).count());
    bytes_ += bytes;
  }
  void Merge(const LatencyRecorder& other);
  // Throughput over `window` (the timed part only) and percentiles.
  Measurement Summarize(SteadyClock::duration window);

 private:
  std::vector<int64_t> nanos_;
  int64_t bytes_ = 0;
};

}  // namespace casefile::bench

#endif  // CASEFILE_BENCH_SUPPORT_MEASUREMENT_H_
