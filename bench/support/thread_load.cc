#include "bench/support/thread_load.h"

#include <atomic>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"

namespace casefile::bench {

absl::StatusOr<Measurement> RunThreads(int threads, const Window& window, const SyncOp& op) {
  const SteadyClock::time_point begin = SteadyClock::now() + window.warmup;
  const SteadyClock::time_point end = begin + window.measure;
  std::vector<LatencyRecorder> recorders(threads);
  std::atomic<bool> failed{false};
  absl::Mutex mu;
  absl::Status first_error;
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      for (int64_t i = 0; !failed.load(std::memory_order_relaxed); ++i) {
        const SteadyClock::time_point start = SteadyClock::now();
        if (start >= end) return;
        absl::StatusOr<int64_t> bytes = op(t, i);
        const SteadyClock::time_point done = SteadyClock::now();
        if (!bytes.ok()) {
          absl::MutexLock lock(&mu);
          if (first_error.ok()) first_error = bytes.status();
          failed = true;
          return;
        }
        if (done >= begin && done < end) recorders[t].Add(done - start, *bytes);
      }
    });
  }
  for (std::thread& w : workers) w.join();
  if (!first_error.ok()) return first_error;
  for (int t = 1; t < threads; ++t) recorders[0].Merge(recorders[t]);
  return recorders[0].Summarize(window.measure);
}

}  // namespace casefile::bench
