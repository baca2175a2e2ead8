// ScratchDir: a fresh directory under ::testing::TempDir() for one test,
// removed with everything in it when the ScratchDir dies.
//
// Thread-compatible.
#ifndef CASEFILE_TESTS_SCRATCH_DIR_H_
#define CASEFILE_TESTS_SCRATCH_DIR_H_

#include <stdlib.h>

#include <filesystem>
#include <string>

#include "gtest/gtest.h"

namespace casefile {

class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = ::testing::TempDir() + "casefile-unit-XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) ADD_FAILURE() << "mkdtemp " << pattern;
    path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::string& path() const { return path_; }
  // A path inside the directory (which need not exist yet).
  std::string Sub(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

}  // namespace casefile

#endif  // CASEFILE_TESTS_SCRATCH_DIR_H_
