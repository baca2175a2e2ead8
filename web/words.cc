#include "web/words.h"

#include <vector>

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
  // Made once: a page asks for it twice per entry, thousands of times.
  static const auto* const words = [] {
    auto* w = new std::vector<std::string>();
    for (int k = 0; k <= v1::EntryKind_MAX; ++k)
      w->push_back(v1::EntryKind_IsValid(k) ? EnumWord(v1::EntryKind_Name(static_cast<v1::EntryKind>(k)), "ENTRY_KIND_")
                                            : "unknown kind");
    return w;
  }();
  return kind >= 0 && kind < static_cast<int>(words->size()) ? (*words)[kind] : "unknown kind";
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
