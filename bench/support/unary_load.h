// RunAppendLoad: a closed-loop gRPC load of AppendEntry calls against any
// casefile.v1.CaseService (the real casefiled or the no-op peer), keeping
// exactly `in_flight` calls outstanding from ONE client thread driving a
// completion queue, so the client costs as little CPU as gRPC allows.
//
// Thread-compatible: one run at a time per stub is the intended use.
#ifndef CASEFILE_BENCH_SUPPORT_UNARY_LOAD_H_
#define CASEFILE_BENCH_SUPPORT_UNARY_LOAD_H_

#include <cstdint>
#include <functional>
#include <string>

#include "absl/status/statusor.h"
#include "bench/support/measurement.h"
#include "casefile/v1/case_service.grpc.pb.h"

namespace casefile::bench {

// Fills the request of call number `seq` (every call gets a fresh request_id).
using MakeAppend = std::function<void(int64_t seq, v1::AppendEntryRequest& request)>;

// Every call carries `authorization: Bearer <token>`. Any failed call fails the run.
absl::StatusOr<Measurement> RunAppendLoad(v1::CaseService::Stub& stub, const std::string& token,
                                          int in_flight, const Window& window,
                                          const MakeAppend& make_request);

}  // namespace casefile::bench

#endif  // CASEFILE_BENCH_SUPPORT_UNARY_LOAD_H_
