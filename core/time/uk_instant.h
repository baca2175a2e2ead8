// The instant a recorded civil UK time (casefile.v1.PartialTime) begins:
// "12/11/2026" is 2026-11-12 00:00 Europe/London, "Nov 2026" the 1st at
// 00:00, "12/11/2026 14:30" that minute. The attention lists compare these
// with the server clock.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_CORE_TIME_UK_INSTANT_H_
#define CASEFILE_CORE_TIME_UK_INSTANT_H_

#include <optional>

#include "absl/time/time.h"
#include "casefile/v1/case.pb.h"

namespace casefile {

// Europe/London from the system's zone data; UTC where there is none (a
// difference of one hour in summer, never more).
const absl::TimeZone& UkTimeZone();

// nullopt for an undated time. REQUIRES: `t` passed ValidatePartialTime.
std::optional<absl::Time> UkInstant(const v1::PartialTime& t);
// The start of the UK day after the day of `t`. REQUIRES: `t` known to the day.
absl::Time UkStartOfNextDay(const v1::PartialTime& t);

}  // namespace casefile

#endif  // CASEFILE_CORE_TIME_UK_INSTANT_H_
