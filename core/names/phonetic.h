// Phonetic keys for blocking person records: names that sound alike share a
// key, so a record with a typo still meets its twin record in some block.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_CORE_NAMES_PHONETIC_H_
#define CASEFILE_CORE_NAMES_PHONETIC_H_

#include <string>
#include <string_view>

namespace casefile {

// American Soundex of a name already normalised to lower-case letters
// (NormaliseName): first letter plus three digits, "robert" → "r163",
// "ashcraft" → "a261". Empty for an empty name.
std::string Soundex(std::string_view letters);

}  // namespace casefile

#endif  // CASEFILE_CORE_NAMES_PHONETIC_H_
