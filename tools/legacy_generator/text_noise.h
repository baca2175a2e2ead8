// Text noise: the ways a legacy record's text differs from what the officer
// first wrote — typing errors, capitals, re-flowed lines, curly quotes, text
// cut short. All functions keep UTF-8 valid and never change a digit, so the
// dates and references inside a text survive.
//
// Thread-safety: pure functions of their arguments and the Random.
#ifndef CASEFILE_TOOLS_LEGACY_GENERATOR_TEXT_NOISE_H_
#define CASEFILE_TOOLS_LEGACY_GENERATOR_TEXT_NOISE_H_

#include <string>
#include <string_view>
#include <vector>

#include "tools/legacy_generator/random.h"

namespace casefile::legacy_generator {

// `count` typing errors at random letters: two letters swapped, a letter
// dropped or doubled, a neighbouring key, "m" read as "rn".
std::string AddTypos(std::string_view text, int count, Random& random);

// Upper case, including the Latin-1 letters (é → É).
std::string ToUpperText(std::string_view text);

// Every whole-word occurrence of each of `words` in capitals ("Maddox's" →
// "MADDOX's").
std::string CapitaliseWords(std::string_view text, const std::vector<std::string>& words);

// Breaks the text into lines of about `width` characters joined by
// `line_break` ("\n" or "  \n"). Never starts a line with a digit or a month
// name, so no line of an investigation log can be mistaken for a new entry.
std::string Reflow(std::string_view text, int width, std::string_view line_break);

// Straight quotes and apostrophes to curly ones.
std::string CurlyQuotes(std::string_view text);

// The text cut at 40–90% of its length, sometimes marked ("...", "…",
// " [continued in log]").
std::string CutShort(std::string_view text, Random& random);

}  // namespace casefile::legacy_generator

#endif  // CASEFILE_TOOLS_LEGACY_GENERATOR_TEXT_NOISE_H_
