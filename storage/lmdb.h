// Move-only RAII wrappers over the LMDB C API that report errors as
// absl::Status instead of throwing. A LmdbTxn aborts in its destructor unless
// committed; a LmdbCursor must die before its transaction commits.
//
// Thread-safety: the environment is opened with MDB_NOTLS, so a read
// transaction may be used by any one thread at a time. Only one write
// transaction exists at a time (LMDB serialises them); in casefile only the
// GroupCommitWriter thread opens them.
#ifndef CASEFILE_STORAGE_LMDB_H_
#define CASEFILE_STORAGE_LMDB_H_

#include <lmdb.h>

#include <cstddef>
#include <optional>
#include <string>
#include "absl/strings/string_view.h"

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace casefile::storage {

// Maps an LMDB return code to a Status: MDB_NOTFOUND → NotFound,
// MDB_MAP_FULL → ResourceExhausted, others → Internal; `what` names the call.
absl::Status LmdbStatus(int rc, absl::string_view what);

struct LmdbOptions {
  // Size of the memory map, in bytes. The file is sparse; this only bounds it.
  size_t map_size = size_t{1} << 30;
  // Concurrent read transactions allowed (one per reading thread).
  unsigned max_readers = 1024;
};

class LmdbEnv {
 public:
  // Opens (creating if needed) the environment in directory `dir`, with one
  // unnamed database, and clears reader slots left by dead processes.
  static absl::StatusOr<LmdbEnv> Open(const std::string& dir, const LmdbOptions& options);

  LmdbEnv(LmdbEnv&& other) noexcept;
  LmdbEnv& operator=(LmdbEnv&& other) noexcept;
  LmdbEnv(const LmdbEnv&) = delete;
  LmdbEnv& operator=(const LmdbEnv&) = delete;
  ~LmdbEnv();

  MDB_env* env() const { return env_; }
  MDB_dbi dbi() const { return dbi_; }
  size_t map_size() const;
  // REQUIRES: no transaction of this process is open.
  absl::Status SetMapSize(size_t bytes);
  // Writes a compacted copy of the environment (free pages left out) as
  // `dir`/data.mdb, from one read transaction: a consistent snapshot while
  // writes go on. `dir` must exist and hold no data.mdb. The file is made
  // readable by its owner only (it holds everything) and synced to disk.
  // REQUIRES: the map is not resized until it returns (it holds a read txn).
  absl::Status CopyCompact(const std::string& dir) const;

 private:
  LmdbEnv(MDB_env* env, MDB_dbi dbi) : env_(env), dbi_(dbi) {}
  MDB_env* env_ = nullptr;
  MDB_dbi dbi_ = 0;
};

class LmdbCursor;

// Values that every operation of a GroupCommitWriter batch reads and moves on
// (the audit chain head): kept in memory for the batch and put once, just
// before it commits, instead of read and put again by each operation.
using BatchValues = absl::flat_hash_map<std::string, std::string>;

class LmdbTxn {
 public:
  static absl::StatusOr<LmdbTxn> BeginRead(const LmdbEnv& env);
  static absl::StatusOr<LmdbTxn> BeginWrite(const LmdbEnv& env);
  // A write transaction inside `parent`: its writes join the parent's on
  // Commit and vanish on Abort. The parent must not be used until it ends.
  static absl::StatusOr<LmdbTxn> BeginNested(const LmdbEnv& env, LmdbTxn& parent);

  LmdbTxn(LmdbTxn&& other) noexcept;
  LmdbTxn& operator=(LmdbTxn&& other) noexcept;
  LmdbTxn(const LmdbTxn&) = delete;
  LmdbTxn& operator=(const LmdbTxn&) = delete;
  ~LmdbTxn();  // aborts if still open

  // The value, valid until the transaction ends or (write txn) the next write;
  // nullopt when absent.
  absl::StatusOr<std::optional<absl::string_view>> Get(absl::string_view key) const;
  absl::Status Put(absl::string_view key, absl::string_view value);
  // REQUIRES: write transaction. NotFound when absent.
  absl::Status Delete(absl::string_view key);
  // Get and Put for a key kept as a batch value (see BatchValues) when the
  // transaction belongs to a writer's batch; plain Get and Put otherwise. A
  // batched key must be read and written only through these two.
  absl::StatusOr<std::optional<absl::string_view>> GetBatched(absl::string_view key) const;
  absl::Status PutBatched(absl::string_view key, absl::string_view value);
  // Set by the writer on its batch's transaction; nested ones share it.
  void set_batch_values(BatchValues* values) { batch_values_ = values; }
  // Durable when it returns OK (the environment syncs on commit).
  absl::Status Commit();
  void Abort();

  absl::StatusOr<LmdbCursor> OpenCursor() const;
  MDB_txn* txn() const { return txn_; }
  MDB_dbi dbi() const { return dbi_; }

 private:
  LmdbTxn(MDB_txn* txn, MDB_dbi dbi) : txn_(txn), dbi_(dbi) {}
  MDB_txn* txn_ = nullptr;
  MDB_dbi dbi_ = 0;
  BatchValues* batch_values_ = nullptr;
};

// Iterates keys in byte order. Views are valid while the transaction lives.
class LmdbCursor {
 public:
  LmdbCursor(LmdbCursor&& other) noexcept;
  LmdbCursor& operator=(LmdbCursor&& other) noexcept;
  LmdbCursor(const LmdbCursor&) = delete;
  LmdbCursor& operator=(const LmdbCursor&) = delete;
  ~LmdbCursor();

  // Positions at the first key >= `key`. False when there is none.
  absl::StatusOr<bool> Seek(absl::string_view key);
  // Moves to the next key. False at the end.
  absl::StatusOr<bool> Next();
  // Moves to the previous key (from where Seek or Last left it). False at the start.
  absl::StatusOr<bool> Prev();
  // Positions at the last key. False when there is none.
  absl::StatusOr<bool> Last();
  absl::string_view key() const { return key_; }
  absl::string_view value() const { return value_; }

 private:
  friend class LmdbTxn;
  explicit LmdbCursor(MDB_cursor* cursor) : cursor_(cursor) {}
  absl::StatusOr<bool> Move(MDB_val* key, MDB_cursor_op op);
  MDB_cursor* cursor_ = nullptr;
  absl::string_view key_;
  absl::string_view value_;
};

}  // namespace casefile::storage

#endif  // CASEFILE_STORAGE_LMDB_H_
