#include "core/names/phonetic.h"

namespace casefile {
namespace {

// Soundex digit of each letter a..z; '0' for vowels and y, '-' for h and w
// (which do not separate two equal codes).
constexpr char kSoundexDigit[] = "0123012-02245501262301-202";

}  // namespace

std::string Soundex(std::string_view letters) {
  std::string code;
  char last = 0;
  for (char c : letters) {
    if (c < 'a' || c > 'z') continue;
    const char digit = kSoundexDigit[c - 'a'];
    if (code.empty()) {
      code.push_back(c);
      last = digit;
      continue;
    }
    if (digit == '-') continue;
    if (digit != '0' && digit != last) {
      code.push_back(digit);
      if (code.size() == 4) break;
    }
    last = digit;
  }
  if (!code.empty()) code.resize(4, '0');
  return code;
}

}  // namespace casefile
