// Date forms: how legacy records write a date and time. The day-first forms of
// LEGACY_FORMATS.md ("12/11/2012", "12/11/12", "12.11.2012", "12 Nov 2012",
// "12th November 2012", "Nov 2012") with times "14:30", "1430" or "1430hrs",
// and the crime system's ISO forms.
//
// Thread-safety: pure functions of their arguments and the Random.
#ifndef CASEFILE_TOOLS_LEGACY_GENERATOR_DATE_FORMS_H_
#define CASEFILE_TOOLS_LEGACY_GENERATOR_DATE_FORMS_H_

#include <string>

#include "absl/time/civil_time.h"
#include "tools/legacy_generator/random.h"

namespace casefile::legacy_generator {

// A day in one of the five day-precision forms, chosen at random when
// `varied`, else "12/11/2012".
std::string DayInSomeForm(absl::CivilDay day, bool varied, Random& random);

// A time in one of "14:30", "1430", "1430hrs" when `varied`, else "14:30".
std::string TimeInSomeForm(absl::CivilMinute when, bool varied, Random& random);

// "12/11/2012" — the form officers use inside their text.
std::string SlashDate(absl::CivilDay day);
// "Nov 2012".
std::string MonthAndYear(absl::CivilDay day);
// "2012-11-12 14:30".
std::string IsoMinute(absl::CivilMinute when);
// "2012-11-12 14:30:07".
std::string IsoSecond(absl::CivilSecond when);
// "12/11/2012" or, as some indexes keep it, "20121112".
std::string DateOfBirth(absl::CivilDay day, bool compact);

}  // namespace casefile::legacy_generator

#endif  // CASEFILE_TOOLS_LEGACY_GENERATOR_DATE_FORMS_H_
