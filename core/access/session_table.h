// SessionTable: the open sign-in sessions, in memory only. A session token is
// 256 random bits (URL-safe base64, 43 characters); the table keeps only its
// SHA-256, so neither a memory dump nor a timing of the lookup gives a token
// away. A session ends when unused for `idle_timeout`, `max_age` after it
// opened, or when signed out. Restarting casefiled ends every session.
//
// Thread-safe.
#ifndef CASEFILE_CORE_ACCESS_SESSION_TABLE_H_
#define CASEFILE_CORE_ACCESS_SESSION_TABLE_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "core/access/caller.h"

namespace casefile {

// The clock is injected so tests control expiry (same type as AuditTrail's).
using Clock = std::function<absl::Time()>;

struct SessionOptions {
  // A session unused this long ends (casefiled --session_idle_timeout).
  absl::Duration idle_timeout = absl::Minutes(15);
  // A session ends this long after it opened, used or not (--session_max_age).
  absl::Duration max_age = absl::Hours(8);
  // A user's sessions open at once; opening one more ends their oldest
  // (--session_max_per_user). Bounds the memory one password can take.
  int max_per_user = 10;
};

// A session just opened: its token (secret) and when it ends at the latest.
struct OpenedSession {
  std::string token;
  absl::Time expire_time;
};

class SessionTable {
 public:
  SessionTable(SessionOptions options, Clock clock);

  // Opens a session for `caller` (its peer is not kept), ending the user's
  // oldest when they already have `max_per_user`.
  OpenedSession Open(const Caller& caller);
  // The caller of a live session, which counts as used now. NotFound when
  // `token` is no session's; Unauthenticated saying which timeout ended it.
  absl::StatusOr<Caller> Use(absl::string_view token);
  // Whether the session of `token` is still live, without counting as a use
  // (a live watch delivering what it was asked for is not the user at the
  // keyboard). Unauthenticated saying why when it is not.
  absl::Status Check(absl::string_view token) const;
  // Ends the session of `token`; false when there is none.
  bool Close(absl::string_view token);

  // Ends every session whose caller `keep` rejects (a users file reloaded
  // without the user, or with another role); returns how many.
  size_t CloseUnless(const std::function<bool(const Caller&)>& keep);

  size_t size() const;
  const SessionOptions& options() const { return options_; }

 private:
  struct Session {
    Caller caller;
    absl::Time opened;
    absl::Time last_used;
  };
  // Empty when live, else why it ended.
  absl::string_view EndedBecause(const Session& session, absl::Time now) const;
  void ForgetEnded(absl::Time now) ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  const SessionOptions options_;
  const Clock clock_;
  mutable absl::Mutex mu_;
  // SHA-256 of the token → session.
  absl::flat_hash_map<std::string, Session> sessions_ ABSL_GUARDED_BY(mu_);
  // User → keys of their sessions, oldest first (ended ones dropped lazily).
  absl::flat_hash_map<std::string, std::vector<std::string>> by_user_ ABSL_GUARDED_BY(mu_);
  absl::Time last_sweep_ ABSL_GUARDED_BY(mu_) = absl::InfinitePast();
};

}  // namespace casefile

#endif  // CASEFILE_CORE_ACCESS_SESSION_TABLE_H_
