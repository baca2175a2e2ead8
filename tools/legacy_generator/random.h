// Random: a small, fully specified pseudo-random generator (xoshiro256**
// seeded through SplitMix64) for the synthetic legacy data generator.
//
// Why not <random>: the standard distributions are implementation-defined, so
// the same seed could give different folders on another standard library. Every
// draw here is defined in this file, which keeps "same seed, same bytes" true.
//
// Thread-safety: a Random is a value; use one per thread.
#ifndef CASEFILE_TOOLS_LEGACY_GENERATOR_RANDOM_H_
#define CASEFILE_TOOLS_LEGACY_GENERATOR_RANDOM_H_

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace casefile::legacy_generator {

class Random {
 public:
  // Streams with different (seed, stream) pairs are independent, so each case
  // can draw from its own stream and stay the same whatever precedes it.
  explicit Random(uint64_t seed, uint64_t stream = 0);

  uint64_t Next();

  // Uniform in [0, n). REQUIRES: n > 0.
  uint64_t Below(uint64_t n);
  // Uniform in [lo, hi]. REQUIRES: lo <= hi.
  int Between(int lo, int hi);
  // True with probability p.
  bool Chance(double p);

  template <typename T>
  const T& Pick(std::span<const T> items) {
    return items[Below(items.size())];
  }
  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[Below(items.size())];
  }
  template <typename T>
  void Shuffle(std::vector<T>& items) {
    for (size_t i = items.size(); i > 1; --i) {
      std::swap(items[i - 1], items[Below(i)]);
    }
  }

 private:
  uint64_t s_[4];
};

}  // namespace casefile::legacy_generator

#endif  // CASEFILE_TOOLS_LEGACY_GENERATOR_RANDOM_H_
