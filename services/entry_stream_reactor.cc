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
  if (!read_error_.ok()) return FinishOnce(read_error_);
  uint64_t last = plan_.last;
  if (plan_.live) {
    if (!SessionStillLive()) return;
    auto version = chronology_->CaseVersion(plan_.watcher, plan_.case_id);
    if (!version.ok()) return FinishOnce(ToGrpcStatus(version.status()));
    last = static_cast<uint64_t>(*version);
  }
  if (ready_.empty()) {
    ready_ = std::move(plan_.header);
    plan_.header.clear();
    // A header that already holds a chunk read early (CaseFileOpening) goes alone.
    if (ready_.size() < kChunkBytes / 2) ReadNextChunk(last);
    if (!read_error_.ok()) return FinishOnce(read_error_);
  }
  if (ready_.empty()) {
    if (!plan_.live) FinishOnce(grpc::Status::OK);
    return;  // live and caught up: the ChangeFeed calls Pump again on the next append
  }
  writing_ = true;
  buffer_ = ToByteBuffer(std::move(ready_));
  ready_.clear();
  StartWrite(&buffer_);
  // The next chunk is read while this one goes out; an error ends the stream
  // once this write is done.
  ReadNextChunk(last);
}

void EntryStreamReactor::ReadNextChunk(uint64_t last) {
  if (plan_.view.has_value()) {
    if (plan_.view->done) return;
    auto chunk = chronology_->ReadCaseFileView(*plan_.view, kChunkBytes, plan_.entries_field, std::move(ready_));
    ready_.clear();
    if (!chunk.ok()) {
      read_error_ = ToGrpcStatus(chunk.status());
      return;
    }
    ready_ = *std::move(chunk);
    return;
  }
  if (plan_.first > last) return;
  auto chunk = chronology_->ReadEncodedEntries(plan_.case_id, plan_.first, last, kChunkBytes,
                                               plan_.entries_field, std::move(ready_));
  ready_.clear();
  if (!chunk.ok()) {
    read_error_ = ToGrpcStatus(chunk.status());
    return;
  }
  ready_ = std::move(chunk->message);
  plan_.first = chunk->next;
}

}  // namespace casefile
