// FeedStreamReactor: what the server-streaming reactors fed by the
// ChangeFeed (EntryStreamReactor for GetCaseFile/WatchCase,
// AttentionWatchReactor for WatchAttention) share: one write in flight at a
// time, Pump again when it is done, finish once (cancelled when the client
// goes), and on OnDone leave the feed and delete themselves.
//
// Thread-safety: gRPC, the ChangeFeed and the store's writer call in from
// different threads; the state is guarded by mu_.
#ifndef CASEFILE_SERVICES_FEED_STREAM_REACTOR_H_
#define CASEFILE_SERVICES_FEED_STREAM_REACTOR_H_

#include <cstdint>
#include <functional>
#include <string>

#include <grpcpp/grpcpp.h>

#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "core/chronology/change_feed.h"

namespace casefile {

template <typename Message>
class FeedStreamReactor : public grpc::ServerWriteReactor<Message> {
 public:
  void OnWriteDone(bool ok) override {
    absl::MutexLock lock(&mu_);
    writing_ = false;
    if (!ok || cancelled_) return FinishOnce(Cancelled());
    Pump();
  }

  // For a caller signed in with a session (TokenAuthenticator::SessionCheck):
  // the stream ends, UNAUTHENTICATED, at the first thing it would send once
  // the session has ended (signed out, timed out, user removed). Call before
  // Begin; an empty check does nothing.
  void EndWithSession(std::function<absl::Status()> check) {
    absl::MutexLock lock(&mu_);
    session_check_ = std::move(check);
  }

  void OnCancel() override {
    absl::MutexLock lock(&mu_);
    cancelled_ = true;
    // With a write (or its audit record) in flight, its end finishes: Finish
    // waits for no write. Before Begin or Fail, they finish: the reactor must
    // outlive that call.
    if (begun_ && !writing_) FinishOnce(Cancelled());
  }

  void OnDone() override {
    uint64_t subscription;
    {
      absl::MutexLock lock(&mu_);
      subscription = subscription_;
    }
    if (subscription != 0) feed_->Unsubscribe(subscription);
    delete this;
  }

 protected:
  // `feed` must outlive the reactor.
  explicit FeedStreamReactor(ChangeFeed* feed) : feed_(feed) {}

  // Sends what is ready if no write is in flight.
  virtual void Pump() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) = 0;

  void FinishOnce(const grpc::Status& status) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (finished_) return;
    finished_ = true;
    this->Finish(status);
  }

  // False, and the stream finished, when the caller's session has ended.
  bool SessionStillLive() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (!session_check_) return true;
    absl::Status live = session_check_();
    if (live.ok()) return true;
    FinishOnce(grpc::Status(grpc::StatusCode::UNAUTHENTICATED, std::string(live.message())));
    return false;
  }

  static grpc::Status Cancelled() { return grpc::Status(grpc::StatusCode::CANCELLED, "cancelled"); }

  ChangeFeed* const feed_;
  absl::Mutex mu_;
  bool writing_ ABSL_GUARDED_BY(mu_) = false;
  bool begun_ ABSL_GUARDED_BY(mu_) = false;
  bool cancelled_ ABSL_GUARDED_BY(mu_) = false;
  bool finished_ ABSL_GUARDED_BY(mu_) = false;
  uint64_t subscription_ ABSL_GUARDED_BY(mu_) = 0;
  std::function<absl::Status()> session_check_ ABSL_GUARDED_BY(mu_);
};

}  // namespace casefile

#endif  // CASEFILE_SERVICES_FEED_STREAM_REACTOR_H_
