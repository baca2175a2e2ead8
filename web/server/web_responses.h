// What every casefile-web route shares: the HTML media type, the page's
// Content-Security-Policy, and the shape of a case id in a URL.
#ifndef CASEFILE_WEB_SERVER_WEB_RESPONSES_H_
#define CASEFILE_WEB_SERVER_WEB_RESPONSES_H_

#include <algorithm>
#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/string_view.h"

namespace casefile::web {

inline constexpr char kHtml[] = "text/html; charset=utf-8";
// No script at all, nothing from elsewhere, no framing, forms only to us.
inline constexpr char kContentSecurityPolicy[] =
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'";

// The largest document the attach form takes unless casefile-web's
// --document_max_mb says otherwise (casefiled's --document_max_mb default);
// the upload route's body may be the limit plus the form around it.
inline constexpr int64_t kMaxUploadBytes = int64_t{50} << 20;

// A case id as casefiled makes or takes them: letters, digits, '-', '_', '.'.
inline bool PlausibleCaseId(absl::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return absl::ascii_isalnum(c) || c == '-' || c == '_' || c == '.'; });
}

}  // namespace casefile::web

#endif  // CASEFILE_WEB_SERVER_WEB_RESPONSES_H_
