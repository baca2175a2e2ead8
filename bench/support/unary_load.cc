#include "bench/support/unary_load.h"

#include <memory>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "absl/strings/str_cat.h"
#include "bench/support/closed_loop.h"

namespace casefile::bench {
namespace {

// A server that stops answering fails the run instead of hanging it.
constexpr auto kCallDeadline = std::chrono::seconds(30);

// One outstanding call; its address is the completion-queue tag.
struct Slot {
  std::unique_ptr<grpc::ClientContext> context;
  v1::AppendEntryRequest request;
  v1::Entry response;
  grpc::Status status;
  // After `context`, so it is destroyed first: it lives in the call's arena.
  std::unique_ptr<grpc::ClientAsyncResponseReader<v1::Entry>> call;
  SteadyClock::time_point start;
};

}  // namespace

absl::StatusOr<Measurement> RunAppendLoad(v1::CaseService::Stub& stub, const std::string& token,
                                          int in_flight, const Window& window,
                                          const MakeAppend& make_request) {
  grpc::CompletionQueue cq;
  std::vector<Slot> slots(in_flight);
  const std::string bearer = absl::StrCat("Bearer ", token);
  int64_t next_seq = 0;
  auto start_call = [&](Slot& slot) {
    slot.call.reset();  // lives in the old call's arena, which the old context frees
    slot.context = std::make_unique<grpc::ClientContext>();
    slot.context->AddMetadata("authorization", bearer);
    slot.context->set_deadline(std::chrono::system_clock::now() + kCallDeadline);
    make_request(next_seq++, slot.request);
    slot.start = SteadyClock::now();
    slot.call = stub.AsyncAppendEntry(slot.context.get(), slot.request, &cq);
    slot.call->Finish(&slot.response, &slot.status, &slot);
  };

  ClosedLoop loop(window, in_flight, "AppendEntry");
  for (Slot& slot : slots) start_call(slot);
  void* tag = nullptr;
  bool ok = false;
  while (loop.Running() && cq.Next(&tag, &ok)) {
    Slot& slot = *static_cast<Slot*>(tag);
    if (loop.Finished(slot.start, slot.status, slot.request.entry().text().size())) start_call(slot);
  }
  return loop.Result(cq);
}

}  // namespace casefile::bench
