// PeerService: the "bare gRPC" peer the benchmarks compare casefiled with. It
// serves casefile.v1.CaseService on the same machinery (callback API, raw
// GetCaseFile stream) but does no work: AppendEntry echoes the request's
// entry at once (so as many bytes go back as casefiled sends), and GetCaseFile
// streams canned, pre-serialized messages of the same sizes a real case file
// has. Other methods are UNIMPLEMENTED.
//
// Thread-safe: immutable after construction.
#ifndef CASEFILE_BENCH_SUPPORT_PEER_SERVICE_H_
#define CASEFILE_BENCH_SUPPORT_PEER_SERVICE_H_

#include <string>
#include <vector>

#include "casefile/v1/case_service.grpc.pb.h"

namespace casefile::bench {

using PeerServiceBase =
    v1::CaseService::WithRawCallbackMethod_GetCaseFile<v1::CaseService::CallbackService>;

class PeerService final : public PeerServiceBase {
 public:
  // `case_file`: the messages every GetCaseFile sends, in order.
  explicit PeerService(std::vector<std::string> case_file);

  grpc::ServerUnaryReactor* AppendEntry(grpc::CallbackServerContext* context,
                                        const v1::AppendEntryRequest* request,
                                        v1::Entry* response) override;
  grpc::ServerWriteReactor<grpc::ByteBuffer>* GetCaseFile(grpc::CallbackServerContext* context,
                                                          const grpc::ByteBuffer* request) override;

 private:
  const std::vector<std::string> case_file_;
};

// Serves PeerService on 127.0.0.1 (a free port), writes the port to
// `port_file` and serves until SIGTERM or SIGINT. Returns the exit code.
int RunPeerServer(const std::string& port_file, std::vector<std::string> case_file);

}  // namespace casefile::bench

#endif  // CASEFILE_BENCH_SUPPORT_PEER_SERVICE_H_
