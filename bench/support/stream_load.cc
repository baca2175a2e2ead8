#include "bench/support/stream_load.h"

#include <vector>

#include <grpcpp/generic/generic_stub.h>

#include "absl/strings/str_cat.h"
#include "bench/support/closed_loop.h"

namespace casefile::bench {
namespace {

// A server that stops answering fails the run instead of hanging it.
constexpr auto kCallDeadline = std::chrono::seconds(30);

// One outstanding call, stepping through start → send request → read all →
// finish; its address is the completion-queue tag of its one pending step.
struct Slot {
  enum class Step { kStart, kSend, kRead, kFinish };
  Step step = Step::kStart;
  std::unique_ptr<grpc::ClientContext> context;
  // After `context`, so it is destroyed first: it lives in the call's arena.
  std::unique_ptr<grpc::GenericClientAsyncReaderWriter> call;
  grpc::ByteBuffer message;
  grpc::Status status;
  int64_t bytes = 0;
  SteadyClock::time_point start;
};

}  // namespace

absl::StatusOr<Measurement> RunStreamLoad(std::shared_ptr<grpc::Channel> channel,
                                          const std::string& method, const std::string& request,
                                          const std::string& token, int in_flight,
                                          const Window& window) {
  grpc::GenericStub stub(channel);
  grpc::CompletionQueue cq;
  std::vector<Slot> slots(in_flight);
  const std::string bearer = absl::StrCat("Bearer ", token);
  grpc::Slice request_slice(request);
  const grpc::ByteBuffer request_buffer(&request_slice, 1);
  auto start_call = [&](Slot& slot) {
    slot.call.reset();  // lives in the old call's arena, which the old context frees
    slot.context = std::make_unique<grpc::ClientContext>();
    slot.context->AddMetadata("authorization", bearer);
    slot.context->set_deadline(std::chrono::system_clock::now() + kCallDeadline);
    slot.bytes = 0;
    slot.step = Slot::Step::kStart;
    slot.start = SteadyClock::now();
    slot.call = stub.PrepareCall(slot.context.get(), method, &cq);
    slot.call->StartCall(&slot);
  };

  ClosedLoop loop(window, in_flight, method);
  for (Slot& slot : slots) start_call(slot);
  void* tag = nullptr;
  bool ok = false;
  while (loop.Running() && cq.Next(&tag, &ok)) {
    Slot& slot = *static_cast<Slot*>(tag);
    switch (slot.step) {
      case Slot::Step::kStart:
        slot.step = Slot::Step::kSend;
        slot.call->WriteLast(request_buffer, grpc::WriteOptions(), &slot);
        continue;
      case Slot::Step::kSend:
        slot.step = Slot::Step::kRead;
        slot.call->Read(&slot.message, &slot);
        continue;
      case Slot::Step::kRead:
        if (ok) {
          slot.bytes += static_cast<int64_t>(slot.message.Length());
          slot.message.Clear();
          slot.call->Read(&slot.message, &slot);
        } else {
          slot.step = Slot::Step::kFinish;
          slot.call->Finish(&slot.status, &slot);
        }
        continue;
      case Slot::Step::kFinish:
        break;
    }
    if (loop.Finished(slot.start, slot.status, slot.bytes)) start_call(slot);
  }
  return loop.Result(cq);
}

}  // namespace casefile::bench
