// Character shingles of legacy text for near-duplicate detection: the text is
// folded (lower case, letters and digits only, curly quotes and all
// punctuation and line breaks dropped), then every run of 4 characters is
// hashed. Typing errors touch only a few shingles, re-flowing and capitals
// none, and a shortened or prefixed copy keeps most of the other's shingles.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_MIGRATION_TEXT_SHINGLES_H_
#define CASEFILE_MIGRATION_TEXT_SHINGLES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

namespace casefile::migration {

// Letters and digits only, ASCII lower-cased; UTF-8 letters kept as bytes.
std::string FoldText(absl::string_view text);

// Sorted, distinct hashes of the 4-character runs of FoldText(text).
std::vector<uint32_t> Shingles(absl::string_view text);

// |a ∩ b| / min(|a|, |b|): 1 when one text is contained in the other.
double Containment(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b);

// A text prepared once for many comparisons.
struct ShingledText {
  std::string folded;
  std::vector<uint32_t> shingles;  // of `folded`, sorted and distinct
  std::vector<uint32_t> sequence;  // the shingle starting at each position
};
ShingledText PrepareText(absl::string_view text);

// How much of the shorter text is a copy of the longer one, in place: the
// shorter's shingles found in the same-length window at the start of the
// longer (a copy cut short, or with words added at the end) or at its end (a
// copy with a prefix such as "UPDATE - "). Texts of similar length compare
// whole. Unlike plain containment, a short text whose phrases are scattered
// through a longer, different one scores low.
double CopySimilarity(const ShingledText& a, const ShingledText& b);

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_TEXT_SHINGLES_H_
