// DiskSyncProbe: the disk's own price of durability — a 4 KiB write and an
// fdatasync, repeated. Printed beside the benchmarks so that figures taken
// on a shared machine can be read against the disk they met that day.
//
// Thread-compatible.
#ifndef CASEFILE_BENCH_SUPPORT_DISK_PROBE_H_
#define CASEFILE_BENCH_SUPPORT_DISK_PROBE_H_

#include <cstdint>
#include <memory>
#include <string>

#include "absl/status/statusor.h"

namespace casefile::bench {

class DiskSyncProbe {
 public:
  // Creates the file at `path`.
  static absl::StatusOr<std::unique_ptr<DiskSyncProbe>> Open(const std::string& path);
  ~DiskSyncProbe();
  DiskSyncProbe(const DiskSyncProbe&) = delete;
  DiskSyncProbe& operator=(const DiskSyncProbe&) = delete;

  // Writes block i % 64 and syncs it. Returns the bytes written.
  absl::StatusOr<int64_t> WriteAndSync(int64_t i);

 private:
  explicit DiskSyncProbe(int fd) : fd_(fd) {}
  int fd_;
};

}  // namespace casefile::bench

#endif  // CASEFILE_BENCH_SUPPORT_DISK_PROBE_H_
