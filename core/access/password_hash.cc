#include "core/access/password_hash.h"

#include <sodium.h>

#include <cstdlib>

#include "absl/strings/match.h"

namespace casefile {
namespace {

void InitSodiumOnce() {
  // sodium_init is itself idempotent and thread-safe; a failure means no
  // usable random source, with which no secret can be made.
  static const bool ready = sodium_init() >= 0;
  if (!ready) std::abort();
}

}  // namespace

absl::StatusOr<std::string> HashPassword(absl::string_view password) {
  InitSodiumOnce();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return absl::InternalError("cannot hash the password: out of memory (Argon2id needs 64 MiB)");
  }
  return std::string(out);
}

bool VerifyPassword(absl::string_view hash, absl::string_view password) {
  InitSodiumOnce();
  if (!IsArgon2idHash(hash) || hash.size() >= crypto_pwhash_STRBYTES) return false;
  std::string terminated(hash);  // libsodium reads a C string
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

bool IsArgon2idHash(absl::string_view text) { return absl::StartsWith(text, "$argon2id$v="); }

std::string RandomBytes(size_t bytes) {
  InitSodiumOnce();
  std::string out(bytes, '\0');
  randombytes_buf(out.data(), out.size());
  return out;
}

}  // namespace casefile
