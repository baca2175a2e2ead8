#include "migration/match/minhash.h"

#include <algorithm>
#include <limits>

namespace casefile::migration {
namespace {

uint64_t SplitMix(uint64_t& state) {
  uint64_t z = (state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

}  // namespace

MinHasher::MinHasher(int bands, int rows, uint64_t seed)
    : bands_(std::clamp(bands, 1, kMaxValues)),
      rows_(std::clamp(rows, 1, kMaxValues / bands_)),
      seed_(seed) {}

std::vector<uint32_t> MinHasher::Signature(absl::Span<const uint32_t> set) const {
  std::vector<uint32_t> signature(bands_ * rows_);
  Sign(set, signature.data());
  return signature;
}

void MinHasher::Sign(absl::Span<const uint32_t> set, uint32_t* signature) const {
  // One-permutation hashing: one hash per element picks a bin and a value;
  // each bin keeps its minimum. O(|set| + k) instead of O(|set| * k).
  const uint32_t k = static_cast<uint32_t>(bands_ * rows_);
  constexpr uint32_t kEmpty = std::numeric_limits<uint32_t>::max();
  if (set.empty()) {
    std::fill(signature, signature + k, 0);
    return;
  }
  std::fill(signature, signature + k, kEmpty);
  for (uint32_t x : set) {
    uint64_t state = seed_ ^ x;
    const uint64_t h = SplitMix(state);
    const uint32_t bin = static_cast<uint32_t>(((h >> 32) * k) >> 32);
    signature[bin] = std::min(signature[bin], static_cast<uint32_t>(h));
  }
  // Densification: an empty bin borrows from the next bin that a value fell
  // into (circularly), rehashed by the distance, so that similar sets still
  // tend to agree there.
  uint32_t original[kMaxValues];
  std::copy(signature, signature + k, original);
  for (uint32_t i = 0; i < k; ++i) {
    if (original[i] != kEmpty) continue;
    for (uint32_t d = 1; d < k; ++d) {
      const uint32_t borrowed = original[(i + d) % k];
      if (borrowed == kEmpty) continue;
      uint64_t state = (static_cast<uint64_t>(borrowed) << 8) ^ d;
      signature[i] = static_cast<uint32_t>(SplitMix(state));
      break;
    }
  }
}

std::vector<uint64_t> MinHasher::BandKeys(absl::Span<const uint32_t> set,
                                          uint64_t salt) const {
  uint32_t signature[kMaxValues];
  Sign(set, signature);
  std::vector<uint64_t> keys;
  keys.reserve(bands_);
  for (int band = 0; band < bands_; ++band) {
    uint64_t key = salt ^ (0x9e3779b97f4a7c15ull * (band + 1));
    for (int r = 0; r < rows_; ++r) {
      key = (key ^ signature[band * rows_ + r]) * 0x100000001b3ull;
      key ^= key >> 29;
    }
    keys.push_back(key);
  }
  return keys;
}

}  // namespace casefile::migration
