// CSRF tokens for casefile-web's forms: the HMAC-SHA256 of what the form is
// bound to (the session token, or the pre-sign-in cookie) under a secret that
// lives only in the server's memory. Stateless: nothing is stored; a token
// from another session, or from before a restart, does not match.
//
// Thread-safe: immutable after construction.
#ifndef CASEFILE_WEB_FORM_TOKEN_H_
#define CASEFILE_WEB_FORM_TOKEN_H_

#include <string>

#include "absl/strings/string_view.h"

namespace casefile::web {

class FormTokens {
 public:
  // A random 256-bit secret.
  FormTokens();
  explicit FormTokens(std::string secret) : secret_(std::move(secret)) {}

  // 64 lower-case hex digits.
  std::string TokenFor(absl::string_view bound_to) const;
  // Constant-time comparison with TokenFor(bound_to); false for an empty binding.
  bool Matches(absl::string_view bound_to, absl::string_view token) const;

 private:
  std::string secret_;
};

// 32 random bytes as 64 hex digits (cookie values, secrets).
std::string RandomHex32();

}  // namespace casefile::web

#endif  // CASEFILE_WEB_FORM_TOKEN_H_
