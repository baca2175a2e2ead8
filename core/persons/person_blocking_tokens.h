// Blocking tokens: where a live write looks for the persons a new person
// record may be. They are the person matcher's blocking keys that need only
// names and a date of birth (migration/match/person_matcher.cc: "names", the
// Soundex codes of forename and surname in either order, and "dob+name", the
// date of birth with either code), kept per person in the Q\0 table beside
// the search tokens, so that finding a record's candidates reads a few short
// key ranges instead of everyone with a common name.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_CORE_PERSONS_PERSON_BLOCKING_TOKENS_H_
#define CASEFILE_CORE_PERSONS_PERSON_BLOCKING_TOKENS_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/time/partial_time.h"

namespace casefile {

// "~nm:<code>+<code>" (the two codes in order) when both names have letters;
// "~bn:<date of birth>+<code>" for each name with letters when the date of
// birth is known (to the year or better). Distinct; "~" never starts a word.
std::vector<std::string> PersonBlockingTokens(std::string_view forename, std::string_view surname,
                                              const PartialTime& date_of_birth);

}  // namespace casefile

#endif  // CASEFILE_CORE_PERSONS_PERSON_BLOCKING_TOKENS_H_
