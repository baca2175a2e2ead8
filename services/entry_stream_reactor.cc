#include "services/entry_stream_reactor.h"

#include <utility>

#include "services/grpc_status.h"

namespace casefile {
namespace {

// Hands a std::string to gRPC without copying it again.
grpc::ByteBuffer ToByteBuffer(std::string bytes) {
  auto* owned = new std::string(std::move(bytes));
  grpc::Slice slice(owned->data(), owned->size(),
                    [](void* p) { delete static_cast<std::string*>(p); }, owned);
  return grpc::ByteBuffer(&slice, 1);
}

}  // namespace

EntryStreamReactor::EntryStreamReactor(CaseChronology* chronology, ChangeFeed* feed)
    : FeedStreamReactor(feed), chronology_(chronology) {}

void EntryStreamReactor::Begin(Plan plan) {
  const bool live = plan.live;
  const std::string case_id = plan.case_id;
  {
    absl::MutexLock lock(&mu_);
    plan_ = std::move(plan);
  }
  // Subscribe before the first read so no append can fall in between, and
  // outside mu_: the feed calls the listener with its own lock held.
  uint64_t subscription = live ? feed_->Subscribe(case_id, [this] {
    absl::MutexLock lock(&mu_);
    Pump();
  }) : 0;
  absl::MutexLock lock(&mu_);
  subscription_ = subscription;
  begun_ = true;
  if (cancelled_) return FinishOnce(Cancelled());
  Pump();
}

void EntryStreamReactor::Fail(const grpc::Status& status) {
  absl::MutexLock lock(&mu_);
  begun_ = true;
  FinishOnce(status);
}

void EntryStreamReactor::Pump() {
  if (!begun_ || writing_ || finished_) return;
  uint64_t last = plan_.last;
  if (plan_.live) {
    auto version = chronology_->CaseVersion(plan_.watcher, plan_.case_id);
    if (!version.ok()) return FinishOnce(ToGrpcStatus(version.status()));
    last = static_cast<uint64_t>(*version);
  }
  std::string message = std::move(plan_.header);
  plan_.header.clear();
  // A header that already holds a chunk read early (CaseFileOpening) goes alone.
  if (plan_.first <= last && message.size() < kChunkBytes / 2) {
    auto chunk = chronology_->ReadEncodedEntries(plan_.case_id, plan_.first, last, kChunkBytes,
                                                 plan_.entries_field, std::move(message));
    if (!chunk.ok()) return FinishOnce(ToGrpcStatus(chunk.status()));
    message = std::move(chunk->message);
    plan_.first = chunk->next;
  }
  if (!message.empty()) {
    writing_ = true;
    buffer_ = ToByteBuffer(std::move(message));
    StartWrite(&buffer_);
    return;
  }
  if (!plan_.live) FinishOnce(grpc::Status::OK);
  // Live and caught up: the ChangeFeed calls Pump again on the next append.
}

}  // namespace casefile
