#include "client/scratch_folder.h"

#include <stdlib.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "absl/strings/str_cat.h"

namespace casefile::client {

absl::StatusOr<ScratchFolder> ScratchFolder::Make(const std::string& prefix) {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern = absl::StrCat(tmp != nullptr && tmp[0] != '\0' ? tmp : "/tmp", "/", prefix, "XXXXXX");
  // mkdtemp makes it 0700: no one else reads what waits in it.
  if (::mkdtemp(pattern.data()) == nullptr)
    return absl::InternalError(absl::StrCat("cannot make a temporary folder: ", std::strerror(errno)));
  return ScratchFolder(std::move(pattern));
}

ScratchFolder& ScratchFolder::operator=(ScratchFolder&& other) noexcept {
  if (this != &other) {
    Remove();
    path_ = std::move(other.path_);
    other.path_.clear();
  }
  return *this;
}

void ScratchFolder::Empty() const {
  std::error_code ignored;
  for (const auto& file : std::filesystem::directory_iterator(path_, ignored))
    std::filesystem::remove_all(file.path(), ignored);
}

void ScratchFolder::Remove() {
  if (path_.empty()) return;
  std::error_code ignored;  // nothing to do about a folder that cannot go
  std::filesystem::remove_all(path_, ignored);
  path_.clear();
}

}  // namespace casefile::client
