// A private temporary folder (mode 0700, under $TMPDIR or /tmp) that is
// removed with everything in it when the object goes: where a printed
// document's PDF and its drawn pages wait while they are put on paper, so
// that nothing of a case outlives the print that needed it.
//
// Thread-compatible; move-only.
#ifndef CASEFILE_CLIENT_SCRATCH_FOLDER_H_
#define CASEFILE_CLIENT_SCRATCH_FOLDER_H_

#include <string>

#include "absl/status/statusor.h"

namespace casefile::client {

class ScratchFolder {
 public:
  // A new folder named `<prefix>XXXXXX` (mkdtemp).
  static absl::StatusOr<ScratchFolder> Make(const std::string& prefix);

  ScratchFolder(ScratchFolder&& other) noexcept : path_(std::move(other.path_)) { other.path_.clear(); }
  ScratchFolder& operator=(ScratchFolder&& other) noexcept;
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  ~ScratchFolder() { Remove(); }

  const std::string& path() const { return path_; }
  // Removes every file in the folder, keeping the folder.
  void Empty() const;

 private:
  explicit ScratchFolder(std::string path) : path_(std::move(path)) {}
  void Remove();
  std::string path_;
};

}  // namespace casefile::client

#endif  // CASEFILE_CLIENT_SCRATCH_FOLDER_H_
