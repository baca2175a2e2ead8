#include "bench/support/closed_loop.h"

#include "absl/strings/str_cat.h"

namespace casefile::bench {

ClosedLoop::ClosedLoop(const Window& window, int in_flight, absl::string_view method)
    : window_(window),
      begin_(SteadyClock::now() + window.warmup),
      end_(begin_ + window.measure),
      method_(method),
      outstanding_(in_flight) {}

bool ClosedLoop::Finished(SteadyClock::time_point start, const grpc::Status& status,
                          int64_t bytes) {
  const SteadyClock::time_point done = SteadyClock::now();
  if (!status.ok() && failure_.ok()) {
    failure_ = absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                            absl::StrCat(method_, ": ", status.error_message()));
  }
  if (done >= begin_ && done < end_) recorder_.Add(done - start, bytes);
  if (done < end_ && failure_.ok()) return true;
  --outstanding_;
  return false;
}

absl::StatusOr<Measurement> ClosedLoop::Result(grpc::CompletionQueue& cq) {
  cq.Shutdown();
  void* tag = nullptr;
  bool ok = false;
  while (cq.Next(&tag, &ok)) {
  }
  if (!failure_.ok()) return failure_;
  return recorder_.Summarize(window_.measure);
}

}  // namespace casefile::bench
