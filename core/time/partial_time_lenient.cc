// The lenient date reader (ReadPartialTimeLeniently, DateShapedPrefixLength;
// see partial_time.h). The text is cut into tokens (numbers, words,
// punctuation, '?' for an illegible part), the tokens are matched left to
// right against the pieces a date is written in (a numeric date, a day and a
// month name, a year, a time, a weekday, "about"), and the pieces are put
// together keeping only what is certain. One pass over at most 256 bytes.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "core/time/lenient_tokens.h"
#include "core/time/partial_time.h"
#include "core/time/partial_time_internal.h"

namespace casefile {
namespace {

using namespace partial_time_internal;

// A date is short; text beyond this is not looked at (and said so).
constexpr size_t kMaxLenientBytes = 256;

class Scanner : TokenView {
 public:
  Scanner(const std::vector<Token>& tokens) : TokenView(tokens) {}

  Pieces Scan() {
    while (i_ < t_.size()) {
      if (!(NumericDate() || NumericPair() || DayThenMonth() || MonthFirst() || Number() ||
            Word())) {
        ++i_;  // punctuation
      }
    }
    return std::move(p_);
  }

 private:
  void NoteLookalike(size_t k) {
    if (IsNum(k) && t_[k].lookalike) p_.lookalike = true;
  }

  // A year from a number token of `width` 2 or 4; nullopt (illegible) else.
  std::optional<int> YearOf(size_t k) {
    if (!IsNum(k)) return std::nullopt;
    NoteLookalike(k);
    if (t_[k].width != 2 && t_[k].width != 4) return std::nullopt;
    return ExpandYear(t_[k].width, t_[k].value);
  }
  std::optional<int> SmallOf(size_t k) {
    if (!IsNum(k) || t_[k].width > 2) return std::nullopt;
    NoteLookalike(k);
    return t_[k].value;
  }
  size_t TakeTime(size_t k, TimePiece& out) {
    const size_t used = TimeAt(k, out);
    if (used > 0) {
      NoteLookalike(k);
      NoteLookalike(k + 2);
    }
    return used;
  }

  void AddTime(TimePiece time) {
    time.approximate = approximate_pending_;
    approximate_pending_ = false;
    p_.times.push_back(time);
  }
  // Adds a date piece that ends before token `end`, and goes on from there.
  void AddDate(DatePiece d, size_t end) {
    if (approximate_pending_) p_.approximate_date = true;
    approximate_pending_ = false;
    p_.dates.push_back(d);
    i_ = end;
    last_date_end_ = end;
  }

  // d/m/y (or y-m-d) with the same separator twice and no spaces; any part
  // may be illegible.
  bool NumericDate() {
    const size_t k = i_;
    if (!NumericTripleAt(k)) return false;
    DatePiece d;
    if (IsNum(k) && t_[k].width == 4) {  // ISO 2012-11-12
      NoteLookalike(k);
      d.year = t_[k].value;
      d.month = SmallOf(k + 2);
      d.day = SmallOf(k + 4);
      d.month_illegible = !d.month;
      d.day_illegible = !d.day;
    } else {
      d.day = SmallOf(k);
      d.month = SmallOf(k + 2);
      d.year = YearOf(k + 4);
      d.day_illegible = !d.day;
      d.month_illegible = !d.month;
      d.year_illegible = !d.year;
    }
    AddDate(d, k + 5);
    return true;
  }

  // A time "14.30", or d/m ("12/11", no year), or m/y ("11/2012").
  bool NumericPair() {
    const size_t k = i_;
    TimePiece time;
    if (size_t used = TakeTime(k, time); used > 0) {
      AddTime(time);
      i_ = k + used;
      return true;
    }
    if (!IsNumOrIllegible(k) || !IsPunct(k + 1, "/-.") || !Attached(k + 1) ||
        !IsNumOrIllegible(k + 2) || !Attached(k + 2)) {
      return false;
    }
    DatePiece d;
    if (IsNum(k + 2) && t_[k + 2].width >= 3) {  // 11/2012
      d.month = SmallOf(k);
      d.month_illegible = !d.month;
      d.year = YearOf(k + 2);
      d.year_illegible = !d.year;
    } else {
      d.day = SmallOf(k);
      d.month = SmallOf(k + 2);
      d.day_illegible = !d.day;
      d.month_illegible = !d.month;
    }
    AddDate(d, k + 3);
    return true;
  }

  // 12 Nov 2012, 12th of November, 2012, 12-Nov-12, ?? Nov 2012.
  bool DayThenMonth() {
    size_t k = i_;
    if (!IsNumOrIllegible(k) || (IsNum(k) && t_[k].width > 2)) return false;
    const size_t day_at = k++;
    if (IsWordAt(k) && Attached(k) && IsOrdinal(t_[k].word())) ++k;
    k = SkipJoiners(k);
    const int month = MonthAt(k);
    if (month == 0) return false;
    DatePiece d;
    d.day = SmallOf(day_at);
    d.day_illegible = !d.day;
    d.month = month;
    k = SkipJoiners(k + 1);
    if (IsNum(k) && (t_[k].width == 2 || t_[k].width == 4) && !TimeFollows(k)) {
      d.year = YearOf(k);
      ++k;
    } else if (IsNum(k) && t_[k].width != 2 && t_[k].width != 4) {
      d.year_illegible = true;
      ++k;
    }
    AddDate(d, k);
    return true;
  }

  // Nov 2012, Nov. 12th 2012, November 12, 2012; "Nov 12" is unclear.
  bool MonthFirst() {
    size_t k = i_;
    const int month = MonthAt(k);
    if (month == 0) return false;
    DatePiece d;
    d.month = month;
    k = SkipJoiners(k + 1);
    if (IsNum(k) && t_[k].width == 4 && !TimeFollows(k)) {
      d.year = YearOf(k);
      ++k;
    } else if (IsNum(k) && t_[k].width <= 2 && !TimeFollows(k)) {
      // "Nov 12th, 2012" / "Nov 12 2012" (a day, then a year), else unclear.
      size_t after = k + 1;
      const bool ordinal = IsWordAt(after) && Attached(after) && IsOrdinal(t_[after].word());
      if (ordinal) ++after;
      after = SkipJoiners(after);
      if (IsNum(after) && t_[after].width == 4) {
        d.day = SmallOf(k);
        d.year = YearOf(after);
        k = after + 1;
      } else if (ordinal) {
        d.day = SmallOf(k);
        k = after;
      } else {
        p_.ambiguous = true;  // "Nov 12": no piece
        i_ = k + 1;
        return true;
      }
    }
    if (!d.year && !d.day) {
      // A month name alone ("may", "march") may be a word of the text.
      p_.unread = true;
      i_ = k;
      return true;
    }
    AddDate(d, k);
    return true;
  }

  // A lone number: a year, a time "1430", or "2pm".
  bool Number() {
    const size_t k = i_;
    if (!IsNum(k)) return false;
    const Token& n = t_[k];
    ++i_;
    if (IsWordAt(k + 1) && IsOneOf(t_[k + 1].word(), {"am", "pm"}) && n.width <= 2) {
      p_.dropped_hour = true;  // an hour without minutes is not a minute
      ++i_;
      return true;
    }
    NoteLookalike(k);
    if (n.width == 4 && !n.lookalike && !p_.dates.empty() && last_date_end_ == k &&
        n.value / 100 < 24 && n.value % 100 < 60) {
      // Right after a date, "1900" is a time, not a second year.
      AddTime(TimePiece{n.value / 100, n.value % 100, false, n.begin, n.end});
      return true;
    }
    if (n.width == 4 && ValidYear(n.value) && !n.lookalike) {
      AddDate(YearPiece(n.value), i_);
      return true;
    }
    if (n.width == 4 && n.lookalike) {
      // "2O1O": a year with letters in it; a time would not have them.
      AddDate(YearPiece(n.value), i_);
      return true;
    }
    if (n.width == 4 && !p_.dates.empty()) {
      AddTime(TimePiece{n.value / 100, n.value % 100, false, n.begin, n.end});
      return true;
    }
    p_.unread = true;
    return true;
  }

  bool Word() {
    if (!IsWordAt(i_) && !(At(i_) && t_[i_].kind == Token::kIllegible)) return false;
    const Token& w = t_[i_++];
    if (w.kind == Token::kIllegible) {
      p_.unread = true;
      return true;
    }
    if (IsApproximateWord(w.word())) {
      approximate_pending_ = true;
    } else if (int day = WeekdayFromName(w.word()); day >= 0 && WeekdayMayCount(i_ - 1)) {
      // Before the date, or just after it: "Tuesday 13/11/2012", "13/11/2012 (Tue)".
      p_.weekday = day;
    } else if (!IsFiller(w.word()) && !IsOrdinal(w.word()) && w.word() != "unknown") {
      p_.unread = true;
    }
    return true;
  }

  bool WeekdayMayCount(size_t k) const {
    if (p_.dates.empty()) return true;
    size_t gap = last_date_end_;
    while (gap < k && IsPunct(gap, "(,")) ++gap;
    return gap == k;
  }

  size_t i_ = 0;
  size_t last_date_end_ = 0;
  bool approximate_pending_ = false;
  Pieces p_;
};

// The pieces of one date merged: a field two pieces give differently is
// dropped, with every finer field.
DatePiece Merge(const std::vector<DatePiece>& dates, bool& disagree) {
  DatePiece out;
  bool first = true;
  for (const DatePiece& d : dates) {
    if (first) {
      out = d;
      first = false;
      continue;
    }
    auto merge = [&](std::optional<int>& into, const std::optional<int>& from, bool& illegible,
                     bool from_illegible) {
      if (into && from && *into != *from) {
        disagree = true;
        into.reset();
      } else if (!into && from && !illegible) {
        into = from;
      } else if (!into && from_illegible) {
        illegible = true;
      }
    };
    merge(out.year, d.year, out.year_illegible, d.year_illegible);
    merge(out.month, d.month, out.month_illegible, d.month_illegible);
    merge(out.day, d.day, out.day_illegible, d.day_illegible);
  }
  return out;
}

std::string_view PrecisionName(TimePrecision p) {
  switch (p) {
    case TimePrecision::kUnknown:
      return "unknown";
    case TimePrecision::kYear:
      return "year";
    case TimePrecision::kMonth:
      return "month";
    case TimePrecision::kDay:
      return "day";
    case TimePrecision::kMinute:
      return "minute";
  }
  return "unknown";
}

LenientPartialTime Assemble(std::string_view text, const Pieces& p, bool cut) {
  LenientPartialTime r;
  std::vector<std::string> why;
  if (cut) why.push_back(absl::StrCat("only the first ", kMaxLenientBytes, " bytes read"));
  if (p.lookalike) why.push_back("a letter read as a digit");
  bool disagree = false;
  const DatePiece d = Merge(p.dates, disagree);
  if (disagree) why.push_back("two dates disagree: only what they share kept");
  PartialTime& t = r.time;
  if (d.year && ValidYear(*d.year)) {
    t.precision = TimePrecision::kYear;
    t.year = *d.year;
    if (p.approximate_date) why.push_back("approximate");
  } else if (d.year) {
    why.push_back(absl::StrFormat("year %d out of range", *d.year));
  } else if (d.month || d.day) {
    why.push_back(d.year_illegible ? "the year is illegible" : "no year");
  } else if (p.dates.empty() && !p.ambiguous) {
    why.push_back("no date in it");
  }
  if (t.precision == TimePrecision::kYear) {
    if (d.month && *d.month >= 1 && *d.month <= 12) {
      t.precision = TimePrecision::kMonth;
      t.month = *d.month;
    } else if (d.month) {
      why.push_back(absl::StrFormat("month %d is not a month", *d.month));
    } else if (d.month_illegible) {
      why.push_back("the month is illegible");
    }
  }
  if (t.precision == TimePrecision::kMonth) {
    if (d.day && ValidDay(t.year, t.month, *d.day)) {
      t.precision = TimePrecision::kDay;
      t.day = *d.day;
    } else if (d.day) {
      why.push_back(absl::StrFormat("%d %s is not a day", *d.day, MonthName(t.month)));
    } else if (d.day_illegible) {
      why.push_back("the day is illegible");
    }
  }
  if (t.precision == TimePrecision::kDay && p.weekday >= 0 &&
      WeekdayOf(t.year, t.month, t.day) != p.weekday) {
    why.push_back(absl::StrFormat("%d %s %d was a %s, not a %s", t.day, MonthName(t.month), t.year,
                                  WeekdayName(WeekdayOf(t.year, t.month, t.day)),
                                  WeekdayName(p.weekday)));
    t.precision = TimePrecision::kMonth;
    t.day = 0;
  }
  if (p.ambiguous) why.push_back("a month and two digits: day or year unclear");
  if (!p.times.empty()) {
    const TimePiece& time = p.times.front();
    const std::string_view written = text.substr(time.begin, time.end - time.begin);
    bool same = true;
    for (const TimePiece& other : p.times) {
      same = same && other.hour == time.hour && other.minute == time.minute;
    }
    if (!same) {
      why.push_back("two times disagree: no time kept");
    } else if (time.hour > 23 || time.minute > 59) {
      why.push_back(absl::StrCat(Quote(written), " is not a time"));
    } else if (time.approximate) {
      why.push_back(absl::StrCat("the time ", Quote(written), " is approximate: not kept"));
    } else if (t.precision != TimePrecision::kDay) {
      why.push_back("a time without a day is not kept");
    } else {
      t.precision = TimePrecision::kMinute;
      t.hour = time.hour;
      t.minute = time.minute;
    }
  }
  if (p.dropped_hour) why.push_back("an hour without minutes is not kept");
  if (p.unread) why.push_back("some words not read");
  r.note = t.precision == TimePrecision::kUnknown ? "no date read"
                                                   : absl::StrCat(Av(PrecisionName(t.precision)),
                                                                  " precision");
  for (const std::string& w : why) absl::StrAppend(&r.note, "; ", w);
  return r;
}

// Whether a line begins with a clearly date-shaped token (see
// DateShapedPrefixLength) and where that ends.
class PrefixShape : TokenView {
 public:
  explicit PrefixShape(const std::vector<Token>& tokens) : TokenView(tokens) {}

  // The token after the date-shaped start, or 0 when there is none.
  size_t End() const {
    size_t k = 0;
    bool weekday = false;
    if (IsWordAt(k) && WeekdayFromName(t_[k].word()) >= 0) {
      weekday = true;
      k = IsPunct(k + 1, ",") ? k + 2 : k + 1;
    }
    // "14.30 12/11/2012": a time first.
    TimePiece scratch;
    size_t after_time = 0;
    if (size_t used = TimeAt(k, scratch); used > 0) {
      after_time = k + used;
      if (IsPunct(after_time, ",")) ++after_time;
    }
    size_t end = after_time > 0 ? DateEnd(after_time, /*month_year_counts=*/true) : 0;
    if (end > 0) return end;
    end = DateEnd(k, weekday);
    if (end == 0) {
      if (!IsMonthYear(k)) return 0;
      end = SkipJoiners(k + 1) + 1;
      const size_t with_time = TimeEnd(end);
      return with_time > end ? with_time : 0;  // "May 2012 saw ..." is prose
    }
    return std::max(end, TimeEnd(end));
  }

 private:
  bool AtBoundary(size_t k) const {
    return !At(k) || t_[k].space_before || t_[k].kind == Token::kPunct;
  }
  int RealDigits(size_t from, size_t to) const {
    int n = 0;
    for (size_t k = from; k < to; ++k) {
      if (IsNum(k) && !t_[k].lookalike) n += t_[k].width;
    }
    return n;
  }
  bool IsMonthYear(size_t k) const {
    const size_t y = SkipJoiners(k + 1);
    return MonthAt(k) > 0 && IsNum(y) && t_[y].width == 4 && AtBoundary(y + 1);
  }
  // The end of a numeric date or of a day-and-month-name date at k, or 0.
  size_t DateEnd(size_t k, bool month_year_counts) const {
    if (NumericTripleAt(k)) {
      const bool iso = IsNum(k) && t_[k].width == 4;
      const auto width = [&](size_t j) { return IsNum(j) ? t_[j].width : 1; };
      const bool widths = iso ? width(k + 2) <= 2 && width(k + 4) <= 2
                              : width(k) <= 2 && width(k + 2) <= 2 && width(k + 4) <= 4;
      if (widths && RealDigits(k, k + 5) >= 4 && AtBoundary(k + 5)) return k + 5;
      return 0;
    }
    if (IsNumOrIllegible(k) && (!IsNum(k) || t_[k].width <= 2)) {
      size_t j = k + 1;
      if (IsWordAt(j) && Attached(j) && IsOrdinal(t_[j].word())) ++j;
      j = SkipJoiners(j);
      if (MonthAt(j) == 0) return 0;
      j = SkipJoiners(j + 1);
      if (IsNum(j) && t_[j].width >= 2 && t_[j].width <= 4 && AtBoundary(j + 1)) return j + 1;
      return 0;
    }
    if (month_year_counts && IsMonthYear(k)) return SkipJoiners(k + 1) + 1;
    return 0;
  }
  // The end of a time after a date ending at k ("14:30", "at about 14.30",
  // "1430", "1430hrs"), or k when none follows.
  size_t TimeEnd(size_t k) const {
    size_t j = k;
    if (IsPunct(j, ",")) ++j;
    while (IsWordAt(j) && (t_[j].word() == "at" || IsApproximateWord(t_[j].word()))) {
      ++j;
      if (IsPunct(j, ".")) ++j;  // "c."
    }
    TimePiece ignored;
    if (size_t used = TimeAt(j, ignored); used > 0 && AtBoundary(j + used)) return j + used;
    if (IsNum(j) && t_[j].width == 4 && AtBoundary(j + 1)) return j + 1;
    return k;
  }
};

}  // namespace

size_t DateShapedPrefixLength(std::string_view text) {
  // Most lines of a log are prose: a line that starts with neither a digit,
  // '?', a weekday nor a month name is turned away before tokenizing.
  if (text.empty()) return 0;
  if (IsAlpha(text[0])) {
    size_t n = 0;
    while (n < text.size() && n < 10 && IsAlpha(text[n])) ++n;
    const std::string word = absl::AsciiStrToLower(Av(text.substr(0, n)));
    if (MonthFromName(word) == 0 && WeekdayFromName(word) < 0) return 0;
  } else if (!IsDigit(text[0]) && text[0] != '?') {
    return 0;
  }
  // A date at the start of a line is short; the line may be long.
  constexpr size_t kLook = 96;
  std::string_view head = text.substr(0, kLook);
  const std::vector<Token> tokens = Tokenize(head);
  const size_t end = PrefixShape(tokens).End();
  if (end == 0 || end > tokens.size()) return 0;
  const Token& last = tokens[end - 1];
  // A token cut by the look-ahead limit is not a whole date.
  if (last.end == head.size() && text.size() > head.size()) return 0;
  return last.end;
}

LenientPartialTime ReadPartialTimeLeniently(std::string_view text) {
  if (absl::StatusOr<PartialTime> strict = ParsePartialTime(text); strict.ok()) {
    return LenientPartialTime{*strict, true, ""};
  }
  const bool cut = text.size() > kMaxLenientBytes;
  if (cut) {
    size_t n = kMaxLenientBytes;
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
    text = text.substr(0, n);
  }
  const std::vector<Token> tokens = Tokenize(text);
  return Assemble(text, Scanner(tokens).Scan(), cut);
}

}  // namespace casefile
