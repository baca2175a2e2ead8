#include "storage/store.h"

#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/keys.h"
#include "tests/scratch_dir.h"

namespace casefile::storage {
namespace {

using ::testing::HasSubstr;

StoreOptions SmallStore() {
  StoreOptions options;
  options.lmdb.map_size = size_t{8} << 20;
  options.lmdb.max_readers = 16;
  return options;
}

// The schema record as stored; "<absent>" if none.
std::string SchemaOf(Store& store) {
  auto read = store.BeginRead();
  EXPECT_TRUE(read.ok()) << read.status();
  if (!read.ok()) return "<error>";
  auto got = (*read)->txn().Get(keys::Meta("schema"));
  EXPECT_TRUE(got.ok()) << got.status();
  if (!got.ok() || !got->has_value()) return "<absent>";
  return std::string(**got);
}

// Overwrites the schema record of the store in `dir`, bypassing Store.
void WriteSchema(const std::string& dir, const std::string& version) {
  auto env = LmdbEnv::Open(dir, SmallStore().lmdb);
  ASSERT_TRUE(env.ok()) << env.status();
  auto txn = LmdbTxn::BeginWrite(*env);
  ASSERT_TRUE(txn.ok()) << txn.status();
  ASSERT_TRUE(txn->Put(keys::Meta("schema"), version).ok());
  ASSERT_TRUE(txn->Commit().ok());
}

TEST(StoreTest, NewStoreRecordsItsSchemaVersion) {
  ScratchDir dir;
  auto store = Store::Open(dir.path(), SmallStore());
  ASSERT_TRUE(store.ok()) << store.status();
  EXPECT_EQ(SchemaOf(**store), absl::StrCat(kSchemaVersion));
}

TEST(StoreTest, ReopensItsOwnSchemaAndKeepsData) {
  ScratchDir dir;
  {
    auto store = Store::Open(dir.path(), SmallStore());
    ASSERT_TRUE(store.ok()) << store.status();
    ASSERT_TRUE((*store)->writer().Run([](LmdbTxn& txn) { return txn.Put("k", "v"); }).ok());
  }
  auto store = Store::Open(dir.path(), SmallStore());
  ASSERT_TRUE(store.ok()) << store.status();
  EXPECT_EQ(SchemaOf(**store), absl::StrCat(kSchemaVersion));
  auto read = (*store)->BeginRead();
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(*(*read)->txn().Get("k"), std::optional<absl::string_view>("v"));
}

TEST(StoreTest, OlderSchemaIsAccepted) {
  ScratchDir dir;
  WriteSchema(dir.path(), "0");
  auto store = Store::Open(dir.path(), SmallStore());
  EXPECT_TRUE(store.ok()) << store.status();
}

TEST(StoreTest, NewerSchemaIsRefused) {
  ScratchDir dir;
  WriteSchema(dir.path(), absl::StrCat(kSchemaVersion + 1));
  auto store = Store::Open(dir.path(), SmallStore());
  ASSERT_EQ(store.status().code(), absl::StatusCode::kFailedPrecondition) << store.status();
  EXPECT_THAT(store.status().message(),
              HasSubstr(absl::StrCat("store schema '", kSchemaVersion + 1, "' is newer")));
  EXPECT_THAT(store.status().message(), HasSubstr("upgrade casefiled"));
}

TEST(StoreTest, UnreadableSchemaIsRefused) {
  ScratchDir dir;
  WriteSchema(dir.path(), "one");
  auto store = Store::Open(dir.path(), SmallStore());
  EXPECT_EQ(store.status().code(), absl::StatusCode::kFailedPrecondition) << store.status();
}

TEST(StoreTest, OpenReaderKeepsItsSnapshotWhileWritesCommit) {
  ScratchDir dir;
  auto store = Store::Open(dir.path(), SmallStore());
  ASSERT_TRUE(store.ok()) << store.status();
  auto reader = (*store)->BeginRead();
  ASSERT_TRUE(reader.ok());
  // A write that needs no resize commits while a reader is open.
  EXPECT_TRUE((*store)->writer().Run([](LmdbTxn& txn) { return txn.Put("k", "v"); }).ok());
  EXPECT_EQ(*(*reader)->txn().Get("k"), std::nullopt);
}

}  // namespace
}  // namespace casefile::storage
