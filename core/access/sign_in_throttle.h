// SignInThrottle: stops password guessing. Failed sign-ins are counted per
// user name (known or not, so a lock says nothing about who exists) and per
// client address. `max_failures` failures within `failure_window` lock the
// name (or address) for `lockout`; each further lock doubles the wait, up to
// `max_lockout`. A lock is over only when its wait has passed: attempts in
// the meantime are refused unchecked, right password or not. A success
// clears its user name's count; a quiet `failure_window` after the last lock
// clears a name's or address's history.
//
// Thread-safe.
#ifndef CASEFILE_CORE_ACCESS_SIGN_IN_THROTTLE_H_
#define CASEFILE_CORE_ACCESS_SIGN_IN_THROTTLE_H_

#include <deque>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "core/access/session_table.h"

namespace casefile {

struct SignInThrottleOptions {
  // Failures for one user name within the window that lock it.
  int max_failures_per_user = 5;
  // Failures from one address (all names) within the window that lock it:
  // higher, since a shared station or an office's gateway is one address.
  int max_failures_per_address = 20;
  absl::Duration failure_window = absl::Minutes(15);
  // The first lock's wait; each further lock of the same name doubles it.
  absl::Duration lockout = absl::Minutes(1);
  absl::Duration max_lockout = absl::Hours(1);
};

class SignInThrottle {
 public:
  SignInThrottle(SignInThrottleOptions options, Clock clock);

  // OK, or ResourceExhausted naming what is locked and the wait, e.g. "too
  // many failed sign-ins for this user name: try again in 2m".
  absl::Status Check(absl::string_view user, absl::string_view address);
  void RecordFailure(absl::string_view user, absl::string_view address);
  void RecordSuccess(absl::string_view user);

 private:
  struct Record {
    std::deque<absl::Time> failures;  // within the window, oldest first
    int locks = 0;
    absl::Time locked_until = absl::InfinitePast();
    absl::Time last_failure = absl::InfinitePast();
  };
  using Records = absl::flat_hash_map<std::string, Record>;

  absl::Duration Wait(Records& records, absl::string_view key, absl::Time now) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  void Fail(Records& records, absl::string_view key, int max_failures, absl::Time now)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);
  bool Stale(const Record& record, absl::Time now) const;

  const SignInThrottleOptions options_;
  const Clock clock_;
  absl::Mutex mu_;
  Records users_ ABSL_GUARDED_BY(mu_);
  Records addresses_ ABSL_GUARDED_BY(mu_);
};

}  // namespace casefile

#endif  // CASEFILE_CORE_ACCESS_SIGN_IN_THROTTLE_H_
