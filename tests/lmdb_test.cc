#include "storage/lmdb.h"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/scratch_dir.h"

namespace casefile::storage {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

LmdbOptions SmallMap() {
  LmdbOptions options;
  options.map_size = size_t{8} << 20;
  options.max_readers = 16;
  return options;
}

class LmdbTest : public ::testing::Test {
 protected:
  void SetUp() override { Reopen(); }
  void Reopen() {
    env_.reset();
    auto env = LmdbEnv::Open(dir_.path(), SmallMap());
    ASSERT_TRUE(env.ok()) << env.status();
    env_ = std::make_unique<LmdbEnv>(*std::move(env));
  }
  LmdbTxn Write() {
    auto txn = LmdbTxn::BeginWrite(*env_);
    EXPECT_TRUE(txn.ok()) << txn.status();
    return *std::move(txn);
  }
  LmdbTxn Read() {
    auto txn = LmdbTxn::BeginRead(*env_);
    EXPECT_TRUE(txn.ok()) << txn.status();
    return *std::move(txn);
  }
  // The value under `key` in a fresh read transaction; "<absent>" if none.
  std::string ReadValue(const std::string& key) {
    LmdbTxn txn = Read();
    auto got = txn.Get(key);
    EXPECT_TRUE(got.ok()) << got.status();
    if (!got.ok() || !got->has_value()) return "<absent>";
    return std::string(**got);
  }

  ScratchDir dir_;
  std::unique_ptr<LmdbEnv> env_;
};

TEST_F(LmdbTest, CopyCompactIsASnapshotThatOpensAsAStore) {
  LmdbTxn txn = Write();
  ASSERT_TRUE(txn.Put("a", "1").ok());
  ASSERT_TRUE(txn.Put("b", std::string(100000, 'b')).ok());
  ASSERT_TRUE(txn.Commit().ok());
  txn = Write();
  ASSERT_TRUE(txn.Delete("b").ok());
  ASSERT_TRUE(txn.Commit().ok());
  // A write transaction open during the copy is not in it.
  txn = Write();
  ASSERT_TRUE(txn.Put("c", "uncommitted").ok());
  ScratchDir copy_dir;
  ASSERT_TRUE(env_->CopyCompact(copy_dir.path()).ok());
  ASSERT_TRUE(txn.Commit().ok());

  struct stat st;
  ASSERT_EQ(stat((copy_dir.path() + "/data.mdb").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  auto copy = LmdbEnv::Open(copy_dir.path(), SmallMap());
  ASSERT_TRUE(copy.ok()) << copy.status();
  auto read = LmdbTxn::BeginRead(*copy);
  ASSERT_TRUE(read.ok());
  auto a = read->Get("a");
  ASSERT_TRUE(a.ok() && a->has_value());
  EXPECT_EQ(**a, "1");
  for (const char* absent : {"b", "c"}) {
    auto got = read->Get(absent);
    ASSERT_TRUE(got.ok());
    EXPECT_FALSE(got->has_value()) << absent;
  }
  read->Abort();
  // Never over an existing file.
  absl::Status again = env_->CopyCompact(copy_dir.path());
  EXPECT_EQ(again.code(), absl::StatusCode::kInternal);
  EXPECT_THAT(again.message(), HasSubstr("data.mdb: File exists"));
}

TEST_F(LmdbTest, PutGetDelete) {
  LmdbTxn txn = Write();
  ASSERT_TRUE(txn.Put("k1", "v1").ok());
  ASSERT_TRUE(txn.Put(std::string("k\0two", 5), std::string("v\0two", 5)).ok());
  auto got = txn.Get("k1");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(*got, std::optional<absl::string_view>("v1"));
  ASSERT_TRUE(txn.Commit().ok());

  EXPECT_EQ(ReadValue("k1"), "v1");
  EXPECT_EQ(ReadValue(std::string("k\0two", 5)), std::string("v\0two", 5));

  LmdbTxn del = Write();
  ASSERT_TRUE(del.Put("k1", "replaced").ok());
  EXPECT_EQ(**del.Get("k1"), "replaced");
  ASSERT_TRUE(del.Delete(std::string("k\0two", 5)).ok());
  ASSERT_TRUE(del.Commit().ok());
  EXPECT_EQ(ReadValue("k1"), "replaced");
  EXPECT_EQ(ReadValue(std::string("k\0two", 5)), "<absent>");
}

TEST_F(LmdbTest, AbsentKeyIsNulloptAndDeletingItIsNotFound) {
  LmdbTxn txn = Write();
  auto got = txn.Get("missing");
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(*got, std::nullopt);
  absl::Status s = txn.Delete("missing");
  EXPECT_EQ(s.code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(s.message(), HasSubstr("delete"));
}

TEST_F(LmdbTest, CursorSeeksAndIteratesInByteOrder) {
  LmdbTxn txn = Write();
  for (const char* k : {"b2", "a", "b10", "b1", "c"}) ASSERT_TRUE(txn.Put(k, k).ok());
  ASSERT_TRUE(txn.Put(std::string("b\0", 2), "nul").ok());
  ASSERT_TRUE(txn.Commit().ok());

  LmdbTxn read = Read();
  auto cursor = read.OpenCursor();
  ASSERT_TRUE(cursor.ok());
  std::vector<std::string> seen;
  for (auto at = cursor->Seek("b"); at.ok() && *at; at = cursor->Next()) {
    seen.emplace_back(cursor->key());
    EXPECT_EQ(cursor->value(), cursor->key() == std::string("b\0", 2) ? "nul" : cursor->key());
  }
  EXPECT_THAT(seen, ElementsAre(std::string("b\0", 2), "b1", "b10", "b2", "c"));

  // Seek lands on the first key >= the target, and reports none past the end.
  auto at = cursor->Seek("b11");
  ASSERT_TRUE(at.ok() && *at);
  EXPECT_EQ(cursor->key(), "b2");
  at = cursor->Seek("d");
  ASSERT_TRUE(at.ok());
  EXPECT_FALSE(*at);
  at = cursor->Seek("c");
  ASSERT_TRUE(at.ok() && *at);
  at = cursor->Next();
  ASSERT_TRUE(at.ok());
  EXPECT_FALSE(*at);
}

TEST_F(LmdbTest, AbortDiscardsAndDestructorAborts) {
  {
    LmdbTxn txn = Write();
    ASSERT_TRUE(txn.Put("explicit", "x").ok());
    txn.Abort();
    txn.Abort();  // idempotent
  }
  {
    LmdbTxn txn = Write();
    ASSERT_TRUE(txn.Put("implicit", "x").ok());
  }  // destroyed without commit
  EXPECT_EQ(ReadValue("explicit"), "<absent>");
  EXPECT_EQ(ReadValue("implicit"), "<absent>");
}

TEST_F(LmdbTest, ReadersSeeTheSnapshotTheyStartedWith) {
  LmdbTxn before = Read();
  LmdbTxn txn = Write();
  ASSERT_TRUE(txn.Put("k", "v").ok());
  ASSERT_TRUE(txn.Commit().ok());
  EXPECT_EQ(*before.Get("k"), std::nullopt);
  EXPECT_EQ(ReadValue("k"), "v");
}

TEST_F(LmdbTest, CommitPersistsAcrossReopen) {
  LmdbTxn txn = Write();
  ASSERT_TRUE(txn.Put("durable", "yes").ok());
  ASSERT_TRUE(txn.Commit().ok());
  Reopen();
  EXPECT_EQ(ReadValue("durable"), "yes");
}

TEST_F(LmdbTest, MovedFromObjectsAreInert) {
  LmdbTxn txn = Write();
  ASSERT_TRUE(txn.Put("k", "v").ok());
  LmdbTxn moved = std::move(txn);
  EXPECT_EQ(txn.txn(), nullptr);  // NOLINT(bugprone-use-after-move): checking the moved-from state
  ASSERT_TRUE(moved.Commit().ok());
  EXPECT_EQ(ReadValue("k"), "v");

  LmdbEnv env = std::move(*env_);
  EXPECT_EQ(env_->env(), nullptr);
  *env_ = std::move(env);
  EXPECT_EQ(ReadValue("k"), "v");
}

TEST_F(LmdbTest, MapSizeCanGrow) {
  EXPECT_EQ(env_->map_size(), size_t{8} << 20);
  ASSERT_TRUE(env_->SetMapSize(size_t{16} << 20).ok());
  EXPECT_EQ(env_->map_size(), size_t{16} << 20);
}

TEST_F(LmdbTest, MapFullIsResourceExhausted) {
  LmdbTxn txn = Write();
  const std::string value(64 << 10, 'x');
  absl::Status s;
  for (int i = 0; i < 1000 && s.ok(); ++i) s = txn.Put("k" + std::to_string(i), value);
  EXPECT_EQ(s.code(), absl::StatusCode::kResourceExhausted) << s;
  EXPECT_THAT(s.message(), HasSubstr("put"));
}

// A read transaction left open by a process that died holds a reader slot.
// LMDB resets the reader table only when no process has the environment
// open, so a live server must clear such slots itself (mdb_reader_check at
// open). Here a "holder" process keeps the environment open while a "dead"
// one exits inside a read transaction; our Open must clear the dead slot.
TEST_F(LmdbTest, OpenClearsReaderSlotsOfDeadProcesses) {
  {
    LmdbTxn txn = Write();
    ASSERT_TRUE(txn.Put("k", "v").ok());
    ASSERT_TRUE(txn.Commit().ok());
  }
  env_.reset();  // children must not inherit an open environment

  int ready[2], release[2];
  ASSERT_EQ(pipe(ready), 0);
  ASSERT_EQ(pipe(release), 0);
  pid_t holder = fork();
  ASSERT_NE(holder, -1);
  if (holder == 0) {
    auto env = LmdbEnv::Open(dir_.path(), SmallMap());
    char c = env.ok() ? 'y' : 'n';
    if (write(ready[1], &c, 1) != 1) _exit(2);
    if (read(release[0], &c, 1) != 1) _exit(3);
    _exit(0);
  }
  char c = 0;
  ASSERT_EQ(read(ready[0], &c, 1), 1);
  ASSERT_EQ(c, 'y');

  pid_t dead = fork();
  ASSERT_NE(dead, -1);
  if (dead == 0) {
    auto env = LmdbEnv::Open(dir_.path(), SmallMap());
    if (!env.ok()) _exit(2);
    auto txn = LmdbTxn::BeginRead(*env);
    if (!txn.ok()) _exit(3);
    _exit(0);  // dies holding its reader slot: no destructor runs
  }
  int wstatus = 0;
  ASSERT_EQ(waitpid(dead, &wstatus, 0), dead);
  ASSERT_TRUE(WIFEXITED(wstatus));
  ASSERT_EQ(WEXITSTATUS(wstatus), 0);

  Reopen();
  int cleared = -1;
  ASSERT_EQ(mdb_reader_check(env_->env(), &cleared), MDB_SUCCESS);
  EXPECT_EQ(cleared, 0) << "Open left a dead reader slot behind";
  EXPECT_EQ(ReadValue("k"), "v");

  ASSERT_EQ(write(release[1], "x", 1), 1);
  ASSERT_EQ(waitpid(holder, &wstatus, 0), holder);
  EXPECT_TRUE(WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0);
  for (int fd : {ready[0], ready[1], release[0], release[1]}) close(fd);
}

TEST(LmdbStatusTest, MapsCodes) {
  EXPECT_TRUE(LmdbStatus(MDB_SUCCESS, "x").ok());
  EXPECT_EQ(LmdbStatus(MDB_NOTFOUND, "get").code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(LmdbStatus(MDB_MAP_FULL, "put").code(), absl::StatusCode::kResourceExhausted);
  absl::Status other = LmdbStatus(MDB_CORRUPTED, "open");
  EXPECT_EQ(other.code(), absl::StatusCode::kInternal);
  EXPECT_THAT(other.message(), HasSubstr("open: "));
}

TEST(LmdbEnvTest, OpenFailsCleanlyOnAFile) {
  ScratchDir dir;
  std::string file = dir.Sub("not-a-dir");
  FILE* f = fopen(file.c_str(), "w");
  ASSERT_NE(f, nullptr);
  fclose(f);
  auto env = LmdbEnv::Open(file, SmallMap());
  EXPECT_FALSE(env.ok());
}

}  // namespace
}  // namespace casefile::storage
