// See subjects.h.
#include "migration/readers/subjects.h"

#include "core/partial_time.h"
#include "migration/readers/ascii.h"

namespace casefile::migration {
namespace {

// Latin Extended-A pairs upper and lower case by parity, and the parity
// flips for U+0139..U+0148 and U+0179..U+017E.
bool IsLowerLatinExtendedA(char32_t cp) {
  if (cp == 0x138 || cp == 0x149 || cp == 0x17F) return true;
  if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) return cp % 2 == 0;
  return cp >= 0x100 && cp <= 0x177 && cp % 2 == 1;
}

// True when the UTF-8 word has a letter and no lower-case letter. Case is
// recognised in ASCII, Latin-1 and Latin Extended-A: the range of the names
// in British records (Zoë, Siân, José, Łukasz, Dvořák).
bool IsCapitalised(std::string_view word) {
  bool letter = false;
  for (size_t i = 0; i < word.size(); ++i) {
    const auto b = static_cast<unsigned char>(word[i]);
    if (b >= 'a' && b <= 'z') return false;
    if (b >= 'A' && b <= 'Z') {
      letter = true;
    } else if ((b == 0xC3 || b == 0xC4 || b == 0xC5) && i + 1 < word.size()) {
      const char32_t cp = ((b & 0x1F) << 6) | (static_cast<unsigned char>(word[i + 1]) & 0x3F);
      ++i;
      if (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) return false;
      if (IsLowerLatinExtendedA(cp)) return false;
      if (cp >= 0xC0) letter = true;
    }
  }
  return letter;
}

std::vector<std::string_view> SplitWords(std::string_view s) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsAsciiSpace(s[i])) ++i;
    size_t start = i;
    while (i < s.size() && !IsAsciiSpace(s[i])) ++i;
    if (i > start) words.push_back(s.substr(start, i - start));
  }
  return words;
}

// The words [from, to) as they stand in `s`, spacing kept.
std::string_view Span(std::string_view s, std::string_view first, std::string_view last) {
  return s.substr(first.data() - s.data(), last.data() + last.size() - first.data());
}

}  // namespace

LegacySubject ParseSubject(std::string_view text) {
  LegacySubject subject;
  std::string_view s = TrimAscii(text);
  subject.as_written.assign(s);
  std::string_view name = s;
  if (!s.empty() && s.back() == ')') {
    const size_t open = s.rfind('(');
    if (open != std::string_view::npos) {
      absl::StatusOr<PartialTime> dob =
          ParsePartialTime(s.substr(open + 1, s.size() - open - 2));
      if (dob.ok()) subject.date_of_birth = *dob;
      name = TrimAscii(s.substr(0, open));
    }
  }
  std::vector<std::string_view> words = SplitWords(name);
  if (words.empty()) return subject;
  size_t surname_start = words.size();
  while (surname_start > 0 && IsCapitalised(words[surname_start - 1])) --surname_start;
  if (surname_start == 0 || surname_start == words.size()) surname_start = words.size() - 1;
  subject.surname.assign(Span(name, words[surname_start], words.back()));
  if (surname_start > 0) subject.forename.assign(Span(name, words.front(), words[surname_start - 1]));
  return subject;
}

std::vector<LegacySubject> ParseSubjectList(std::string_view text) {
  std::vector<LegacySubject> subjects;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(';', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view item = TrimAscii(text.substr(start, end - start));
    if (!item.empty()) subjects.push_back(ParseSubject(item));
    start = end + 1;
  }
  return subjects;
}

}  // namespace casefile::migration
