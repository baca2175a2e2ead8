// libFuzzer target: bytes → text decoding → the lenient date reader
// (ReadPartialTimeLeniently) and the log-line date shape
// (DateShapedPrefixLength). Checks that what is kept is a valid date at its
// precision, never more than the text holds, and agrees with the strict
// parser on the known forms.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/time/partial_time.h"
#include "fuzz/fuzz_checks.h"
#include "migration/readers/text_decoding.h"

namespace {

using casefile::LenientPartialTime;
using casefile::PartialTime;
using casefile::TimePrecision;
using casefile::migration::FuzzCheck;
using casefile::migration::IsValidUtf8;

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Fields finer than the precision are zero; the others are in range.
void CheckWellFormed(const PartialTime& t) {
  const TimePrecision p = t.precision;
  if (p == TimePrecision::kUnknown) {
    FuzzCheck(t.year == 0 && t.month == 0);
  } else {
    FuzzCheck(t.year >= 1800 && t.year <= 2199);
  }
  if (p >= TimePrecision::kMonth) {
    FuzzCheck(t.month >= 1 && t.month <= 12);
  } else {
    FuzzCheck(t.month == 0);
  }
  if (p >= TimePrecision::kDay) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const int days = t.month == 2 && IsLeap(t.year) ? 29 : kDays[t.month - 1];
    FuzzCheck(t.day >= 1 && t.day <= days);
  } else {
    FuzzCheck(t.day == 0);
  }
  if (p == TimePrecision::kMinute) {
    FuzzCheck(t.hour >= 0 && t.hour <= 23 && t.minute >= 0 && t.minute <= 59);
  } else {
    FuzzCheck(t.hour == 0 && t.minute == 0);
  }
}

void CheckLenient(std::string_view text) {
  const LenientPartialTime r = casefile::ReadPartialTimeLeniently(text);
  CheckWellFormed(r.time);
  // Known forms are read exactly as the strict parser reads them.
  absl::StatusOr<PartialTime> strict = casefile::ParsePartialTime(text);
  FuzzCheck(r.known_form == strict.ok());
  if (strict.ok()) {
    FuzzCheck(r.time == *strict && r.note.empty());
  } else {
    FuzzCheck(!r.note.empty() && IsValidUtf8(r.note));
  }
  // Never invented: without a digit in the text there is no year.
  if (text.find_first_of("0123456789") == std::string_view::npos) {
    FuzzCheck(r.time.precision == TimePrecision::kUnknown);
  }
  // A day or a minute written out reads back the same.
  if (r.time.precision >= TimePrecision::kDay) {
    absl::StatusOr<PartialTime> back = casefile::ParsePartialTime(casefile::FormatPartialTime(r.time));
    FuzzCheck(back.ok() && *back == r.time);
  }
  // Deterministic.
  FuzzCheck(casefile::ReadPartialTimeLeniently(text).time == r.time);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::string text = casefile::migration::DecodeLegacyText(bytes).text;
  CheckLenient(text);
  const size_t prefix = casefile::DateShapedPrefixLength(text);
  FuzzCheck(prefix <= text.size() && prefix <= 96);
  if (prefix > 0) {
    // The shape ends where a token ends, and its date reads on its own.
    FuzzCheck(IsValidUtf8(text.substr(0, prefix)));
    CheckLenient(text.substr(0, prefix));
  }
  return 0;
}
