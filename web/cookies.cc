#include "web/cookies.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace casefile::web {

std::string CookieValue(absl::string_view cookie_header, absl::string_view name) {
  for (absl::string_view part : absl::StrSplit(cookie_header, ';')) {
    part = absl::StripAsciiWhitespace(part);
    const size_t eq = part.find('=');
    if (eq != absl::string_view::npos && part.substr(0, eq) == name) return std::string(part.substr(eq + 1));
  }
  return "";
}

std::string SetCookie(absl::string_view name, absl::string_view value) {
  return absl::StrCat(name, "=", value, "; Path=/; Secure; HttpOnly; SameSite=Strict");
}

std::string ClearCookie(absl::string_view name) {
  return absl::StrCat(name, "=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Strict");
}

}  // namespace casefile::web
