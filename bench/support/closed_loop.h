// ClosedLoop: the bookkeeping shared by the gRPC load drivers. Each call
// slot starts a new call as soon as its previous one finishes, until the
// timed window ends; calls that finish inside the window are counted; the
// first failed call stops the run.
//
// Thread-compatible: one driver thread owns it.
#ifndef CASEFILE_BENCH_SUPPORT_CLOSED_LOOP_H_
#define CASEFILE_BENCH_SUPPORT_CLOSED_LOOP_H_

#include <cstdint>
#include <string>

#include <grpcpp/grpcpp.h>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "bench/support/measurement.h"

namespace casefile::bench {

class ClosedLoop {
 public:
  // The warm-up starts now; `method` names the calls in error messages.
  ClosedLoop(const Window& window, int in_flight, absl::string_view method);

  // Records a call started at `start` that finished with `status` having
  // moved `bytes`. True when the slot should start another call.
  bool Finished(SteadyClock::time_point start, const grpc::Status& status, int64_t bytes);
  // True while some slot still has a call outstanding.
  bool Running() const { return outstanding_ > 0; }
  // Shuts `cq` down and drains it. REQUIRES: !Running().
  absl::StatusOr<Measurement> Result(grpc::CompletionQueue& cq);

 private:
  const Window window_;
  const SteadyClock::time_point begin_;
  const SteadyClock::time_point end_;
  const std::string method_;
  int outstanding_;
  LatencyRecorder recorder_;
  absl::Status failure_;
};

}  // namespace casefile::bench

#endif  // CASEFILE_BENCH_SUPPORT_CLOSED_LOOP_H_
