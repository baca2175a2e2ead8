// Conversions between PartialTime and its wire form casefile.v1.PartialTime.
// The wire numbers of the precisions are not in order of precision
// (PRECISION_YEAR = 4 was appended), so code that compares precisions
// compares TimePrecision values, never wire numbers.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_CORE_TIME_PARTIAL_TIME_PROTO_H_
#define CASEFILE_CORE_TIME_PARTIAL_TIME_PROTO_H_

#include "casefile/v1/case.pb.h"
#include "core/time/partial_time.h"

namespace casefile {

inline v1::PartialTime::Precision ToProto(TimePrecision p) {
  switch (p) {
    case TimePrecision::kUnknown:
      return v1::PartialTime::PRECISION_UNSPECIFIED;
    case TimePrecision::kYear:
      return v1::PartialTime::PRECISION_YEAR;
    case TimePrecision::kMonth:
      return v1::PartialTime::PRECISION_MONTH;
    case TimePrecision::kDay:
      return v1::PartialTime::PRECISION_DAY;
    case TimePrecision::kMinute:
      return v1::PartialTime::PRECISION_MINUTE;
  }
  return v1::PartialTime::PRECISION_UNSPECIFIED;
}

// A wire number this build does not know reads as unknown.
inline TimePrecision PrecisionFromProto(int p) {
  switch (p) {
    case v1::PartialTime::PRECISION_YEAR:
      return TimePrecision::kYear;
    case v1::PartialTime::PRECISION_MONTH:
      return TimePrecision::kMonth;
    case v1::PartialTime::PRECISION_DAY:
      return TimePrecision::kDay;
    case v1::PartialTime::PRECISION_MINUTE:
      return TimePrecision::kMinute;
    default:
      return TimePrecision::kUnknown;
  }
}

inline v1::PartialTime ToProto(const PartialTime& t) {
  v1::PartialTime p;
  p.set_precision(ToProto(t.precision));
  p.set_year(t.year);
  p.set_month(t.month);
  p.set_day(t.day);
  p.set_hour(t.hour);
  p.set_minute(t.minute);
  return p;
}

inline PartialTime FromProto(const v1::PartialTime& p) {
  return PartialTime{PrecisionFromProto(p.precision()), p.year(), p.month(), p.day(), p.hour(),
                     p.minute()};
}

}  // namespace casefile

#endif  // CASEFILE_CORE_TIME_PARTIAL_TIME_PROTO_H_
