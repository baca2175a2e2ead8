#include "core/names/name_normalise.h"

#include <cctype>
#include <utility>

#include "core/names/text_fold.h"

namespace casefile {
namespace {

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Calls fn with each character of the ASCII folding of `utf8`; plain ASCII
// (nearly every record) is lower-cased on the fly without a copy.
template <typename Fn>
void ForEachFolded(std::string_view utf8, Fn fn) {
  for (char c : utf8) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      for (char f : FoldToAscii(utf8)) fn(f);
      return;
    }
  }
  for (char c : utf8) fn(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
}

std::string_view ExpandAbbreviation(std::string_view word) {
  static constexpr std::pair<std::string_view, std::string_view> kExpansions[] = {
      {"rd", "road"},   {"st", "street"},  {"ave", "avenue"}, {"av", "avenue"},
      {"ln", "lane"},   {"cl", "close"},   {"cres", "crescent"}, {"dr", "drive"},
      {"ct", "court"},  {"pl", "place"},   {"sq", "square"},  {"gdns", "gardens"},
      {"tce", "terrace"}, {"ter", "terrace"}, {"cir", "circuit"}, {"cct", "circuit"},
  };
  if (word.size() > 4) return word;  // no abbreviation is longer
  for (const auto& [abbreviation, full] : kExpansions) {
    if (word == abbreviation) return full;
  }
  return word;
}

}  // namespace

std::string NormaliseName(std::string_view utf8) {
  std::string out;
  ForEachFolded(utf8, [&](char c) {
    if (IsLower(c)) out.push_back(c);
  });
  return out;
}

std::string FirstNameWord(std::string_view utf8) {
  std::string out;
  bool ended = false;
  ForEachFolded(utf8, [&](char c) {
    if (ended) return;
    if (IsLower(c)) {
      out.push_back(c);
    } else if (c != '\'' && !out.empty()) {
      ended = true;  // "Mary-Jane" and "Mary Jane" both end the first word here
    }
  });
  return out;
}

std::string NormalisePostcode(std::string_view utf8) {
  std::string out;
  ForEachFolded(utf8, [&](char c) {
    if (IsLower(c) || IsDigit(c)) out.push_back(c);
  });
  return out;
}

std::string NormaliseAddressLine(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size() + 8);
  size_t word_start = 0;  // in `out`
  auto end_word = [&] {
    if (word_start == out.size()) return;
    const std::string_view word = std::string_view(out).substr(word_start);
    const std::string_view expanded = ExpandAbbreviation(word);
    if (expanded.size() != word.size()) out.replace(word_start, word.size(), expanded);
  };
  ForEachFolded(utf8, [&](char c) {
    if (IsLower(c) || IsDigit(c)) {
      if (word_start == out.size() && !out.empty()) {
        out.push_back(' ');
        word_start = out.size();
      }
      out.push_back(c);
    } else if (word_start != out.size()) {
      end_word();
      word_start = out.size();
    }
  });
  end_word();
  return out;
}

HouseAndStreet SplitHouseNumber(std::string_view normalised_line) {
  HouseAndStreet out;
  if (normalised_line.empty() || !IsDigit(normalised_line[0])) {
    out.street = std::string(normalised_line);
    return out;
  }
  size_t end = normalised_line.find(' ');
  if (end == std::string_view::npos) end = normalised_line.size();
  out.number = std::string(normalised_line.substr(0, end));
  if (end < normalised_line.size()) {
    out.street = std::string(normalised_line.substr(end + 1));
  }
  return out;
}

}  // namespace casefile
