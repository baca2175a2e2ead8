#include "bench/support/disk_probe.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "absl/strings/str_cat.h"

namespace casefile::bench {
namespace {

constexpr size_t kBlock = 4096;

}  // namespace

absl::StatusOr<std::unique_ptr<DiskSyncProbe>> DiskSyncProbe::Open(const std::string& path) {
  int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return absl::InternalError(absl::StrCat("open ", path, ": ", std::strerror(errno)));
  return std::unique_ptr<DiskSyncProbe>(new DiskSyncProbe(fd));
}

DiskSyncProbe::~DiskSyncProbe() { close(fd_); }

absl::StatusOr<int64_t> DiskSyncProbe::WriteAndSync(int64_t i) {
  static const std::string kData(kBlock, 'x');
  const off_t offset = static_cast<off_t>((i % 64) * kBlock);
  if (pwrite(fd_, kData.data(), kBlock, offset) != static_cast<ssize_t>(kBlock) ||
      fdatasync(fd_) != 0) {
    return absl::InternalError(absl::StrCat("disk probe: ", std::strerror(errno)));
  }
  return static_cast<int64_t>(kBlock);
}

}  // namespace casefile::bench
