#include "migration/legacy_reader_pool.h"

#include <utility>

#include "migration/legacy_reader.h"

namespace casefile::migration {

LegacyReaderPool::LegacyReaderPool(int threads, size_t max_queued_bytes) : max_queued_bytes_(max_queued_bytes) {
  for (int i = 0; i < std::max(threads, 1); ++i) workers_.emplace_back([this] { Work(); });
}

LegacyReaderPool::~LegacyReaderPool() {
  {
    absl::MutexLock lock(&mu_);
    closing_ = true;
    queue_.clear();  // an abandoned upload: what is not read yet never will be
  }
  for (std::thread& t : workers_) t.join();
}

void LegacyReaderPool::Add(std::string relative_path, std::string bytes) {
  absl::MutexLock lock(&mu_);
  // An empty queue takes any file, however large.
  mu_.Await(absl::Condition(
      +[](LegacyReaderPool* p) ABSL_EXCLUSIVE_LOCKS_REQUIRED(p->mu_) {
        return p->queue_.empty() || p->queued_bytes_ <= p->max_queued_bytes_;
      },
      this));
  queued_bytes_ += bytes.size();
  queue_.push_back({files_.size(), std::move(relative_path), std::move(bytes)});
  files_.emplace_back();
}

int64_t LegacyReaderPool::records_read() const {
  absl::MutexLock lock(&mu_);
  return records_read_;
}

int64_t LegacyReaderPool::files_read() const {
  absl::MutexLock lock(&mu_);
  return files_read_;
}

void LegacyReaderPool::Work() {
  while (true) {
    Job job;
    {
      absl::MutexLock lock(&mu_);
      mu_.Await(absl::Condition(
          +[](LegacyReaderPool* p) ABSL_EXCLUSIVE_LOCKS_REQUIRED(p->mu_) {
            return p->closing_ || !p->queue_.empty();
          },
          this));
      if (queue_.empty()) return;  // closing, and nothing left to read
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    LegacyFile file = ReadLegacyFile(job.path, job.bytes);
    const size_t bytes = job.bytes.size();
    job.bytes = std::string();  // the raw bytes are not needed any more
    // Kept until the whole upload is read: no spare capacity (a vector
    // grown by doubling holds up to twice its records).
    file.events.shrink_to_fit();
    file.nominals.shrink_to_fit();
    file.xrefs.shrink_to_fit();
    file.problems.shrink_to_fit();
    const int64_t records = file.events.size() + file.nominals.size() + file.xrefs.size();
    absl::MutexLock lock(&mu_);
    files_[job.slot] = std::move(file);
    queued_bytes_ -= bytes;
    records_read_ += records;
    ++files_read_;
  }
}

std::vector<LegacyFile> LegacyReaderPool::Finish() {
  absl::MutexLock lock(&mu_);
  mu_.Await(absl::Condition(
      +[](LegacyReaderPool* p) ABSL_EXCLUSIVE_LOCKS_REQUIRED(p->mu_) {
        return p->queue_.empty() && p->files_read_ == static_cast<int64_t>(p->files_.size());
      },
      this));
  return std::move(files_);
}

}  // namespace casefile::migration
