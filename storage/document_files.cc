#include "storage/document_files.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <vector>

#include "absl/random/random.h"
#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"

namespace casefile::storage {
namespace {

namespace fs = std::filesystem;

constexpr char kIncoming[] = "incoming";

absl::Status Errno(absl::string_view what, absl::string_view path) {
  return absl::InternalError(absl::StrCat(what, " ", path, ": ", std::strerror(errno)));
}

absl::Status WriteAll(int fd, absl::string_view bytes, absl::string_view path) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Errno("cannot write", path);
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return absl::OkStatus();
}

// fsync of a folder, so that a rename or new file in it survives a crash.
absl::Status SyncFolder(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Errno("cannot open", path);
  int rc = ::fsync(fd);
  ::close(fd);
  return rc == 0 ? absl::OkStatus() : Errno("cannot sync", path);
}

absl::Status MakeFolder(const std::string& path) {
  if (::mkdir(path.c_str(), 0700) != 0 && errno != EEXIST) return Errno("cannot create", path);
  return absl::OkStatus();
}

// Copies `from` to a new file `to` and syncs it, 1 MiB at a time.
absl::Status CopyFileDurably(const std::string& from, const std::string& to) {
  int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) return Errno("cannot open", from);
  int out = ::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (out < 0) {
    ::close(in);
    return Errno("cannot create", to);
  }
  std::vector<char> buffer(1 << 20);
  absl::Status status;
  while (status.ok()) {
    ssize_t n = ::read(in, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) status = Errno("cannot read", from);
    if (n <= 0) break;
    status = WriteAll(out, absl::string_view(buffer.data(), static_cast<size_t>(n)), to);
  }
  if (status.ok() && ::fsync(out) != 0) status = Errno("cannot sync", to);
  ::close(in);
  ::close(out);
  return status;
}

}  // namespace

struct DocumentFiles::Placement::Hasher {
  Hasher() : ctx(EVP_MD_CTX_new()) { EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr); }
  ~Hasher() { EVP_MD_CTX_free(ctx); }
  EVP_MD_CTX* ctx;
};

absl::StatusOr<std::unique_ptr<DocumentFiles>> DocumentFiles::Open(const std::string& dir) {
  if (auto s = MakeFolder(dir); !s.ok()) return s;
  const std::string incoming = absl::StrCat(dir, "/", kIncoming);
  if (auto s = MakeFolder(incoming); !s.ok()) return s;
  // An upload cut off by a crash or a restart left its temporary file: nothing
  // names it, and no upload is running yet.
  std::error_code ec;
  for (const fs::directory_entry& leftover : fs::directory_iterator(incoming, ec)) fs::remove(leftover.path(), ec);
  if (ec) return absl::InternalError(absl::StrCat("cannot clear ", incoming, ": ", ec.message()));
  return std::unique_ptr<DocumentFiles>(new DocumentFiles(dir));
}

absl::StatusOr<DocumentFiles::Placement> DocumentFiles::BeginPlacement() const {
  absl::BitGen random;
  const std::string path = absl::StrCat(dir_, "/", kIncoming, "/", absl::Hex(absl::Uniform<uint64_t>(random)),
                                        absl::Hex(absl::Uniform<uint64_t>(random)));
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return Errno("cannot create", path);
  return Placement(this, path, fd);
}

std::string DocumentFiles::PathOf(absl::string_view sha256) const {
  const std::string hex = absl::BytesToHexString(sha256);
  return absl::StrCat(dir_, "/", hex.substr(0, 2), "/", hex);
}

absl::Status DocumentFiles::Remove(absl::string_view sha256) const {
  const std::string path = PathOf(sha256);
  if (::unlink(path.c_str()) != 0 && errno != ENOENT) return Errno("cannot remove", path);
  return SyncFolder(fs::path(path).parent_path().string());
}

absl::Status DocumentFiles::CopyTo(const std::string& dir) const {
  const std::string target = dir + "/documents";
  if (auto s = MakeFolder(target); !s.ok()) return s;
  std::error_code ec;
  for (const fs::directory_entry& folder : fs::directory_iterator(dir_, ec)) {
    const std::string name = folder.path().filename().string();
    if (name == kIncoming || !folder.is_directory()) continue;
    const std::string copy = absl::StrCat(target, "/", name);
    if (auto s = MakeFolder(copy); !s.ok()) return s;
    for (const fs::directory_entry& file : fs::directory_iterator(folder.path(), ec)) {
      if (auto s = CopyFileDurably(file.path().string(), absl::StrCat(copy, "/", file.path().filename().string()));
          !s.ok())
        return s;
    }
    if (ec) break;
    if (auto s = SyncFolder(copy); !s.ok()) return s;
  }
  if (ec) return absl::InternalError(absl::StrCat("cannot list ", dir_, ": ", ec.message()));
  if (auto s = SyncFolder(target); !s.ok()) return s;
  return SyncFolder(dir);
}

absl::StatusOr<std::vector<std::string>> DocumentFiles::StoredContent() const {
  std::vector<std::string> stored;
  std::error_code ec;
  for (const fs::directory_entry& folder : fs::directory_iterator(dir_, ec)) {
    const std::string prefix = folder.path().filename().string();
    if (prefix == kIncoming || !folder.is_directory(ec) || folder.is_symlink(ec)) continue;
    for (const fs::directory_entry& file : fs::directory_iterator(folder.path(), ec)) {
      const std::string hex = file.path().filename().string();
      // symlink_status: a link is not content, whatever it points at.
      if (!fs::is_regular_file(file.symlink_status(ec)) || hex.size() != 64 || hex.compare(0, 2, prefix) != 0 ||
          !std::all_of(hex.begin(), hex.end(), [](char c) { return absl::ascii_isxdigit(c) && !absl::ascii_isupper(c); }))
        continue;
      stored.push_back(absl::HexStringToBytes(hex));
    }
    if (ec) break;
  }
  if (ec) return absl::InternalError(absl::StrCat("cannot list ", dir_, ": ", ec.message()));
  return stored;
}

DocumentFiles::Placement::Placement(const DocumentFiles* files, std::string temp_path, int fd)
    : files_(files), temp_path_(std::move(temp_path)), fd_(fd), hasher_(std::make_unique<Hasher>()) {}

DocumentFiles::Placement::Placement(Placement&& other) noexcept
    : files_(other.files_),
      temp_path_(std::move(other.temp_path_)),
      fd_(other.fd_),
      size_(other.size_),
      hasher_(std::move(other.hasher_)),
      sha256_(std::move(other.sha256_)),
      placed_(other.placed_) {
  other.fd_ = -1;
  other.placed_ = true;  // nothing of it to drop
}

DocumentFiles::Placement::~Placement() {
  if (fd_ >= 0) ::close(fd_);
  if (!placed_) ::unlink(temp_path_.c_str());
}

absl::Status DocumentFiles::Placement::Append(absl::string_view bytes) {
  if (auto s = WriteAll(fd_, bytes, temp_path_); !s.ok()) return s;
  EVP_DigestUpdate(hasher_->ctx, bytes.data(), bytes.size());
  size_ += bytes.size();
  return absl::OkStatus();
}

absl::StatusOr<std::string> DocumentFiles::Placement::Finish() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_DigestFinal_ex(hasher_->ctx, digest, &length);
  sha256_.assign(reinterpret_cast<const char*>(digest), length);
  return sha256_;
}

absl::Status DocumentFiles::Placement::Place() {
  const std::string path = files_->PathOf(sha256_);
  const std::string folder = fs::path(path).parent_path().string();
  if (auto s = MakeFolder(folder); !s.ok()) return s;
  struct stat existing;
  if (::stat(path.c_str(), &existing) == 0) return absl::OkStatus();  // the same bytes are stored: drop ours
  if (::fsync(fd_) != 0) return Errno("cannot sync", temp_path_);
  if (::rename(temp_path_.c_str(), path.c_str()) != 0) return Errno("cannot place", path);
  placed_ = true;
  if (auto s = SyncFolder(folder); !s.ok()) return s;
  return SyncFolder(files_->dir_);
}

}  // namespace casefile::storage
