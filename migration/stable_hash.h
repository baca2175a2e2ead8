// StableHash: FNV-1a 64-bit, the same in every process and on every machine,
// for ids derived from content (person ids, review item ids). absl::Hash is
// salted per process and must never be used for these.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_MIGRATION_STABLE_HASH_H_
#define CASEFILE_MIGRATION_STABLE_HASH_H_

#include <cstdint>
#include <string>

#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"

namespace casefile::migration {

inline uint64_t StableHash(absl::string_view bytes) {
  uint64_t h = 14695981039346656037ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// 16 lower-case hex digits.
inline std::string StableHashHex(absl::string_view bytes) {
  return absl::StrFormat("%016x", StableHash(bytes));
}

// The id of an unordered pair of locators: "<prefix>" + hash of both.
inline std::string PairId(absl::string_view prefix, absl::string_view a, absl::string_view b) {
  if (b < a) std::swap(a, b);
  std::string joined(a);
  joined.push_back('\0');
  joined.append(b.data(), b.size());
  return std::string(prefix) + StableHashHex(joined);
}

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_STABLE_HASH_H_
