// ChangeFeed: tells live watchers that a case has new entries. Publishing
// happens after the write is durable, so a watcher never sees an entry that
// could still be lost.
//
// Thread-safe. Listeners run on the publishing thread with the feed's lock
// held: they must be quick, must not block, and must not call back into the
// feed. After Unsubscribe returns, the listener is not running and never will.
#ifndef CASEFILE_CORE_CHRONOLOGY_CHANGE_FEED_H_
#define CASEFILE_CORE_CHRONOLOGY_CHANGE_FEED_H_

#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"

namespace casefile {

class ChangeFeed {
 public:
  using Listener = std::function<void()>;
  using AnyCaseListener = std::function<void(absl::string_view case_id)>;

  // Returns a token for Unsubscribe.
  uint64_t Subscribe(absl::string_view case_id, Listener listener);
  // Every case's changes (the attention watch); the same token space.
  uint64_t SubscribeAll(AnyCaseListener listener);
  void Unsubscribe(uint64_t token);
  void Publish(absl::string_view case_id);

 private:
  struct Subscription {
    std::string case_id;
    Listener listener;
  };
  absl::Mutex mu_;
  uint64_t next_token_ ABSL_GUARDED_BY(mu_) = 1;
  std::map<uint64_t, Subscription> subscriptions_ ABSL_GUARDED_BY(mu_);
  std::multimap<std::string, uint64_t, std::less<>> by_case_ ABSL_GUARDED_BY(mu_);
  std::map<uint64_t, AnyCaseListener> any_case_ ABSL_GUARDED_BY(mu_);
};

}  // namespace casefile

#endif  // CASEFILE_CORE_CHRONOLOGY_CHANGE_FEED_H_
