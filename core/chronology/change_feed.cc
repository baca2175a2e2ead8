#include "core/chronology/change_feed.h"

#include <utility>

namespace casefile {

uint64_t ChangeFeed::Subscribe(absl::string_view case_id, Listener listener) {
  absl::MutexLock lock(&mu_);
  uint64_t token = next_token_++;
  subscriptions_.emplace(token, Subscription{std::string(case_id), std::move(listener)});
  by_case_.emplace(std::string(case_id), token);
  return token;
}

uint64_t ChangeFeed::SubscribeAll(AnyCaseListener listener) {
  absl::MutexLock lock(&mu_);
  uint64_t token = next_token_++;
  any_case_.emplace(token, std::move(listener));
  return token;
}

void ChangeFeed::Unsubscribe(uint64_t token) {
  absl::MutexLock lock(&mu_);
  if (any_case_.erase(token) > 0) return;
  auto it = subscriptions_.find(token);
  if (it == subscriptions_.end()) return;
  auto [first, last] = by_case_.equal_range(it->second.case_id);
  for (auto i = first; i != last; ++i) {
    if (i->second == token) {
      by_case_.erase(i);
      break;
    }
  }
  subscriptions_.erase(it);
}

void ChangeFeed::Publish(absl::string_view case_id) {
  absl::MutexLock lock(&mu_);
  auto [first, last] = by_case_.equal_range(case_id);
  for (auto i = first; i != last; ++i) subscriptions_[i->second].listener();
  for (auto& [token, listener] : any_case_) listener(case_id);
}

}  // namespace casefile
