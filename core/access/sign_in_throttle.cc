#include "core/access/sign_in_throttle.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace casefile {
namespace {

// Beyond this many names or addresses, stale records are dropped as new ones
// come (a guesser trying many names must not grow memory without end).
constexpr size_t kSweepAbove = 10000;

std::string RoundedUp(absl::Duration wait) {
  return absl::FormatDuration(absl::Ceil(wait, absl::Seconds(1)));
}

}  // namespace

SignInThrottle::SignInThrottle(SignInThrottleOptions options, Clock clock)
    : options_(options), clock_(std::move(clock)) {}

bool SignInThrottle::Stale(const Record& record, absl::Time now) const {
  return now >= std::max(record.locked_until, record.last_failure) + options_.failure_window;
}

absl::Duration SignInThrottle::Wait(Records& records, absl::string_view key, absl::Time now) {
  auto it = records.find(key);
  if (it == records.end() || now >= it->second.locked_until) return absl::ZeroDuration();
  return it->second.locked_until - now;
}

absl::Status SignInThrottle::Check(absl::string_view user, absl::string_view address) {
  const absl::Time now = clock_();
  absl::MutexLock lock(&mu_);
  const absl::Duration user_wait = Wait(users_, user, now);
  const absl::Duration address_wait = Wait(addresses_, address, now);
  if (user_wait <= absl::ZeroDuration() && address_wait <= absl::ZeroDuration()) return absl::OkStatus();
  if (user_wait >= address_wait) {
    return absl::ResourceExhaustedError(
        absl::StrCat("too many failed sign-ins for this user name: try again in ", RoundedUp(user_wait)));
  }
  return absl::ResourceExhaustedError(
      absl::StrCat("too many failed sign-ins from this address: try again in ", RoundedUp(address_wait)));
}

void SignInThrottle::Fail(Records& records, absl::string_view key, int max_failures, absl::Time now) {
  if (records.size() > kSweepAbove) absl::erase_if(records, [&](const auto& r) { return Stale(r.second, now); });
  Record& record = records[key];
  if (Stale(record, now)) record = Record{};
  record.last_failure = now;
  while (!record.failures.empty() && record.failures.front() <= now - options_.failure_window)
    record.failures.pop_front();
  record.failures.push_back(now);
  if (static_cast<int>(record.failures.size()) < max_failures) return;
  record.failures.clear();
  ++record.locks;
  absl::Duration wait = options_.lockout;
  for (int i = 1; i < record.locks && wait < options_.max_lockout; ++i) wait *= 2;
  record.locked_until = now + std::min(wait, options_.max_lockout);
}

void SignInThrottle::RecordFailure(absl::string_view user, absl::string_view address) {
  const absl::Time now = clock_();
  absl::MutexLock lock(&mu_);
  Fail(users_, user, options_.max_failures_per_user, now);
  Fail(addresses_, address, options_.max_failures_per_address, now);
}

void SignInThrottle::RecordSuccess(absl::string_view user) {
  absl::MutexLock lock(&mu_);
  users_.erase(user);
}

}  // namespace casefile
