// ReferenceAllocator: hands out legacy references (crime refs "22/45871/12",
// paper refs "HPVP/2012/0457", nominal refs "N1607143") that are unique across
// one generated folder. Numbers are drawn at random, as the real systems'
// look, and redrawn on the rare collision.
//
// Thread-safety: not thread-safe; one per generation run.
#ifndef CASEFILE_TOOLS_LEGACY_GENERATOR_REFERENCE_ALLOCATOR_H_
#define CASEFILE_TOOLS_LEGACY_GENERATOR_REFERENCE_ALLOCATOR_H_

#include <string>

#include "absl/container/flat_hash_set.h"
#include "tools/legacy_generator/random.h"

namespace casefile::legacy_generator {

class ReferenceAllocator {
 public:
  std::string NewCrimeRef(int year, Random& random);
  std::string NewPaperRef(int year, Random& random);
  std::string NewNominalRef(Random& random);

 private:
  std::string Claim(std::string candidate);

  absl::flat_hash_set<std::string> used_;
};

}  // namespace casefile::legacy_generator

#endif  // CASEFILE_TOOLS_LEGACY_GENERATOR_REFERENCE_ALLOCATOR_H_
