#include "storage/lmdb.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <utility>

#include "absl/strings/str_cat.h"

namespace casefile::storage {
namespace {

MDB_val ToVal(absl::string_view s) {
  return MDB_val{s.size(), const_cast<char*>(s.data())};
}
absl::string_view FromVal(const MDB_val& v) {
  return absl::string_view(static_cast<const char*>(v.mv_data), v.mv_size);
}

}  // namespace

absl::Status LmdbStatus(int rc, absl::string_view what) {
  if (rc == MDB_SUCCESS) return absl::OkStatus();
  std::string message = absl::StrCat(what, ": ", mdb_strerror(rc));
  switch (rc) {
    case MDB_NOTFOUND:
      return absl::NotFoundError(message);
    case MDB_MAP_FULL:
      return absl::ResourceExhaustedError(message);
    default:
      return absl::InternalError(message);
  }
}

absl::StatusOr<LmdbEnv> LmdbEnv::Open(const std::string& dir, const LmdbOptions& options) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return absl::InternalError(absl::StrCat("create ", dir, ": ", ec.message()));
  MDB_env* env = nullptr;
  int rc = mdb_env_create(&env);
  if (rc != MDB_SUCCESS) return LmdbStatus(rc, "mdb_env_create");
  LmdbEnv owned(env, 0);  // closes env on every early return below
  if ((rc = mdb_env_set_mapsize(env, options.map_size)) != MDB_SUCCESS)
    return LmdbStatus(rc, "mdb_env_set_mapsize");
  if ((rc = mdb_env_set_maxreaders(env, options.max_readers)) != MDB_SUCCESS)
    return LmdbStatus(rc, "mdb_env_set_maxreaders");
  // MDB_NOTLS: read transactions are not tied to threads (gRPC moves work
  // between threads). Sync on every commit: that is what makes a write durable.
  if ((rc = mdb_env_open(env, dir.c_str(), MDB_NOTLS, 0640)) != MDB_SUCCESS)
    return LmdbStatus(rc, absl::StrCat("open store in ", dir));
  int dead = 0;
  if ((rc = mdb_reader_check(env, &dead)) != MDB_SUCCESS) return LmdbStatus(rc, "mdb_reader_check");
  MDB_txn* txn = nullptr;
  if ((rc = mdb_txn_begin(env, nullptr, 0, &txn)) != MDB_SUCCESS)
    return LmdbStatus(rc, "mdb_txn_begin");
  rc = mdb_dbi_open(txn, nullptr, 0, &owned.dbi_);
  if (rc != MDB_SUCCESS) {
    mdb_txn_abort(txn);
    return LmdbStatus(rc, "mdb_dbi_open");
  }
  if ((rc = mdb_txn_commit(txn)) != MDB_SUCCESS) return LmdbStatus(rc, "mdb_txn_commit");
  return owned;
}

LmdbEnv::LmdbEnv(LmdbEnv&& other) noexcept
    : env_(std::exchange(other.env_, nullptr)), dbi_(other.dbi_) {}
LmdbEnv& LmdbEnv::operator=(LmdbEnv&& other) noexcept {
  if (this != &other) {
    if (env_ != nullptr) mdb_env_close(env_);
    env_ = std::exchange(other.env_, nullptr);
    dbi_ = other.dbi_;
  }
  return *this;
}
LmdbEnv::~LmdbEnv() {
  if (env_ != nullptr) mdb_env_close(env_);
}

size_t LmdbEnv::map_size() const {
  MDB_envinfo info;
  mdb_env_info(env_, &info);
  return info.me_mapsize;
}

absl::Status LmdbEnv::SetMapSize(size_t bytes) {
  return LmdbStatus(mdb_env_set_mapsize(env_, bytes), "mdb_env_set_mapsize");
}

absl::Status LmdbEnv::CopyCompact(const std::string& dir) const {
  // mdb_env_copy2 would create the file with mode 0666 less the umask, and
  // not sync it: open it here (0600, never over an existing file) instead.
  const std::string path = dir + "/data.mdb";
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return absl::InternalError(absl::StrCat("create ", path, ": ", std::strerror(errno)));
  absl::Status status =
      LmdbStatus(mdb_env_copyfd2(env_, fd, MDB_CP_COMPACT), absl::StrCat("copy store to ", path));
  if (status.ok() && fsync(fd) != 0)
    status = absl::InternalError(absl::StrCat("sync ", path, ": ", std::strerror(errno)));
  if (close(fd) != 0 && status.ok())
    status = absl::InternalError(absl::StrCat("close ", path, ": ", std::strerror(errno)));
  return status;
}

absl::StatusOr<LmdbTxn> LmdbTxn::BeginRead(const LmdbEnv& env) {
  MDB_txn* txn = nullptr;
  int rc = mdb_txn_begin(env.env(), nullptr, MDB_RDONLY, &txn);
  if (rc != MDB_SUCCESS) return LmdbStatus(rc, "begin read transaction");
  return LmdbTxn(txn, env.dbi());
}

absl::StatusOr<LmdbTxn> LmdbTxn::BeginWrite(const LmdbEnv& env) {
  MDB_txn* txn = nullptr;
  int rc = mdb_txn_begin(env.env(), nullptr, 0, &txn);
  if (rc != MDB_SUCCESS) return LmdbStatus(rc, "begin write transaction");
  return LmdbTxn(txn, env.dbi());
}

absl::StatusOr<LmdbTxn> LmdbTxn::BeginNested(const LmdbEnv& env, LmdbTxn& parent) {
  MDB_txn* txn = nullptr;
  int rc = mdb_txn_begin(env.env(), parent.txn_, 0, &txn);
  if (rc != MDB_SUCCESS) return LmdbStatus(rc, "begin nested transaction");
  LmdbTxn nested(txn, env.dbi());
  nested.batch_values_ = parent.batch_values_;
  return nested;
}

LmdbTxn::LmdbTxn(LmdbTxn&& other) noexcept
    : txn_(std::exchange(other.txn_, nullptr)),
      dbi_(other.dbi_),
      batch_values_(std::exchange(other.batch_values_, nullptr)) {}
LmdbTxn& LmdbTxn::operator=(LmdbTxn&& other) noexcept {
  if (this != &other) {
    Abort();
    txn_ = std::exchange(other.txn_, nullptr);
    dbi_ = other.dbi_;
    batch_values_ = std::exchange(other.batch_values_, nullptr);
  }
  return *this;
}
LmdbTxn::~LmdbTxn() { Abort(); }

void LmdbTxn::Abort() {
  if (txn_ != nullptr) mdb_txn_abort(std::exchange(txn_, nullptr));
}

absl::Status LmdbTxn::Commit() {
  int rc = mdb_txn_commit(std::exchange(txn_, nullptr));
  return LmdbStatus(rc, "commit");
}

absl::StatusOr<std::optional<absl::string_view>> LmdbTxn::Get(absl::string_view key) const {
  MDB_val k = ToVal(key), v;
  int rc = mdb_get(txn_, dbi_, &k, &v);
  if (rc == MDB_NOTFOUND) return std::nullopt;
  if (rc != MDB_SUCCESS) return LmdbStatus(rc, "get");
  return FromVal(v);
}

absl::Status LmdbTxn::Put(absl::string_view key, absl::string_view value) {
  MDB_val k = ToVal(key), v = ToVal(value);
  return LmdbStatus(mdb_put(txn_, dbi_, &k, &v, 0), "put");
}

absl::StatusOr<std::optional<absl::string_view>> LmdbTxn::GetBatched(absl::string_view key) const {
  if (batch_values_ != nullptr) {
    auto it = batch_values_->find(key);
    if (it != batch_values_->end()) return absl::string_view(it->second);
  }
  return Get(key);
}

absl::Status LmdbTxn::PutBatched(absl::string_view key, absl::string_view value) {
  if (batch_values_ == nullptr) return Put(key, value);
  (*batch_values_)[key] = std::string(value);
  return absl::OkStatus();
}

absl::Status LmdbTxn::Delete(absl::string_view key) {
  MDB_val k = ToVal(key);
  return LmdbStatus(mdb_del(txn_, dbi_, &k, nullptr), "delete");
}

absl::StatusOr<LmdbCursor> LmdbTxn::OpenCursor() const {
  MDB_cursor* cursor = nullptr;
  int rc = mdb_cursor_open(txn_, dbi_, &cursor);
  if (rc != MDB_SUCCESS) return LmdbStatus(rc, "open cursor");
  return LmdbCursor(cursor);
}

LmdbCursor::LmdbCursor(LmdbCursor&& other) noexcept
    : cursor_(std::exchange(other.cursor_, nullptr)), key_(other.key_), value_(other.value_) {}
LmdbCursor& LmdbCursor::operator=(LmdbCursor&& other) noexcept {
  if (this != &other) {
    if (cursor_ != nullptr) mdb_cursor_close(cursor_);
    cursor_ = std::exchange(other.cursor_, nullptr);
    key_ = other.key_;
    value_ = other.value_;
  }
  return *this;
}
LmdbCursor::~LmdbCursor() {
  if (cursor_ != nullptr) mdb_cursor_close(cursor_);
}

absl::StatusOr<bool> LmdbCursor::Move(MDB_val* key, MDB_cursor_op op) {
  MDB_val v;
  int rc = mdb_cursor_get(cursor_, key, &v, op);
  if (rc == MDB_NOTFOUND) return false;
  if (rc != MDB_SUCCESS) return LmdbStatus(rc, "cursor");
  key_ = FromVal(*key);
  value_ = FromVal(v);
  return true;
}

absl::StatusOr<bool> LmdbCursor::Seek(absl::string_view key) {
  MDB_val k = ToVal(key);
  return Move(&k, MDB_SET_RANGE);
}

absl::StatusOr<bool> LmdbCursor::Next() {
  MDB_val k;
  return Move(&k, MDB_NEXT);
}

absl::StatusOr<bool> LmdbCursor::Prev() {
  MDB_val k;
  return Move(&k, MDB_PREV);
}

absl::StatusOr<bool> LmdbCursor::Last() {
  MDB_val k;
  return Move(&k, MDB_LAST);
}

}  // namespace casefile::storage
