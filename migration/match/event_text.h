// Chronology text in the form the event matcher compares: what survives copy
// and paste between an investigation log, a crime record and a paper file.
// Case, accents, quotes, punctuation and line breaks are dropped (re-flowed
// and CAPITALISED copies read the same), a leading "UPDATE - " / "OIC
// update." style prefix is dropped, and so is a trailing "[continued in log]".
// Texts are compared as sets of character 4-grams ("shingles"), which a
// typing error changes only locally.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_MIGRATION_MATCH_EVENT_TEXT_H_
#define CASEFILE_MIGRATION_MATCH_EVENT_TEXT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace casefile::migration {

// Lower-case ASCII words (letters and digits) separated by single spaces:
// "UPDATE – Tyler BEVAN seen,\nno concerns…" → "tyler bevan seen no concerns".
std::string NormaliseEventText(std::string_view utf8);

// What the matcher keeps of a text.
struct EventTextFeatures {
  uint64_t text_hash = 0;  // of the whole normalised text
  uint64_t head_hash = 0;  // of its first kHeadWords words (0 if fewer)
  int length = 0;          // of the normalised text
  std::string opening;     // its first kOpeningChars characters
  std::string closing;     // and its last
  // Its numbers in order ("22 30 05 2009"): copies never change them, so
  // "by 16:50" and "by 19:40" are two events however alike the rest.
  std::string numbers;
  // The text stops mid-sentence or says it was cut ("...", "[continued in
  // log]"): it may be a copy cut short of a longer text.
  bool ends_abruptly = false;
  // Hashes of (about half of) its character 4-grams, sorted and without
  // duplicates; the same 4-gram always gives the same hash and is always
  // kept or always dropped.
  std::vector<uint32_t> shingles;
};

inline constexpr int kHeadWords = 4;
inline constexpr int kOpeningChars = 15;  // fits a short string inline

EventTextFeatures ExtractEventTextFeatures(std::string_view utf8);

// |A ∩ B| of two shingle sets.
int SharedShingles(const EventTextFeatures& a, const EventTextFeatures& b);

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_MATCH_EVENT_TEXT_H_
