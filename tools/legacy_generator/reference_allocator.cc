#include "tools/legacy_generator/reference_allocator.h"

#include "absl/strings/str_format.h"

namespace casefile::legacy_generator {

std::string ReferenceAllocator::Claim(std::string candidate) {
  return used_.insert(candidate).second ? candidate : std::string();
}

// Each loop ends: a collision is rare until a number space is nearly full,
// and the spaces widen (more divisions, more digits) as they fill.
std::string ReferenceAllocator::NewCrimeRef(int year, Random& random) {
  for (int attempt = 0;; ++attempt) {
    const int division = 22 + attempt / 8;
    std::string ref =
        Claim(absl::StrFormat("%d/%05d/%02d", division, random.Between(10000, 99999), year % 100));
    if (!ref.empty()) return ref;
  }
}

std::string ReferenceAllocator::NewPaperRef(int year, Random& random) {
  for (int attempt = 0;; ++attempt) {
    const int width = 4 + attempt / 8;
    const int limit = width == 4 ? 9999 : 99999;
    std::string ref = Claim(absl::StrFormat("HPVP/%d/%0*d", year, width, random.Between(1, limit)));
    if (!ref.empty()) return ref;
  }
}

std::string ReferenceAllocator::NewNominalRef(Random& random) {
  for (int attempt = 0;; ++attempt) {
    const int width = 7 + attempt / 8;
    std::string ref = Claim(
        absl::StrFormat("N%0*d", width,
                        static_cast<long long>(random.Below(width == 7 ? 9000000 : 90000000)) +
                            (width == 7 ? 1000000 : 10000000)));
    if (!ref.empty()) return ref;
  }
}

}  // namespace casefile::legacy_generator
