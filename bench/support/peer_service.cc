#include "bench/support/peer_service.h"

#include <csignal>
#include <cstdio>
#include <fstream>
#include <memory>

#include <grpcpp/grpcpp.h>

namespace casefile::bench {
namespace {

// Writes the canned messages one after another, then finishes. The slices
// point at the canned bytes (no copy), so this is the cost of gRPC alone.
class CannedStream final : public grpc::ServerWriteReactor<grpc::ByteBuffer> {
 public:
  explicit CannedStream(const std::vector<std::string>* messages) : messages_(messages) {
    WriteNext();
  }
  void OnWriteDone(bool ok) override {
    if (!ok) return Finish(grpc::Status(grpc::StatusCode::CANCELLED, "cancelled"));
    WriteNext();
  }
  void OnDone() override { delete this; }

 private:
  void WriteNext() {
    if (next_ == messages_->size()) return Finish(grpc::Status::OK);
    const std::string& message = (*messages_)[next_++];
    grpc::Slice slice(message.data(), message.size(), grpc::Slice::STATIC_SLICE);
    buffer_ = grpc::ByteBuffer(&slice, 1);
    StartWrite(&buffer_);
  }
  const std::vector<std::string>* const messages_;
  size_t next_ = 0;
  grpc::ByteBuffer buffer_;
};

}  // namespace

PeerService::PeerService(std::vector<std::string> case_file) : case_file_(std::move(case_file)) {}

grpc::ServerUnaryReactor* PeerService::AppendEntry(grpc::CallbackServerContext* context,
                                                   const v1::AppendEntryRequest* request,
                                                   v1::Entry* response) {
  *response = request->entry();
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  reactor->Finish(grpc::Status::OK);
  return reactor;
}

grpc::ServerWriteReactor<grpc::ByteBuffer>* PeerService::GetCaseFile(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request) {
  return new CannedStream(&case_file_);
}

int RunPeerServer(const std::string& port_file, std::vector<std::string> case_file) {
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  PeerService service(std::move(case_file));
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
  builder.RegisterService(&service);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || port == 0) {
    std::fprintf(stderr, "bench peer: cannot listen on 127.0.0.1\n");
    return 1;
  }
  std::ofstream(port_file + ".tmp") << port << "\n";
  std::rename((port_file + ".tmp").c_str(), port_file.c_str());
  int signal = 0;
  sigwait(&stop_signals, &signal);
  server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(2));
  server->Wait();
  return 0;
}

}  // namespace casefile::bench
