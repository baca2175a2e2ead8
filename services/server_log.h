// A minimal server log to stderr (Debian's Abseil 20220623 has no absl/log).
// It takes pre-formatted text: callers log resource names, users, methods and
// status codes, NEVER case text, subjects or purposes.
//
// Thread-safe: one fprintf per line.
#ifndef CASEFILE_SERVICES_SERVER_LOG_H_
#define CASEFILE_SERVICES_SERVER_LOG_H_

#include <cstdio>

#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

namespace casefile {

template <typename... Args>
void ServerLog(const absl::FormatSpec<Args...>& format, const Args&... args) {
  std::string line = absl::StrFormat(format, args...);
  std::fprintf(stderr, "%s casefiled: %s\n",
               absl::FormatTime("%Y-%m-%dT%H:%M:%E3SZ", absl::Now(), absl::UTCTimeZone()).c_str(),
               line.c_str());
}

}  // namespace casefile

#endif  // CASEFILE_SERVICES_SERVER_LOG_H_
