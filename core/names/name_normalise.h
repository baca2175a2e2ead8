// Normal forms of the fields of a person record, for comparison only:
// lower-case ASCII, accents folded (see text_fold.h), punctuation dropped.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_CORE_NAMES_NAME_NORMALISE_H_
#define CASEFILE_CORE_NAMES_NAME_NORMALISE_H_

#include <string>
#include <string_view>

namespace casefile {

// Letters only, so "O'Brien", "o brien" and "OBRIEN" agree: "obrien".
std::string NormaliseName(std::string_view utf8);

// The letters of the first word: "Mary-Jane Ann" → "mary".
std::string FirstNameWord(std::string_view utf8);

// Letters and digits only: "HR1 0QL" → "hr10ql".
std::string NormalisePostcode(std::string_view utf8);

// Lower-case words separated by single spaces, with the usual street
// abbreviations written out ("rd" → "road", "st" → "street").
std::string NormaliseAddressLine(std::string_view utf8);

// A normalised address line split into its house number ("126", "12a"; empty
// when the line does not start with one) and the rest ("whitecross road").
struct HouseAndStreet {
  std::string number;
  std::string street;
};
HouseAndStreet SplitHouseNumber(std::string_view normalised_line);

}  // namespace casefile

#endif  // CASEFILE_CORE_NAMES_NAME_NORMALISE_H_
