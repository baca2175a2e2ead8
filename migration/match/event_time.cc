#include "migration/match/event_time.h"

#include <algorithm>
#include <tuple>

namespace casefile::migration {
namespace {

// The fields of t down to `precision`, for ordering.
std::tuple<int, int, int, int, int> Truncated(const PartialTime& t,
                                              TimePrecision precision) {
  return {t.year, precision >= TimePrecision::kMonth ? t.month : 0,
          precision >= TimePrecision::kDay ? t.day : 0,
          precision >= TimePrecision::kMinute ? t.hour : 0,
          precision >= TimePrecision::kMinute ? t.minute : 0};
}

}  // namespace

bool CertainlyAfter(const PartialTime& t, const PartialTime& limit) {
  const TimePrecision p = std::min(t.precision, limit.precision);
  if (p == TimePrecision::kUnknown) return false;
  return Truncated(t, p) > Truncated(limit, p);
}

bool CanBeOneEvent(const EventWhen& a, const EventWhen& b) {
  return CompatibleTimes(a.occurred, b.occurred) &&
         !CertainlyAfter(a.occurred, b.not_after) &&
         !CertainlyAfter(b.occurred, a.not_after);
}

EventWhen Combine(const EventWhen& a, const EventWhen& b) {
  EventWhen out;
  out.occurred =
      a.occurred.precision >= b.occurred.precision ? a.occurred : b.occurred;
  if (a.not_after.precision == TimePrecision::kUnknown) {
    out.not_after = b.not_after;
  } else if (b.not_after.precision == TimePrecision::kUnknown) {
    out.not_after = a.not_after;
  } else {
    out.not_after = SortKey(a.not_after) <= SortKey(b.not_after) ? a.not_after
                                                                 : b.not_after;
  }
  return out;
}

}  // namespace casefile::migration
