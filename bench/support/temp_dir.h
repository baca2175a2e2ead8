// TempDir: a fresh directory, removed with all its contents on destruction.
// The benchmarks keep every store in one.
//
// Thread-compatible.
#ifndef CASEFILE_BENCH_SUPPORT_TEMP_DIR_H_
#define CASEFILE_BENCH_SUPPORT_TEMP_DIR_H_

#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>

namespace casefile::bench {

class TempDir {
 public:
  // Under `base`, or $TMPDIR (else /tmp) when `base` is empty.
  explicit TempDir(std::string base = "") {
    if (base.empty()) {
      const char* tmpdir = std::getenv("TMPDIR");
      base = tmpdir != nullptr && *tmpdir != '\0' ? tmpdir : "/tmp";
    }
    std::string pattern = base + "/casefile-bench-XXXXXX";
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  // Empty if the directory could not be made.
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace casefile::bench

#endif  // CASEFILE_BENCH_SUPPORT_TEMP_DIR_H_
