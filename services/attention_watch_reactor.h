// AttentionWatchReactor: one WatchAttention stream. It subscribes to every
// case's changes first, then sends the items due now on the watched lists,
// then, each time a write to a case is durable, that case's items it has not
// sent yet (a significant-harm referral reaches the specialist team as soon
// as it is stored). Each message is audited ("WatchAttention", naming its
// entries) durably before it is sent.
//
// Thread-safety: gRPC, the ChangeFeed and the store's writer call it from
// different threads; the state is guarded by mu_. It deletes itself when gRPC
// reports OnDone.
#ifndef CASEFILE_SERVICES_ATTENTION_WATCH_REACTOR_H_
#define CASEFILE_SERVICES_ATTENTION_WATCH_REACTOR_H_

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "absl/container/flat_hash_set.h"
#include "absl/synchronization/mutex.h"
#include "casefile/v1/attention.pb.h"
#include "core/audit/audit_trail.h"
#include "core/chronology/change_feed.h"
#include "core/safeguarding/attention_lists.h"
#include "services/feed_stream_reactor.h"

namespace casefile {

class AttentionWatchReactor : public FeedStreamReactor<v1::WatchAttentionResponse> {
 public:
  // All three must outlive the reactor.
  AttentionWatchReactor(const AttentionLists* lists, ChangeFeed* feed, AuditTrail* audit);
  // Starts the watch for `caller`. REQUIRES: lists->CheckWatch passed.
  void Begin(Caller caller, v1::WatchAttentionRequest request);
  void Fail(const grpc::Status& status);

 private:
  // The items not sent yet among `items`, marked as sent.
  std::vector<v1::AttentionItem> Unsent(std::vector<v1::AttentionItem> items)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Sends the items of the cases that changed, if no write is in flight.
  void Pump() override ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  // Records `message` in the audit trail, then writes it. REQUIRES: writing_ set, mu_ not held.
  void RecordAndSend(v1::WatchAttentionResponse message) ABSL_LOCKS_EXCLUDED(mu_);

  const AttentionLists* const lists_;
  AuditTrail* const audit_;
  Caller caller_ ABSL_GUARDED_BY(mu_);
  v1::WatchAttentionRequest request_ ABSL_GUARDED_BY(mu_);
  v1::WatchAttentionResponse message_ ABSL_GUARDED_BY(mu_);
  std::set<std::string> changed_cases_ ABSL_GUARDED_BY(mu_);
  absl::flat_hash_set<std::string> sent_ ABSL_GUARDED_BY(mu_);
};

}  // namespace casefile

#endif  // CASEFILE_SERVICES_ATTENTION_WATCH_REACTOR_H_
