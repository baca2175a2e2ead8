// Helpers shared by the strict (partial_time.cc) and the lenient
// (partial_time_lenient.cc) date readers. Not part of the public API.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_CORE_TIME_PARTIAL_TIME_INTERNAL_H_
#define CASEFILE_CORE_TIME_PARTIAL_TIME_INTERNAL_H_

#include <string>
#include <string_view>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "core/time/partial_time.h"

namespace casefile::partial_time_internal {

inline constexpr int kMinYear = 1800;
inline constexpr int kMaxYear = 2199;
// Quoted input in messages is cut short: a reason names the value, it does
// not carry free text along with it.
inline constexpr size_t kMaxQuoted = 40;

// Debian's Abseil has its own string_view type; the public API here is std.
inline absl::string_view Av(std::string_view s) { return absl::string_view(s.data(), s.size()); }

inline std::string Quote(std::string_view text) {
  if (text.size() <= kMaxQuoted) return absl::StrCat("'", Av(text), "'");
  size_t cut = kMaxQuoted;
  // Do not cut a UTF-8 sequence in half.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return absl::StrCat("'", Av(text.substr(0, cut)), "...'");
}

inline bool ValidYear(int y) { return y >= kMinYear && y <= kMaxYear; }

inline bool ValidDay(int y, int m, int d) {
  return ValidYear(y) && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m);
}

// 1 for January ... 12; 0 when `word` is no month name or usual abbreviation.
inline int MonthFromName(std::string_view word) {
  static constexpr std::string_view kNames[] = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  if (word.size() < 3 || word.size() > 9) return 0;
  std::string lower = absl::AsciiStrToLower(Av(word));
  for (int i = 0; i < 12; ++i) {
    if (lower == kNames[i] || lower == kNames[i].substr(0, 3)) return i + 1;
  }
  if (lower == "sept") return 9;
  return 0;
}

// Two-digit years below 50 are 20yy, the rest 19yy.
inline int ExpandYear(int digits, int value) {
  if (digits == 4) return value;
  return value < 50 ? 2000 + value : 1900 + value;
}

}  // namespace casefile::partial_time_internal

#endif  // CASEFILE_CORE_TIME_PARTIAL_TIME_INTERNAL_H_
