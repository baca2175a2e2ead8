// Conversions between PartialTime and its wire form casefile.v1.PartialTime.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_CORE_PARTIAL_TIME_PROTO_H_
#define CASEFILE_CORE_PARTIAL_TIME_PROTO_H_

#include "casefile/v1/case.pb.h"
#include "core/partial_time.h"

namespace casefile {

inline v1::PartialTime ToProto(const PartialTime& t) {
  v1::PartialTime p;
  p.set_precision(static_cast<v1::PartialTime::Precision>(t.precision));
  p.set_year(t.year);
  p.set_month(t.month);
  p.set_day(t.day);
  p.set_hour(t.hour);
  p.set_minute(t.minute);
  return p;
}

inline PartialTime FromProto(const v1::PartialTime& p) {
  return PartialTime{static_cast<TimePrecision>(p.precision()), p.year(), p.month(), p.day(),
                     p.hour(), p.minute()};
}

}  // namespace casefile

#endif  // CASEFILE_CORE_PARTIAL_TIME_PROTO_H_
