// The cookies of casefile-web: the session (the casefiled session token,
// Secure, HttpOnly, SameSite=Strict, no Max-Age so it dies with the browser)
// and the pre-sign-in cookie the sign-in form's CSRF token is bound to.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_WEB_COOKIES_H_
#define CASEFILE_WEB_COOKIES_H_

#include <string>

#include "absl/strings/string_view.h"

namespace casefile::web {

inline constexpr char kSessionCookie[] = "cf_session";
inline constexpr char kSignInCookie[] = "cf_signin";

// The value of cookie `name` in a Cookie request header, or "".
std::string CookieValue(absl::string_view cookie_header, absl::string_view name);
// A Set-Cookie value: "name=value; Path=/; Secure; HttpOnly; SameSite=Strict".
std::string SetCookie(absl::string_view name, absl::string_view value);
// A Set-Cookie value that removes the cookie.
std::string ClearCookie(absl::string_view name);

}  // namespace casefile::web

#endif  // CASEFILE_WEB_COOKIES_H_
