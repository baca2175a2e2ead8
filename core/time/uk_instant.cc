#include "core/time/uk_instant.h"

#include "absl/time/civil_time.h"
#include "core/time/partial_time_proto.h"

namespace casefile {

const absl::TimeZone& UkTimeZone() {
  static const absl::TimeZone zone = [] {
    absl::TimeZone tz;
    return absl::LoadTimeZone("Europe/London", &tz) ? tz : absl::UTCTimeZone();
  }();
  return zone;
}

std::optional<absl::Time> UkInstant(const v1::PartialTime& t) {
  switch (PrecisionFromProto(t.precision())) {
    case TimePrecision::kUnknown: return std::nullopt;
    case TimePrecision::kYear: return absl::FromCivil(absl::CivilYear(t.year()), UkTimeZone());
    case TimePrecision::kMonth: return absl::FromCivil(absl::CivilMonth(t.year(), t.month()), UkTimeZone());
    case TimePrecision::kDay: return absl::FromCivil(absl::CivilDay(t.year(), t.month(), t.day()), UkTimeZone());
    case TimePrecision::kMinute:
      return absl::FromCivil(absl::CivilMinute(t.year(), t.month(), t.day(), t.hour(), t.minute()),
                             UkTimeZone());
  }
  return std::nullopt;
}

absl::Time UkStartOfNextDay(const v1::PartialTime& t) {
  return absl::FromCivil(absl::CivilDay(t.year(), t.month(), t.day()) + 1, UkTimeZone());
}

}  // namespace casefile
