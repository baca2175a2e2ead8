// Day-first (UK) date and time parsing for legacy records. The scanner walks
// the text once with a cursor: it first decides whether the text is shaped
// like a date at all (NotFound if not), then validates it (InvalidArgument),
// then takes an optional time that must end at a word boundary.
#include "core/time/partial_time.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <optional>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "core/time/partial_time_internal.h"

namespace casefile {
namespace {

using namespace partial_time_internal;

bool IsAsciiAlnum(char c) { return absl::ascii_isalnum(static_cast<unsigned char>(c)); }

// A read position over the text. All reads are bounds-checked.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  size_t pos() const { return pos_; }
  void set_pos(size_t pos) { pos_ = pos; }
  bool AtEnd() const { return pos_ >= text_.size(); }
  char Peek(size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  bool Consume(char c) {
    if (Peek() != c || AtEnd()) return false;
    ++pos_;
    return true;
  }
  // Reads a run of ASCII digits; returns how many (value capped to 9 digits).
  int Digits(int* value) {
    int count = 0;
    int64_t v = 0;
    while (!AtEnd() && absl::ascii_isdigit(static_cast<unsigned char>(Peek()))) {
      if (count < 9) v = v * 10 + (Peek() - '0');
      ++count;
      ++pos_;
    }
    *value = static_cast<int>(v);
    return count;
  }
  std::string_view Letters() {
    size_t start = pos_;
    while (!AtEnd() && absl::ascii_isalpha(static_cast<unsigned char>(Peek()))) ++pos_;
    return text_.substr(start, pos_ - start);
  }
  // Skips spaces/tabs and at most one of the `punct` characters among them.
  // Returns false (and does not move) when nothing was skipped.
  bool SkipGap(std::string_view punct) {
    size_t start = pos_;
    bool used_punct = false;
    while (!AtEnd()) {
      char c = Peek();
      if (c == ' ' || c == '\t') {
        ++pos_;
      } else if (!used_punct && punct.find(c) != std::string_view::npos) {
        used_punct = true;
        ++pos_;
      } else {
        break;
      }
    }
    return pos_ > start;
  }
  std::string_view Slice(size_t from) const { return text_.substr(from, pos_ - from); }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

absl::Status NotADate(std::string_view token) {
  return absl::InvalidArgumentError(absl::StrCat(Quote(token), " is not a date"));
}

// Scans a date at the cursor. Returns nullopt (cursor restored) when the text
// is not shaped like a date.
absl::StatusOr<std::optional<PartialTime>> ScanDate(Cursor& c) {
  const size_t start = c.pos();
  PartialTime t;
  int first = 0;
  int first_digits = c.Digits(&first);
  if (first_digits == 4 && c.Peek() == '-') {
    // ISO 2012-11-12.
    int month = 0, day = 0;
    c.Consume('-');
    int md = c.Digits(&month);
    if (md < 1 || md > 2 || !c.Consume('-')) {
      c.set_pos(start);
      return std::nullopt;
    }
    int dd = c.Digits(&day);
    if (dd < 1 || dd > 2 || !ValidDay(first, month, day)) return NotADate(c.Slice(start));
    t = {TimePrecision::kDay, first, month, day, 0, 0};
    return t;
  }
  if (first_digits == 1 || first_digits == 2) {
    const char sep = c.Peek();
    if ((sep == '/' || sep == '.' || sep == '-') &&
        absl::ascii_isdigit(static_cast<unsigned char>(c.Peek(1)))) {
      // Numeric day-first 12/11/2012, 12.11.12, 12-11-2012.
      c.Consume(sep);
      int month = 0, year = 0;
      int md = c.Digits(&month);
      if (md < 1 || md > 2 || !c.Consume(sep) ||
          !absl::ascii_isdigit(static_cast<unsigned char>(c.Peek()))) {
        c.set_pos(start);
        return std::nullopt;
      }
      int yd = c.Digits(&year);
      if (yd != 2 && yd != 4) return NotADate(c.Slice(start));
      year = ExpandYear(yd, year);
      if (!ValidDay(year, month, first)) return NotADate(c.Slice(start));
      t = {TimePrecision::kDay, year, month, first, 0, 0};
      return t;
    }
    // 12 Nov 2012, 12th November 2012, 12-Nov-2012.
    size_t after_day = c.pos();
    std::string_view suffix = c.Letters();
    if (!suffix.empty()) {
      std::string s = absl::AsciiStrToLower(Av(suffix));
      if (s != "st" && s != "nd" && s != "rd" && s != "th") c.set_pos(after_day);
    }
    if (!c.SkipGap("-")) {
      c.set_pos(start);
      return std::nullopt;
    }
    int month = MonthFromName(c.Letters());
    c.Consume('.');
    int year = 0;
    if (month == 0 || !c.SkipGap(",-")) {
      c.set_pos(start);
      return std::nullopt;
    }
    int yd = c.Digits(&year);
    if (yd != 2 && yd != 4) {
      if (yd == 0) {
        c.set_pos(start);
        return std::nullopt;
      }
      return NotADate(c.Slice(start));
    }
    year = ExpandYear(yd, year);
    if (!ValidDay(year, month, first)) return NotADate(c.Slice(start));
    t = {TimePrecision::kDay, year, month, first, 0, 0};
    return t;
  }
  if (first_digits == 0) {
    // Nov 2012 (month precision).
    int month = MonthFromName(c.Letters());
    c.Consume('.');
    int year = 0;
    if (month == 0 || !c.SkipGap(",") || c.Digits(&year) != 4 ||
        IsAsciiAlnum(c.Peek())) {
      c.set_pos(start);
      return std::nullopt;
    }
    if (year < kMinYear || year > kMaxYear) return NotADate(c.Slice(start));
    t = {TimePrecision::kMonth, year, month, 0, 0, 0};
    return t;
  }
  c.set_pos(start);
  return std::nullopt;
}

// Scans an optional time after a date: "14:30", "14.30", "14:30:00", "1430",
// "1430hrs". Leaves the cursor where it was when there is no time.
absl::Status ScanTime(Cursor& c, bool iso, PartialTime& t) {
  const size_t before_gap = c.pos();
  bool gap = (iso && c.Consume('T')) || c.SkipGap(",");
  if (!gap) return absl::OkStatus();
  const size_t start = c.pos();
  int hour = 0, minute = 0;
  int hd = c.Digits(&hour);
  bool shaped = false;
  if ((hd == 1 || hd == 2) && (c.Peek() == ':' || c.Peek() == '.') &&
      absl::ascii_isdigit(static_cast<unsigned char>(c.Peek(1)))) {
    c.Consume(c.Peek());
    shaped = c.Digits(&minute) == 2;
    if (shaped && c.Peek() == ':' &&
        absl::ascii_isdigit(static_cast<unsigned char>(c.Peek(1)))) {
      c.Consume(':');
      int second = 0;
      shaped = c.Digits(&second) == 2 && second <= 59;
    }
  } else if (hd == 4) {
    minute = hour % 100;
    hour /= 100;
    shaped = true;
  }
  if (shaped) {
    // "1430hrs", "1430 hrs", "1430h".
    size_t before_suffix = c.pos();
    c.SkipGap("");
    std::string suffix = absl::AsciiStrToLower(Av(c.Letters()));
    if (suffix != "hrs" && suffix != "hr" && suffix != "h" && suffix != "hours") {
      c.set_pos(before_suffix);
    }
  }
  if (!shaped || IsAsciiAlnum(c.Peek())) {
    c.set_pos(before_gap);
    return absl::OkStatus();
  }
  if (hour > 23 || minute > 59) {
    return absl::InvalidArgumentError(absl::StrCat(Quote(c.Slice(start)), " is not a time"));
  }
  t.precision = TimePrecision::kMinute;
  t.hour = hour;
  t.minute = minute;
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<PartialTimePrefix> ParsePartialTimePrefix(std::string_view text) {
  Cursor c(text);
  absl::StatusOr<std::optional<PartialTime>> date = ScanDate(c);
  if (!date.ok()) return date.status();
  if (!date->has_value()) return absl::NotFoundError("text does not begin with a date");
  PartialTime t = **date;
  if (t.precision == TimePrecision::kDay) {
    // Only an ISO date (four leading digits) may take a 'T' before its time.
    const bool iso = text.size() > 4 && text[4] == '-' &&
                     std::all_of(text.begin(), text.begin() + 4, [](char ch) {
                       return absl::ascii_isdigit(static_cast<unsigned char>(ch));
                     });
    if (absl::Status s = ScanTime(c, iso, t); !s.ok()) return s;
  }
  return PartialTimePrefix{t, c.pos()};
}

absl::StatusOr<PartialTime> ParsePartialTime(std::string_view text) {
  absl::string_view stripped = absl::StripAsciiWhitespace(Av(text));
  std::string_view trimmed(stripped.data(), stripped.size());
  if (trimmed.empty() || absl::EqualsIgnoreCase(stripped, "unknown")) return PartialTime{};
  if (trimmed.size() == 8 && std::all_of(trimmed.begin(), trimmed.end(), [](char ch) {
        return absl::ascii_isdigit(static_cast<unsigned char>(ch));
      })) {
    int v = 0;
    for (char ch : trimmed) v = v * 10 + (ch - '0');
    int y = v / 10000, m = v / 100 % 100, d = v % 100;
    if (!ValidDay(y, m, d)) return NotADate(trimmed);
    return PartialTime{TimePrecision::kDay, y, m, d, 0, 0};
  }
  absl::StatusOr<PartialTimePrefix> prefix = ParsePartialTimePrefix(trimmed);
  if (prefix.ok() && prefix->length == trimmed.size()) return prefix->time;
  // An impossible date or time is named by the scanner; anything else
  // (no date at all, or text after it) is named whole.
  if (absl::IsInvalidArgument(prefix.status())) return prefix.status();
  return NotADate(trimmed);
}

namespace {

// `value` as at least `width` digits, zero-padded ("%0*d" for what a time
// holds; a case file page formats thousands, where StrFormat was a hot spot).
void AppendPadded(std::string& out, int value, int width) {
  if (value < 0) return absl::StrAppend(&out, absl::StrFormat("%0*d", width, value));
  char digits[16];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value > 0);
  for (int i = n; i < width; ++i) out.push_back('0');
  while (n > 0) out.push_back(digits[--n]);
}

}  // namespace

std::string FormatPartialTime(const PartialTime& t) {
  if (t.precision == TimePrecision::kUnknown) return "unknown";
  std::string out;
  out.reserve(16);
  AppendPadded(out, t.year, 4);
  if (t.precision == TimePrecision::kYear) return out;
  out.push_back('-');
  AppendPadded(out, t.month, 2);
  if (t.precision == TimePrecision::kMonth) return out;
  out.push_back('-');
  AppendPadded(out, t.day, 2);
  if (t.precision == TimePrecision::kDay) return out;
  out.push_back(' ');
  AppendPadded(out, t.hour, 2);
  out.push_back(':');
  AppendPadded(out, t.minute, 2);
  return out;
}

bool CompatibleTimes(const PartialTime& a, const PartialTime& b) {
  const TimePrecision p = a.precision < b.precision ? a.precision : b.precision;
  if (p == TimePrecision::kUnknown) return true;
  if (a.year != b.year) return false;
  if (p >= TimePrecision::kMonth && a.month != b.month) return false;
  if (p >= TimePrecision::kDay && a.day != b.day) return false;
  if (p == TimePrecision::kMinute && (a.hour != b.hour || a.minute != b.minute)) return false;
  return true;
}

PartialTime NextSpan(const PartialTime& t) {
  switch (t.precision) {
    case TimePrecision::kYear: return {TimePrecision::kYear, t.year + 1};
    case TimePrecision::kMonth:
      return t.month == 12 ? PartialTime{TimePrecision::kMonth, t.year + 1, 1} : PartialTime{TimePrecision::kMonth, t.year, t.month + 1};
    case TimePrecision::kDay: {
      const absl::CivilDay next = absl::CivilDay(t.year, t.month, t.day) + 1;
      return {TimePrecision::kDay, static_cast<int>(next.year()), next.month(), next.day()};
    }
    default: {
      const absl::CivilMinute next = absl::CivilMinute(t.year, t.month, t.day, t.hour, t.minute) + 1;
      return {TimePrecision::kMinute, static_cast<int>(next.year()), next.month(), next.day(), next.hour(), next.minute()};
    }
  }
}

long long SortKey(const PartialTime& t) {
  if (t.precision == TimePrecision::kUnknown) return LLONG_MAX;
  // Coarser fields are zero, and a minute-precision hour counts from 1, so a
  // coarser time sorts before every finer time that shares its prefix.
  const long long hour_slot = t.precision == TimePrecision::kMinute ? t.hour + 1 : 0;
  return (((static_cast<long long>(t.year) * 13 + t.month) * 32 + t.day) * 25 + hour_slot) *
             60 +
         t.minute;
}

}  // namespace casefile
