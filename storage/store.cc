#include "storage/store.h"

#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "storage/keys.h"

namespace casefile::storage {
namespace {

// Writes the schema version into a new store; refuses a newer one.
absl::Status CheckSchema(GroupCommitWriter& writer) {
  return writer.Run([](LmdbTxn& txn) -> absl::Status {
    auto found = txn.Get(keys::Meta("schema"));
    if (!found.ok()) return found.status();
    if (!found->has_value()) return txn.Put(keys::Meta("schema"), absl::StrCat(kSchemaVersion));
    int version = 0;
    if (!absl::SimpleAtoi(**found, &version) || version > kSchemaVersion) {
      return absl::FailedPreconditionError(
          absl::StrCat("store schema '", **found, "' is newer than this casefiled (",
                       kSchemaVersion, "); upgrade casefiled"));
    }
    return absl::OkStatus();
  });
}

}  // namespace

Store::Store(LmdbEnv env, GroupCommitOptions writer_options)
    : env_(std::move(env)),
      writer_(std::make_unique<GroupCommitWriter>(&env_, &map_mutex_, writer_options)) {}

absl::StatusOr<std::unique_ptr<Store>> Store::Open(const std::string& dir,
                                                   const StoreOptions& options) {
  auto env = LmdbEnv::Open(dir, options.lmdb);
  if (!env.ok()) return env.status();
  std::unique_ptr<Store> store(new Store(*std::move(env), options.writer));
  if (absl::Status s = CheckSchema(store->writer()); !s.ok()) return s;
  return store;
}

absl::StatusOr<std::unique_ptr<ReadTxn>> Store::BeginRead() {
  map_mutex_.ReaderLock();
  auto txn = LmdbTxn::BeginRead(env_);
  if (!txn.ok()) {
    map_mutex_.ReaderUnlock();
    return txn.status();
  }
  return std::unique_ptr<ReadTxn>(new ReadTxn(&map_mutex_, *std::move(txn)));
}

absl::Status Store::RunOnce(absl::string_view name, GroupCommitWriter::Op op) {
  return writer_->Run([done = keys::Meta(name), op = std::move(op)](LmdbTxn& txn) mutable -> absl::Status {
    auto found = txn.Get(done);
    if (!found.ok()) return found.status();
    if (found->has_value()) return absl::OkStatus();
    if (absl::Status s = op(txn); !s.ok()) return s;
    return txn.Put(done, "1");
  });
}

absl::Status Store::Backup(const std::string& dir) {
  absl::ReaderMutexLock lock(&map_mutex_);  // the copy's read txn pins the map
  return env_.CopyCompact(dir);
}

}  // namespace casefile::storage
