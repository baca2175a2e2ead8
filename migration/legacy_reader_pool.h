// LegacyReaderPool: reads legacy files on worker threads while the caller
// goes on receiving the next ones, so that an upload and the parsing of what
// has arrived overlap.
//
//   LegacyReaderPool pool(2);
//   pool.Add(path, std::move(bytes));       // returns at once (see below)
//   pool.records_read();                    // progress so far
//   std::vector<LegacyFile> files = pool.Finish();  // every file, in Add order
//
// Add waits while more than `max_queued_bytes` wait to be read, so that an
// upload faster than the readers is held back by the stream's flow control
// instead of piling up here. A file's bytes are freed once it is read, and
// its records take no more memory than they hold (vectors shrunk to fit).
//
// Thread-safe: Add and records_read may be called from any thread; Finish
// once, after the last Add. The destructor waits for the workers.
#ifndef CASEFILE_MIGRATION_LEGACY_READER_POOL_H_
#define CASEFILE_MIGRATION_LEGACY_READER_POOL_H_

#include <cstdint>
#include <deque>
#include <string>
#include <thread>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "migration/legacy_record.h"

namespace casefile::migration {

class LegacyReaderPool {
 public:
  explicit LegacyReaderPool(int threads, size_t max_queued_bytes = size_t{64} << 20);
  ~LegacyReaderPool();
  LegacyReaderPool(const LegacyReaderPool&) = delete;
  LegacyReaderPool& operator=(const LegacyReaderPool&) = delete;

  void Add(std::string relative_path, std::string bytes);
  // Events, nominal rows and cross-reference rows of the files read so far.
  int64_t records_read() const;
  int64_t files_read() const;
  std::vector<LegacyFile> Finish();

 private:
  struct Job {
    size_t slot;
    std::string path;
    std::string bytes;
  };
  void Work();

  const size_t max_queued_bytes_;
  mutable absl::Mutex mu_;
  std::deque<Job> queue_ ABSL_GUARDED_BY(mu_);
  size_t queued_bytes_ ABSL_GUARDED_BY(mu_) = 0;
  std::vector<LegacyFile> files_ ABSL_GUARDED_BY(mu_);
  int64_t records_read_ ABSL_GUARDED_BY(mu_) = 0;
  int64_t files_read_ ABSL_GUARDED_BY(mu_) = 0;
  bool closing_ ABSL_GUARDED_BY(mu_) = false;
  std::vector<std::thread> workers_;
};

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_LEGACY_READER_POOL_H_
