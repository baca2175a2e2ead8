#include "tools/legacy_generator/date_forms.h"

#include <array>
#include <string_view>

#include "absl/strings/str_format.h"

namespace casefile::legacy_generator {
namespace {

constexpr std::array<std::string_view, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

std::string_view Ordinal(int day) {
  if (day / 10 == 1) return "th";
  switch (day % 10) {
    case 1:
      return "st";
    case 2:
      return "nd";
    case 3:
      return "rd";
    default:
      return "th";
  }
}

}  // namespace

std::string SlashDate(absl::CivilDay day) {
  return absl::StrFormat("%02d/%02d/%04d", day.day(), day.month(), day.year());
}

std::string MonthAndYear(absl::CivilDay day) {
  return absl::StrFormat("%s %04d", kMonthNames[day.month() - 1].substr(0, 3), day.year());
}

std::string DayInSomeForm(absl::CivilDay day, bool varied, Random& random) {
  if (!varied) return SlashDate(day);
  const std::string_view month = kMonthNames[day.month() - 1];
  switch (random.Below(6)) {
    case 0:
    case 1:
      return SlashDate(day);  // the commonest form, twice as likely
    case 2:
      return absl::StrFormat("%02d/%02d/%02d", day.day(), day.month(), day.year() % 100);
    case 3:
      return absl::StrFormat("%02d.%02d.%04d", day.day(), day.month(), day.year());
    case 4:
      return absl::StrFormat("%d %s %04d", day.day(), month.substr(0, 3), day.year());
    default:
      return absl::StrFormat("%d%s %s %04d", day.day(), Ordinal(day.day()), month, day.year());
  }
}

std::string TimeInSomeForm(absl::CivilMinute when, bool varied, Random& random) {
  switch (varied ? random.Below(3) : 0) {
    case 0:
      return absl::StrFormat("%02d:%02d", when.hour(), when.minute());
    case 1:
      return absl::StrFormat("%02d%02d", when.hour(), when.minute());
    default:
      return absl::StrFormat("%02d%02dhrs", when.hour(), when.minute());
  }
}

std::string IsoMinute(absl::CivilMinute when) {
  return absl::StrFormat("%04d-%02d-%02d %02d:%02d", when.year(), when.month(), when.day(),
                         when.hour(), when.minute());
}

std::string IsoSecond(absl::CivilSecond when) {
  return absl::StrFormat("%04d-%02d-%02d %02d:%02d:%02d", when.year(), when.month(), when.day(),
                         when.hour(), when.minute(), when.second());
}

std::string DateOfBirth(absl::CivilDay day, bool compact) {
  if (compact) return absl::StrFormat("%04d%02d%02d", day.year(), day.month(), day.day());
  return SlashDate(day);
}

}  // namespace casefile::legacy_generator
