// PartialTime: a civil (wall-clock, UK) date and time kept at the precision the
// source recorded it — exact minute, day, month, or unknown. We never invent a
// time or a day that the source did not give.
//
// Thread-safe: plain value type; the free functions are pure.
#ifndef CASEFILE_CORE_PARTIAL_TIME_H_
#define CASEFILE_CORE_PARTIAL_TIME_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace casefile {

enum class TimePrecision { kUnknown = 0, kMonth = 1, kDay = 2, kMinute = 3 };

struct PartialTime {
  TimePrecision precision = TimePrecision::kUnknown;
  // Fields finer than `precision` are zero.
  int year = 0;
  int month = 0;
  int day = 0;
  int hour = 0;
  int minute = 0;

  bool operator==(const PartialTime&) const = default;
};

// Parses the day-first (UK) forms of LEGACY_FORMATS.md:
//   "12/11/2012", "12/11/12", "12.11.2012", "12 Nov 2012", "12th November 2012",
//   "Nov 2012" (month precision), "" or "unknown" (precision kUnknown),
// each optionally followed by a time "14:30", "1430" or "1430hrs", and the ISO
// forms "2012-11-12", "2012-11-12 14:30" and "2012-11-12 14:30:00", and the
// compact "20121112" of nominal indexes. Surrounding whitespace is ignored.
// Two-digit years below 50 are 20yy, the rest 19yy; four-digit years must lie
// in 1800..2199. Seconds are accepted and dropped (minute precision).
// Returns InvalidArgument naming what was wrong for anything else, including
// impossible dates (31/02/2012) and times (25:00).
absl::StatusOr<PartialTime> ParsePartialTime(std::string_view text);

// The date (and time, if one follows) that a line of free text begins with,
// e.g. "13/11/2012 14:00 - Visited ..." in an investigation log.
struct PartialTimePrefix {
  PartialTime time;
  size_t length = 0;  // bytes of the text taken by the date and time
};

// Scans the forms of ParsePartialTime (except "", "unknown" and the compact
// "20121112") at the very start of `text`; a time is taken only when it ends
// at a word boundary. Returns NotFound when `text` does not begin with
// something shaped like a date, and InvalidArgument when it does but the date
// or the time is impossible ("31/02/2012", "12/11/2012 2590").
absl::StatusOr<PartialTimePrefix> ParsePartialTimePrefix(std::string_view text);

// "2012-11-12 14:30", "2012-11-12", "2012-11", or "unknown".
std::string FormatPartialTime(const PartialTime& t);

// True when `a` and `b` can describe the same moment: they agree on every field
// down to the coarser of their two precisions. Unknown is compatible with all.
bool CompatibleTimes(const PartialTime& a, const PartialTime& b);

// A sortable key: earlier times first; at equal prefix, coarser first.
// Unknown sorts last.
long long SortKey(const PartialTime& t);

}  // namespace casefile

#endif  // CASEFILE_CORE_PARTIAL_TIME_H_
