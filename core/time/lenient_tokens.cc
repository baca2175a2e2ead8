#include "core/time/lenient_tokens.h"

#include <algorithm>

#include "absl/strings/ascii.h"

namespace casefile::partial_time_internal {
namespace {

// Letters typed or scanned for digits: O for 0, l and I for 1.
bool IsLookalike(char c) { return c == 'O' || c == 'o' || c == 'l' || c == 'I'; }

void PushNumber(std::string_view text, size_t begin, size_t end, bool space,
                std::vector<Token>& out) {
  Token t;
  t.kind = Token::kNumber;
  t.begin = begin;
  t.end = end;
  t.space_before = space;
  t.width = static_cast<int>(end - begin);
  for (size_t i = begin; i < end; ++i) {
    const char c = text[i];
    const int digit = IsDigit(c) ? c - '0' : (c == 'O' || c == 'o') ? 0 : 1;
    t.lookalike = t.lookalike || !IsDigit(c);
    if (i - begin < 9) t.value = t.value * 10 + digit;
  }
  out.push_back(std::move(t));
}

void PushWord(std::string_view text, size_t begin, size_t end, bool space,
              std::vector<Token>& out) {
  Token t;
  t.kind = Token::kWord;
  t.begin = begin;
  t.end = end;
  t.space_before = space;
  // A longer word keeps 16 letters: more than any word it is compared with,
  // so it equals none of them.
  t.lower_size = static_cast<uint8_t>(std::min<size_t>(end - begin, sizeof(t.lower)));
  for (size_t i = 0; i < t.lower_size; ++i) {
    t.lower[i] = absl::ascii_tolower(static_cast<unsigned char>(text[begin + i]));
  }
  out.push_back(std::move(t));
}

// A run of ASCII letters and digits: one number when it is digits with at
// most a lookalike letter or two among them ("2O12"), else split into its
// digit runs and letter runs ("12th", "1430hrs", "Nov2012").
void PushAlnumRun(std::string_view text, size_t begin, size_t end, bool space,
                  std::vector<Token>& out) {
  int digits = 0;
  int lookalikes = 0;
  for (size_t i = begin; i < end; ++i) {
    if (IsDigit(text[i])) {
      ++digits;
    } else if (IsLookalike(text[i])) {
      ++lookalikes;
    } else {
      lookalikes = 100;
    }
  }
  if (digits > 0 && lookalikes > 0 && lookalikes < digits && end - begin <= 4) {
    PushNumber(text, begin, end, space, out);
    return;
  }
  size_t i = begin;
  while (i < end) {
    size_t j = i;
    const bool digit = IsDigit(text[i]);
    while (j < end && IsDigit(text[j]) == digit) ++j;
    if (digit) {
      PushNumber(text, i, j, space, out);
    } else {
      PushWord(text, i, j, space, out);
    }
    space = false;
    i = j;
  }
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> out;
  bool space = false;
  size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      ++i;
      continue;
    }
    size_t j = i + 1;
    if (IsDigit(c) || IsAlpha(c)) {
      while (j < text.size() && (IsDigit(text[j]) || IsAlpha(text[j]))) ++j;
      PushAlnumRun(text, i, j, space, out);
    } else if (c == '?') {
      while (j < text.size() && text[j] == '?') ++j;
      Token t;
      t.kind = Token::kIllegible;
      t.begin = i;
      t.end = j;
      t.space_before = space;
      out.push_back(std::move(t));
    } else {
      Token t;
      t.begin = i;
      t.end = j;
      t.space_before = space;
      t.punct = c;
      out.push_back(std::move(t));
    }
    space = false;
    i = j;
  }
  // Digits run together with '?' ("20?2", "1?") are one illegible part.
  std::vector<Token> merged;
  merged.reserve(out.size());
  for (Token& t : out) {
    const bool joins = !merged.empty() && !t.space_before &&
                       (t.kind == Token::kIllegible || t.kind == Token::kNumber) &&
                       (merged.back().kind == Token::kIllegible ||
                        merged.back().kind == Token::kNumber) &&
                       (t.kind == Token::kIllegible || merged.back().kind == Token::kIllegible);
    if (joins) {
      merged.back().kind = Token::kIllegible;
      merged.back().end = t.end;
    } else {
      merged.push_back(std::move(t));
    }
  }
  return merged;
}

bool IsOneOf(std::string_view word, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// 0 for Sunday ... 6; -1 when `word` names no weekday.
int WeekdayFromName(std::string_view word) {
  static constexpr std::string_view kNames[] = {"sunday",   "monday", "tuesday", "wednesday",
                                                "thursday", "friday", "saturday"};
  for (int i = 0; i < 7; ++i) {
    if (word == kNames[i] || word == kNames[i].substr(0, 3)) return i;
  }
  if (word == "tues" || word == "weds" || word == "thur" || word == "thurs") {
    return word[0] == 't' ? (word[1] == 'u' ? 2 : 4) : 3;
  }
  return -1;
}

// 0 for Sunday ... 6 (Sakamoto's method).
int WeekdayOf(int y, int m, int d) {
  static constexpr int kOffsets[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  if (m < 3) y -= 1;
  return (y + y / 4 - y / 100 + y / 400 + kOffsets[m - 1] + d) % 7;
}

std::string_view WeekdayName(int w) {
  static constexpr std::string_view kNames[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                "Thursday", "Friday", "Saturday"};
  return kNames[w];
}

std::string_view MonthName(int m) {
  static constexpr std::string_view kNames[] = {"January", "February", "March",     "April",
                                                "May",     "June",     "July",      "August",
                                                "September", "October", "November", "December"};
  return kNames[m - 1];
}

bool IsApproximateWord(std::string_view w) {
  return IsOneOf(w, {"c", "ca", "circa", "approx", "approximately", "about", "abt", "around",
                     "roughly", "est", "estimated", "apx"});
}

bool IsOrdinal(std::string_view w) { return IsOneOf(w, {"st", "nd", "rd", "th"}); }

// Words that may sit in a date without changing it.
bool IsFiller(std::string_view w) {
  return IsOneOf(w, {"at", "on", "of", "the", "in", "and", "hrs", "hr", "h", "hours", "time",
                     "date", "dated", "year", "early", "late", "mid"});
}

}  // namespace casefile::partial_time_internal
