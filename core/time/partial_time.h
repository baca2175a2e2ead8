// PartialTime: a civil (wall-clock, UK) date and time kept at the precision the
// source recorded it — exact minute, day, month, year, or unknown. We never
// invent a time, a day or a month that the source did not give.
//
// Thread-safe: plain value type; the free functions are pure.
#ifndef CASEFILE_CORE_TIME_PARTIAL_TIME_H_
#define CASEFILE_CORE_TIME_PARTIAL_TIME_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace casefile {

// Days in `month` (1-12) of `year`, with the Gregorian leap years.
inline int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// Ordered from coarse to fine: code compares precisions with < and >. The
// numbers are not the wire numbers (PRECISION_YEAR was appended to the proto
// enum); see partial_time_proto.h.
enum class TimePrecision { kUnknown = 0, kYear = 1, kMonth = 2, kDay = 3, kMinute = 4 };

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

// What the lenient reader made of a date written in any form.
struct LenientPartialTime {
  PartialTime time;
  // True when the text is in a form ParsePartialTime knows (read fully);
  // false when it was read as far as it could be ("date partly read").
  bool known_form = false;
  // Empty for a known form; else what was kept and why no more, e.g.
  // "month precision; a time without a day is not kept". Quotes at most 40
  // bytes of the text.
  std::string note;
};

// Reads as much as it can of a date written in a known form or not: the
// year, month, day and time at the precision the text gives, never more.
// A known form is read as ParsePartialTime reads it. Otherwise:
//   - "2010", "c. 2010", "approx 2010": year precision;
//   - "Jul 2010 11:10": month precision (a time needs a day to be kept);
//   - "?/11/2012" (illegible day), "31/02/2012" (impossible day): month;
//   - "12/11/2O12": a letter O (or l, I) among digits is read as 0 (or 1);
//   - "12/11/2012 at about 14.30": day (an approximate time is not kept);
//   - "14.30 12/11/2012", "Tuesday 13th Nov 2012": as if written the usual
//     way; a weekday that disagrees with its date leaves month precision;
//   - "12/11" (no year), "Nov 12" (day or year?): unknown.
// Two dates that disagree keep only what they share. Only the first 256
// bytes are looked at. Never fails; linear in the length of the text.
LenientPartialTime ReadPartialTimeLeniently(std::string_view text);

// The length of the clearly date-shaped start of a line of free text that
// ParsePartialTimePrefix does not take whole, with a time after it if there
// is one: a numeric day/month/year with two separators whose parts may be
// illegible ("?/11/2012", "12/11/2O12", "31/02/2012"), a weekday or a month
// name before or after such a date, or a month and year followed by a time
// ("Jul 2010 11:10"). 0 when the line does not begin with one: prose such as
// "May 2012 saw ..." or "2 visits" is not date-shaped.
size_t DateShapedPrefixLength(std::string_view text);

// "2012-11-12 14:30", "2012-11-12", "2012-11", "2012", or "unknown".
std::string FormatPartialTime(const PartialTime& t);

// True when `a` and `b` can describe the same moment: they agree on every field
// down to the coarser of their two precisions. Unknown is compatible with all.
bool CompatibleTimes(const PartialTime& a, const PartialTime& b);

// A sortable key: earlier times first; at equal prefix, coarser first.
// Unknown sorts last.
long long SortKey(const PartialTime& t);

// The first time after the span `t` covers, at its precision: the next
// year, month, day or minute. SortKey(NextSpan(t)) - 1 is the greatest key
// within `t`'s span (a range "to 2012" takes in all of 2012).
// REQUIRES: t.precision is known.
PartialTime NextSpan(const PartialTime& t);

}  // namespace casefile

#endif  // CASEFILE_CORE_TIME_PARTIAL_TIME_H_
