// Folds UTF-8 text to lower-case ASCII for comparison: accented Latin letters
// lose their accents (Zoë → zoe, Siân → sian, Łukasz → lukasz), curly quotes
// and dashes become their ASCII forms, and every other non-ASCII character or
// invalid byte becomes a space so word boundaries survive. Only for matching:
// the text kept in the chronology is never folded.
//
// Thread-safe: pure function.
#ifndef CASEFILE_CORE_NAMES_TEXT_FOLD_H_
#define CASEFILE_CORE_NAMES_TEXT_FOLD_H_

#include <string>
#include <string_view>

namespace casefile {

std::string FoldToAscii(std::string_view utf8);

}  // namespace casefile

#endif  // CASEFILE_CORE_NAMES_TEXT_FOLD_H_
