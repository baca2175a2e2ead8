#include "core/access/session_table.h"

#include <sodium.h>

#include <algorithm>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "core/access/password_hash.h"

namespace casefile {
namespace {

constexpr size_t kTokenBytes = 32;  // 256 bits

std::string TokenKey(absl::string_view token) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
  return std::string(reinterpret_cast<const char*>(digest), sizeof(digest));
}

}  // namespace

SessionTable::SessionTable(SessionOptions options, Clock clock)
    : options_(options), clock_(std::move(clock)) {}

OpenedSession SessionTable::Open(const Caller& caller) {
  const absl::Time now = clock_();
  std::string token = absl::WebSafeBase64Escape(RandomBytes(kTokenBytes));
  Session session{caller, now, now};
  session.caller.peer.clear();
  std::string key = TokenKey(token);
  absl::MutexLock lock(&mu_);
  ForgetEnded(now);
  std::vector<std::string>& keys = by_user_[caller.user];
  std::erase_if(keys, [&](const std::string& k) { return !sessions_.contains(k); });
  keys.push_back(key);
  while (keys.size() > static_cast<size_t>(std::max(options_.max_per_user, 1))) {
    sessions_.erase(keys.front());
    keys.erase(keys.begin());
  }
  sessions_[std::move(key)] = std::move(session);
  return {std::move(token), now + options_.max_age};
}

absl::StatusOr<Caller> SessionTable::Use(absl::string_view token) {
  const absl::Time now = clock_();
  const std::string key = TokenKey(token);
  absl::MutexLock lock(&mu_);
  auto it = sessions_.find(key);
  if (it == sessions_.end()) return absl::NotFoundError("unknown token");
  if (absl::string_view why = EndedBecause(it->second, now); !why.empty()) {
    sessions_.erase(it);
    return absl::UnauthenticatedError(absl::StrCat("session ended: ", why, "; sign in again"));
  }
  it->second.last_used = now;
  return it->second.caller;
}

absl::Status SessionTable::Check(absl::string_view token) const {
  const absl::Time now = clock_();
  absl::MutexLock lock(&mu_);
  auto it = sessions_.find(TokenKey(token));
  if (it == sessions_.end()) return absl::UnauthenticatedError("session ended; sign in again");
  if (absl::string_view why = EndedBecause(it->second, now); !why.empty())
    return absl::UnauthenticatedError(absl::StrCat("session ended: ", why, "; sign in again"));
  return absl::OkStatus();
}

bool SessionTable::Close(absl::string_view token) {
  const std::string key = TokenKey(token);
  absl::MutexLock lock(&mu_);
  return sessions_.erase(key) > 0;
}

size_t SessionTable::CloseUnless(const std::function<bool(const Caller&)>& keep) {
  absl::MutexLock lock(&mu_);
  return absl::erase_if(sessions_, [&](const auto& entry) { return !keep(entry.second.caller); });
}

size_t SessionTable::size() const {
  absl::MutexLock lock(&mu_);
  return sessions_.size();
}

absl::string_view SessionTable::EndedBecause(const Session& session, absl::Time now) const {
  if (now >= session.opened + options_.max_age) return "open longer than the maximum session age";
  if (now >= session.last_used + options_.idle_timeout) return "unused for longer than the idle timeout";
  return "";
}

void SessionTable::ForgetEnded(absl::Time now) {
  // Sessions that end unused would stay forever; a sweep a minute is enough.
  if (now < last_sweep_ + absl::Minutes(1)) return;
  last_sweep_ = now;
  absl::erase_if(sessions_, [&](const auto& entry) { return !EndedBecause(entry.second, now).empty(); });
}

}  // namespace casefile
