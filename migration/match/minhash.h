// MinHash signatures (one-permutation hashing with densification) and
// locality-sensitive hashing (LSH) bands: two sets with Jaccard similarity J
// agree on each signature value with probability about J,
// so cutting a signature of `bands * rows` values into bands and using each
// band as a blocking key makes similar texts meet (probability
// 1 - (1 - J^rows)^bands) while dissimilar ones rarely do.
//
// Thread-safe: immutable after construction.
#ifndef CASEFILE_MIGRATION_MATCH_MINHASH_H_
#define CASEFILE_MIGRATION_MATCH_MINHASH_H_

#include <cstdint>
#include <vector>

#include "absl/types/span.h"

namespace casefile::migration {

class MinHasher {
 public:
  // `bands` and `rows` are clamped to at least 1 and bands * rows to at most
  // kMaxValues.
  MinHasher(int bands, int rows, uint64_t seed = 0x5eed);

  int bands() const { return bands_; }
  int rows() const { return rows_; }

  // The signature of a set given as 32-bit element hashes (bands * rows
  // values); all zero for an empty set.
  std::vector<uint32_t> Signature(absl::Span<const uint32_t> set) const;

  static constexpr int kMaxValues = 256;

  // One LSH key per band of the set's signature, salted (e.g. by the case)
  // so that bands of different groups never meet.
  std::vector<uint64_t> BandKeys(absl::Span<const uint32_t> set,
                                 uint64_t salt) const;

 private:
  // Writes the signature to `out` (bands * rows values).
  void Sign(absl::Span<const uint32_t> set, uint32_t* out) const;

  int bands_;
  int rows_;
  uint64_t seed_;
};

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_MATCH_MINHASH_H_
