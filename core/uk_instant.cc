#include "core/uk_instant.h"

#include "absl/time/civil_time.h"
#include "core/partial_time_proto.h"

namespace casefile {
namespace {

// Europe/London from the system's zone data; UTC where there is none (a
// difference of one hour in summer, never more).
const absl::TimeZone& London() {
  static const absl::TimeZone zone = [] {
    absl::TimeZone tz;
    return absl::LoadTimeZone("Europe/London", &tz) ? tz : absl::UTCTimeZone();
  }();
  return zone;
}

}  // namespace

std::optional<absl::Time> UkInstant(const v1::PartialTime& t) {
  switch (PrecisionFromProto(t.precision())) {
    case TimePrecision::kUnknown: return std::nullopt;
    case TimePrecision::kYear: return absl::FromCivil(absl::CivilYear(t.year()), London());
    case TimePrecision::kMonth: return absl::FromCivil(absl::CivilMonth(t.year(), t.month()), London());
    case TimePrecision::kDay: return absl::FromCivil(absl::CivilDay(t.year(), t.month(), t.day()), London());
    case TimePrecision::kMinute:
      return absl::FromCivil(absl::CivilMinute(t.year(), t.month(), t.day(), t.hour(), t.minute()),
                             London());
  }
  return std::nullopt;
}

absl::Time UkStartOfNextDay(const v1::PartialTime& t) {
  return absl::FromCivil(absl::CivilDay(t.year(), t.month(), t.day()) + 1, London());
}

}  // namespace casefile
