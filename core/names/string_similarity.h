// String similarity measures for record linkage: Jaro-Winkler and a bounded
// edit distance that counts an adjacent transposition as one edit. Both work
// on bytes; callers pass text already normalised to ASCII (see
// core/names/name_normalise.h).
//
// Thread-safe: pure functions.
#ifndef CASEFILE_CORE_NAMES_STRING_SIMILARITY_H_
#define CASEFILE_CORE_NAMES_STRING_SIMILARITY_H_

#include <string_view>

namespace casefile {

// Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, prefix up to 4).
// Two empty strings score 1; one empty string scores 0.
double JaroWinkler(std::string_view a, std::string_view b);

// JaroWinkler(a, b) when that is at least `floor`; otherwise any value below
// `floor`. Faster for dissimilar strings: an upper bound from the letters the
// two have in common rejects most of them without the full computation.
double JaroWinklerAbove(std::string_view a, std::string_view b, double floor);

// Optimal-string-alignment distance (insert, delete, substitute, or swap two
// adjacent characters, each costing 1), or `limit + 1` when the distance
// exceeds `limit`. Cheap for small limits: rejects on length difference first.
int BoundedEditDistance(std::string_view a, std::string_view b, int limit);

}  // namespace casefile

#endif  // CASEFILE_CORE_NAMES_STRING_SIMILARITY_H_
