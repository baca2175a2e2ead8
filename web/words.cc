#include "web/words.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_replace.h"
#include "absl/time/civil_time.h"
#include "core/partial_time.h"
#include "core/partial_time_proto.h"

namespace casefile::web {

std::string EnumWord(absl::string_view enum_name, absl::string_view prefix) {
  if (enum_name.substr(0, prefix.size()) == prefix) enum_name.remove_prefix(prefix.size());
  return absl::AsciiStrToLower(absl::StrReplaceAll(enum_name, {{"_", " "}}));
}

std::string KindWord(v1::EntryKind kind) {
  const std::string& name = v1::EntryKind_Name(kind);
  return name.empty() ? "unknown kind" : EnumWord(name, "ENTRY_KIND_");
}

std::string TimeText(const v1::PartialTime& t) { return FormatPartialTime(FromProto(t)); }

std::string PrecisionWord(const v1::PartialTime& t) {
  switch (FromProto(t).precision) {
    case TimePrecision::kMinute: return "to the minute";
    case TimePrecision::kDay: return "to the day";
    case TimePrecision::kMonth: return "to the month";
    case TimePrecision::kYear: return "year only";
    case TimePrecision::kUnknown: break;
  }
  return "undated";
}

bool DayNumber(const v1::PartialTime& t, long& day) {
  const PartialTime p = FromProto(t);
  if (p.precision == TimePrecision::kUnknown) return false;
  const absl::CivilDay d(p.year, p.month == 0 ? 1 : p.month, p.day == 0 ? 1 : p.day);
  day = static_cast<long>(d - absl::CivilDay(1970, 1, 1));
  return true;
}

}  // namespace casefile::web
