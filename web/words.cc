#include "web/words.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_replace.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "core/time/partial_time.h"
#include "core/time/partial_time_proto.h"
#include "core/time/uk_instant.h"

namespace casefile::web {

std::string EnumWord(absl::string_view enum_name, absl::string_view prefix) {
  if (enum_name.substr(0, prefix.size()) == prefix) enum_name.remove_prefix(prefix.size());
  return absl::AsciiStrToLower(absl::StrReplaceAll(enum_name, {{"_", " "}}));
}

namespace {

// One word per kind, made once: a page asks for them thousands of times.
// `make(word)` gives what is kept for a kind whose plain word is `word`; the
// last element is for a kind this build does not know.
template <typename Make>
std::vector<std::string>* WordsPerKind(Make make) {
  auto* words = new std::vector<std::string>();
  for (int k = 0; k <= v1::EntryKind_MAX; ++k)
    words->push_back(make(v1::EntryKind_IsValid(k)
                              ? EnumWord(v1::EntryKind_Name(static_cast<v1::EntryKind>(k)), "ENTRY_KIND_")
                              : "unknown kind"));
  words->push_back(make("unknown kind"));
  return words;
}

const std::string& PerKind(const std::vector<std::string>& words, v1::EntryKind kind) {
  return kind >= 0 && kind <= v1::EntryKind_MAX ? words[kind] : words.back();
}

}  // namespace

const std::string& KindWord(v1::EntryKind kind) {
  static const auto* const words = WordsPerKind([](std::string word) { return word; });
  return PerKind(*words, kind);
}

const std::string& KindClass(v1::EntryKind kind) {
  static const auto* const classes = WordsPerKind(
      [](const std::string& word) { return "kind-" + absl::StrReplaceAll(word, {{" ", "-"}}); });
  return PerKind(*classes, kind);
}

std::string TimeText(const v1::PartialTime& t) { return FormatPartialTime(FromProto(t)); }

std::string UkTimeText(const google::protobuf::Timestamp& t) {
  return absl::FormatTime("%d/%m/%Y %H:%M", absl::FromUnixSeconds(t.seconds()), UkTimeZone());
}

absl::string_view PrecisionWord(const v1::PartialTime& t) {
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
