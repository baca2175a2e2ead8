// The lenient date reader's tokens and pieces (core/time/partial_time_lenient.cc):
// the text cut into numbers, words, punctuation and illegible parts, the
// words a date is written with, and the pieces of a date or time the scan
// finds. Shared by the reader's scanner and its date-shaped-prefix test. Not
// part of the public API.
//
// Thread-safe: pure functions and value types.
#ifndef CASEFILE_CORE_TIME_LENIENT_TOKENS_H_
#define CASEFILE_CORE_TIME_LENIENT_TOKENS_H_

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string_view>
#include <vector>

#include "core/time/partial_time_internal.h"

namespace casefile::partial_time_internal {

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

struct Token {
  enum Kind { kNumber, kWord, kIllegible, kPunct } kind = kPunct;
  size_t begin = 0;
  size_t end = 0;
  bool space_before = false;
  // kNumber: its value (lookalikes read as digits) and width.
  int value = 0;
  int width = 0;
  bool lookalike = false;
  // kWord: its first 16 letters in lower case (no word of a date is as
  // long; kept inline so that tokenizing allocates nothing per word).
  // kPunct: the character.
  char lower[16] = {};
  uint8_t lower_size = 0;
  char punct = 0;

  std::string_view word() const { return std::string_view(lower, lower_size); }
};

// The tokens of `text`, in order; digits run together with '?' are one
// illegible part.
std::vector<Token> Tokenize(std::string_view text);

bool IsOneOf(std::string_view word, std::initializer_list<std::string_view> words);

// 0 for Sunday ... 6; -1 when `word` names no weekday.
int WeekdayFromName(std::string_view word);

// 0 for Sunday ... 6 (Sakamoto's method).
int WeekdayOf(int y, int m, int d);

std::string_view WeekdayName(int w);  // 0 for Sunday
std::string_view MonthName(int m);    // 1 for January
bool IsApproximateWord(std::string_view w);  // "about", "circa", ...
bool IsOrdinal(std::string_view w);

// Words that may sit in a date without changing it.
bool IsFiller(std::string_view w);

// One date as a piece of the text says it: any field may be missing.
struct DatePiece {
  std::optional<int> year;
  std::optional<int> month;
  std::optional<int> day;
  bool day_illegible = false;
  bool month_illegible = false;
  bool year_illegible = false;
};

inline DatePiece YearPiece(int year) {
  DatePiece d;
  d.year = year;
  return d;
}

struct TimePiece {
  int hour = 0;
  int minute = 0;
  bool approximate = false;
  size_t begin = 0, end = 0;  // where it was written
};

// Everything the token scan found.
struct Pieces {
  std::vector<DatePiece> dates;
  std::vector<TimePiece> times;
  int weekday = -1;
  bool approximate_date = false;
  bool lookalike = false;
  bool unread = false;      // words or numbers that fit no piece
  bool ambiguous = false;   // "Nov 12": day or year?
  bool dropped_hour = false;  // "2pm": an hour without minutes
};

// Read-only views of the tokens, shared by the scanner and the prefix test.
class TokenView {
 public:
  explicit TokenView(const std::vector<Token>& tokens) : t_(tokens) {}

 protected:
  const Token* At(size_t k) const { return k < t_.size() ? &t_[k] : nullptr; }
  bool IsNum(size_t k) const { return At(k) && t_[k].kind == Token::kNumber; }
  bool IsNumOrIllegible(size_t k) const {
    return At(k) && (t_[k].kind == Token::kNumber || t_[k].kind == Token::kIllegible);
  }
  bool IsPunct(size_t k, std::string_view set) const {
    return At(k) && t_[k].kind == Token::kPunct && set.find(t_[k].punct) != std::string_view::npos;
  }
  bool IsWordAt(size_t k) const { return At(k) && t_[k].kind == Token::kWord; }
  bool Attached(size_t k) const { return At(k) && !t_[k].space_before; }
  // The month name at k, or 0.
  int MonthAt(size_t k) const { return IsWordAt(k) ? MonthFromName(t_[k].word()) : 0; }
  // Skips "." "," "-" "/" and the words "of", "the" from token k.
  size_t SkipJoiners(size_t k) const {
    while (At(k) && ((t_[k].kind == Token::kPunct && (t_[k].punct == '.' || t_[k].punct == ',' ||
                                                      t_[k].punct == '-' || t_[k].punct == '/')) ||
                     (IsWordAt(k) && IsOneOf(t_[k].word(), {"of", "the"})))) {
      ++k;
    }
    return k;
  }
  // d/m/y or y-m-d at k: the same separator twice, no spaces, any part
  // possibly illegible.
  bool NumericTripleAt(size_t k) const {
    return IsNumOrIllegible(k) && IsPunct(k + 1, "/.-") && Attached(k + 1) &&
           IsNumOrIllegible(k + 2) && Attached(k + 2) && IsPunct(k + 3, "/.-") &&
           t_[k + 3].punct == t_[k + 1].punct && Attached(k + 3) && IsNumOrIllegible(k + 4) &&
           Attached(k + 4);
  }

  // A time at token k ("14:30", "14.30", "14:30:00", "1430hrs", "2.30pm"):
  // the tokens it takes (0 if none) and its hour and minute.
  size_t TimeAt(size_t k, TimePiece& out) const {
    if (!IsNum(k)) return 0;
    size_t used = 0;
    const Token& h = t_[k];
    if (h.width <= 2 && IsPunct(k + 1, ":.") && Attached(k + 1) && IsNum(k + 2) &&
        Attached(k + 2) && t_[k + 2].width == 2) {
      out.hour = h.value;
      out.minute = t_[k + 2].value;
      used = 3;
      if (IsPunct(k + 3, ":") && Attached(k + 3) && IsNum(k + 4) && Attached(k + 4) &&
          t_[k + 4].width == 2) {
        used = 5;  // seconds are dropped
      }
    } else if (h.width == 4 && IsWordAt(k + 1) &&
               IsOneOf(t_[k + 1].word(), {"hrs", "hr", "h", "hours"})) {
      out.hour = h.value / 100;
      out.minute = h.value % 100;
      used = 2;
    } else {
      return 0;
    }
    if (IsWordAt(k + used) && IsOneOf(t_[k + used].word(), {"am", "pm"})) {
      const bool pm = t_[k + used].word() == "pm";
      if (out.hour >= 1 && out.hour <= 12) {
        out.hour = pm ? (out.hour % 12) + 12 : out.hour % 12;
      } else {
        out.hour = 99;  // "14:30pm": not a time
      }
      ++used;
    }
    out.begin = t_[k].begin;
    out.end = t_[k + used - 1].end;
    return used;
  }
  bool TimeFollows(size_t k) const {
    TimePiece ignored;
    return TimeAt(k, ignored) > 0;
  }

  const std::vector<Token>& t_;
};

}  // namespace casefile::partial_time_internal

#endif  // CASEFILE_CORE_TIME_LENIENT_TOKENS_H_
