// RunStreamLoad: a closed-loop gRPC load of one server-streaming method
// called by name (GetCaseFile on casefiled or on the canned-bytes peer),
// keeping `in_flight` calls outstanding from ONE client thread driving a
// completion queue. Responses are counted, never parsed: the client should
// cost as little as possible next to the server it measures.
//
// Thread-compatible.
#ifndef CASEFILE_BENCH_SUPPORT_STREAM_LOAD_H_
#define CASEFILE_BENCH_SUPPORT_STREAM_LOAD_H_

#include <memory>
#include <string>

#include <grpcpp/grpcpp.h>

#include "absl/status/statusor.h"
#include "bench/support/measurement.h"

namespace casefile::bench {

// Calls `method` ("/pkg.Service/Method") with the serialized `request`; each
// completed call counts the bytes of all its response messages. Every call
// carries `authorization: Bearer <token>`; any failed call fails the run.
absl::StatusOr<Measurement> RunStreamLoad(std::shared_ptr<grpc::Channel> channel,
                                          const std::string& method, const std::string& request,
                                          const std::string& token, int in_flight,
                                          const Window& window);

}  // namespace casefile::bench

#endif  // CASEFILE_BENCH_SUPPORT_STREAM_LOAD_H_
