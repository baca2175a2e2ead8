// Password hashes for sign-in: Argon2id in libsodium's string form
// ("$argon2id$v=19$m=65536,t=2,p=1$<salt>$<hash>"), which carries its own salt
// and cost, so a users file can hold hashes made with different settings.
// New hashes use libsodium's "interactive" cost (64 MiB, 2 passes): about a
// tenth of a second, paid by every sign-in attempt and by an attacker per guess.
//
// Thread-safe: pure functions (libsodium is initialised once, on first use).
#ifndef CASEFILE_CORE_ACCESS_PASSWORD_HASH_H_
#define CASEFILE_CORE_ACCESS_PASSWORD_HASH_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace casefile {

// A new Argon2id hash of `password` with a random salt. Internal when the
// machine cannot spare the memory.
absl::StatusOr<std::string> HashPassword(absl::string_view password);

// True when `password` matches `hash` (constant time in the password).
// False for a hash that is not Argon2id.
bool VerifyPassword(absl::string_view hash, absl::string_view password);

// Whether `text` looks like a hash HashPassword makes ("$argon2id$...").
bool IsArgon2idHash(absl::string_view text);

// `bytes` random bytes from the kernel's generator (libsodium randombytes).
std::string RandomBytes(size_t bytes);

}  // namespace casefile

#endif  // CASEFILE_CORE_ACCESS_PASSWORD_HASH_H_
