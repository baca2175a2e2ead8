#include "tools/legacy_generator/text_noise.h"

#include <array>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "tools/legacy_generator/absl_view.h"

namespace casefile::legacy_generator {
namespace {

bool IsAsciiLetter(char c) { return absl::ascii_isalpha(static_cast<unsigned char>(c)); }

// The keys next to each letter on a UK keyboard, for "hit the neighbour".
constexpr std::array<std::string_view, 26> kNeighbours = {
    "qsz",   "vghn",  "xdfv", "serfc", "wrd",  "drtgc", "ftyhb", "gyujn", "ujko",
    "huikn", "jiolm", "kop",  "njk",   "bhjm", "iklp",  "ol",    "wa",    "edft",
    "awedz", "rfgy",  "yhji", "cfgb",  "qase", "zsdc",  "tghu",  "asx"};

bool StartsLikeDate(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  if (word.empty()) return false;
  if (absl::ascii_isdigit(static_cast<unsigned char>(word[0]))) return true;
  for (std::string_view month : kMonths) {
    if (absl::StartsWithIgnoreCase(Av(word), Av(month))) return true;
  }
  return false;
}

}  // namespace

std::string AddTypos(std::string_view text, int count, Random& random) {
  std::string out(text);
  for (int i = 0; i < count && out.size() > 2; ++i) {
    // Find a letter by probing a few random places; give up quietly on
    // texts with hardly any letters.
    size_t at = std::string::npos;
    for (int probe = 0; probe < 8 && at == std::string::npos; ++probe) {
      const size_t p = random.Below(out.size() - 1);
      if (IsAsciiLetter(out[p])) at = p;
    }
    if (at == std::string::npos) continue;
    const char c = out[at];
    switch (random.Below(5)) {
      case 0:
        if (IsAsciiLetter(out[at + 1])) std::swap(out[at], out[at + 1]);
        break;
      case 1:
        out.erase(at, 1);
        break;
      case 2:
        out.insert(at, 1, c);
        break;
      case 3: {
        const char lower = absl::ascii_tolower(static_cast<unsigned char>(c));
        const std::string_view keys = kNeighbours[lower - 'a'];
        char typed = keys[random.Below(keys.size())];
        if (absl::ascii_isupper(static_cast<unsigned char>(c))) typed = absl::ascii_toupper(typed);
        out[at] = typed;
        break;
      }
      default:
        if (c == 'm')
          out.replace(at, 1, "rn");
        else if (IsAsciiLetter(out[at + 1]))
          std::swap(out[at], out[at + 1]);
        break;
    }
  }
  return out;
}

std::string ToUpperText(std::string_view text) {
  std::string out(text);
  for (size_t i = 0; i < out.size(); ++i) {
    const unsigned char c = out[i];
    if (c < 0x80) {
      out[i] = absl::ascii_toupper(c);
    } else if (c == 0xC3 && i + 1 < out.size()) {
      // U+00E0..U+00FE (except ÷ U+00F7) are lower-case letters whose capital
      // is 0x20 below: in UTF-8, C3 A0..BE → C3 80..9E.
      const unsigned char next = out[i + 1];
      if (next >= 0xA0 && next <= 0xBE && next != 0xB7) out[i + 1] = next - 0x20;
      ++i;
    }
  }
  return out;
}

std::string CapitaliseWords(std::string_view text, const std::vector<std::string>& words) {
  std::string out(text);
  for (const std::string& word : words) {
    if (word.empty()) continue;
    const std::string upper = ToUpperText(word);
    for (size_t at = out.find(word); at != std::string::npos; at = out.find(word, at + 1)) {
      const bool starts = at == 0 || !IsAsciiLetter(out[at - 1]);
      const size_t end = at + word.size();
      const bool ends = end == out.size() || !IsAsciiLetter(out[end]);
      if (starts && ends) out.replace(at, word.size(), upper);
    }
  }
  return out;
}

std::string Reflow(std::string_view text, int width, std::string_view line_break) {
  std::string out;
  size_t line_length = 0;
  for (absl::string_view word : absl::StrSplit(Av(text), ' ', absl::SkipEmpty())) {
    if (line_length > 0) {
      if (line_length + 1 + word.size() > static_cast<size_t>(width) &&
          !StartsLikeDate(std::string_view(word.data(), word.size()))) {
        out.append(line_break);
        line_length = 0;
      } else {
        out.push_back(' ');
        ++line_length;
      }
    }
    out.append(word.data(), word.size());
    line_length += word.size();
  }
  return out;
}

std::string CurlyQuotes(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool after_space = i == 0 || text[i - 1] == ' ' || text[i - 1] == '\n';
    if (c == '\'') {
      out += after_space ? "\u2018" : "\u2019";
    } else if (c == '"') {
      out += after_space ? "\u201C" : "\u201D";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string CutShort(std::string_view text, Random& random) {
  size_t cut = text.size() * random.Between(40, 90) / 100;
  // Back off to a character boundary: never leave half a UTF-8 sequence.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  std::string out(text.substr(0, cut));
  switch (random.Below(4)) {
    case 0:
      out += "...";
      break;
    case 1:
      out += "\u2026";
      break;
    case 2:
      out += " [continued in log]";
      break;
    default:
      break;
  }
  return out;
}

}  // namespace casefile::legacy_generator
