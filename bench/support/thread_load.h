// RunThreads: a closed-loop load of synchronous operations (the in-process
// storage peers): `threads` threads each run `op` back to back through the
// warm-up and the timed window; only operations that finish inside the timed
// window count.
//
// Thread-safe: `op` is called concurrently from `threads` threads.
#ifndef CASEFILE_BENCH_SUPPORT_THREAD_LOAD_H_
#define CASEFILE_BENCH_SUPPORT_THREAD_LOAD_H_

#include <cstdint>
#include <functional>

#include "absl/status/statusor.h"
#include "bench/support/measurement.h"

namespace casefile::bench {

// `op(thread, i)` does operation i of thread `thread` and returns the payload
// bytes it moved. The first error stops the run and is returned.
using SyncOp = std::function<absl::StatusOr<int64_t>(int thread, int64_t i)>;

absl::StatusOr<Measurement> RunThreads(int threads, const Window& window, const SyncOp& op);

}  // namespace casefile::bench

#endif  // CASEFILE_BENCH_SUPPORT_THREAD_LOAD_H_
