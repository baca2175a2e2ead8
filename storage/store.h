// Store: one LMDB environment per data directory, its schema check, the
// shared-lock discipline for reads, and the single GroupCommitWriter.
//
// Thread-safe. Read transactions are meant to be short: take one with
// BeginRead, use it, drop it; never hold one across an RPC stream.
#ifndef CASEFILE_STORAGE_STORE_H_
#define CASEFILE_STORAGE_STORE_H_

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "storage/group_commit_writer.h"
#include "storage/lmdb.h"

namespace casefile::storage {

// The schema version this build reads and writes (meta record "schema").
inline constexpr int kSchemaVersion = 1;

struct StoreOptions {
  LmdbOptions lmdb;
  GroupCommitOptions writer;
};

// A read transaction that keeps the map from being resized while it is open.
class ReadTxn {
 public:
  ReadTxn(const ReadTxn&) = delete;
  ReadTxn& operator=(const ReadTxn&) = delete;
  ~ReadTxn() {
    txn_.Abort();
    map_mutex_->ReaderUnlock();
  }
  const LmdbTxn& txn() const { return txn_; }

 private:
  friend class Store;
  // REQUIRES: `map_mutex` is held shared; the ReadTxn releases it.
  ReadTxn(absl::Mutex* map_mutex, LmdbTxn txn) : map_mutex_(map_mutex), txn_(std::move(txn)) {}
  absl::Mutex* map_mutex_;
  LmdbTxn txn_;
};

class Store {
 public:
  // Opens or creates the store in `dir`. FailedPrecondition if it was written
  // by a newer schema.
  static absl::StatusOr<std::unique_ptr<Store>> Open(const std::string& dir,
                                                     const StoreOptions& options);

  absl::StatusOr<std::unique_ptr<ReadTxn>> BeginRead();
  // A compacted, consistent copy of the store as `dir`/data.mdb while writes
  // go on (LmdbEnv::CopyCompact). A map growth waits until it ends.
  absl::Status Backup(const std::string& dir);
  GroupCommitWriter& writer() { return *writer_; }
  // Runs `op` in one write transaction unless the store has already run the
  // step called `name` (a meta record marks it done): a one-off upgrade of
  // stores written before, at start.
  absl::Status RunOnce(absl::string_view name, GroupCommitWriter::Op op);

 private:
  Store(LmdbEnv env, GroupCommitOptions writer_options);

  LmdbEnv env_;
  absl::Mutex map_mutex_;
  std::unique_ptr<GroupCommitWriter> writer_;  // last: stops before env_ closes
};

}  // namespace casefile::storage

#endif  // CASEFILE_STORAGE_STORE_H_
