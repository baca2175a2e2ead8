// See subjects.h.
#include "migration/readers/subjects.h"

#include "core/time/partial_time.h"
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

// The last word of `s` (which has no surrounding whitespace).
std::string_view LastWord(std::string_view s) {
  size_t start = s.size();
  while (start > 0 && !IsAsciiSpace(s[start - 1])) --start;
  return s.substr(start);
}

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  return s;
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
  if (name.empty()) return subject;
  // Walk back over the words in capitals; the surname starts at the first.
  std::string_view rest = name;
  size_t capitalised = 0;
  size_t surname_start = name.size();
  while (!rest.empty()) {
    std::string_view word = LastWord(rest);
    if (!IsCapitalised(word)) break;
    ++capitalised;
    surname_start = word.data() - name.data();
    rest = TrimRight(rest.substr(0, rest.size() - word.size()));
  }
  if (capitalised == 0 || rest.empty()) {
    // No word, or every word, in capitals: the surname is the last word.
    std::string_view last = LastWord(name);
    surname_start = last.data() - name.data();
    rest = TrimRight(name.substr(0, surname_start));
  }
  subject.surname.assign(name.substr(surname_start));
  subject.forename.assign(rest);
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
