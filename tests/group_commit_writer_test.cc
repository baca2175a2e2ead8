#include "storage/group_commit_writer.h"

#include <atomic>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/lmdb.h"
#include "tests/scratch_dir.h"

namespace casefile::storage {
namespace {

using ::testing::Each;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr size_t kMiB = size_t{1} << 20;

// An op that writes key → value.
GroupCommitWriter::Op PutOp(std::string key, std::string value) {
  return [key = std::move(key), value = std::move(value)](LmdbTxn& txn) {
    return txn.Put(key, value);
  };
}

// Collects the outcomes of n submitted ops; Wait returns once all are in.
class Outcomes {
 public:
  explicit Outcomes(int n) : statuses_(n), remaining_(n) {}
  GroupCommitWriter::Done Done(int i) {
    return [this, i](absl::Status s) {
      statuses_[i] = std::move(s);
      if (--remaining_ == 0) all_done_.Notify();
    };
  }
  const std::vector<absl::Status>& Wait() {
    all_done_.WaitForNotification();
    return statuses_;
  }

 private:
  std::vector<absl::Status> statuses_;
  std::atomic<int> remaining_;
  absl::Notification all_done_;
};

class GroupCommitWriterTest : public ::testing::Test {
 protected:
  void Start(size_t map_size, GroupCommitOptions options) {
    LmdbOptions lmdb;
    lmdb.map_size = map_size;
    lmdb.max_readers = 16;
    auto env = LmdbEnv::Open(dir_.path(), lmdb);
    ASSERT_TRUE(env.ok()) << env.status();
    env_ = std::make_unique<LmdbEnv>(*std::move(env));
    writer_ = std::make_unique<GroupCommitWriter>(env_.get(), &map_mutex_, options);
  }

  // The value under `key` as committed; "<absent>" if none.
  std::string Committed(const std::string& key) {
    absl::ReaderMutexLock lock(&map_mutex_);
    auto txn = LmdbTxn::BeginRead(*env_);
    EXPECT_TRUE(txn.ok()) << txn.status();
    if (!txn.ok()) return "<error>";
    auto got = txn->Get(key);
    EXPECT_TRUE(got.ok()) << got.status();
    if (!got.ok() || !got->has_value()) return "<absent>";
    return std::string(**got);
  }

  // Submits an op that occupies the writer thread until `release_` is
  // notified, and returns once the writer is running it: everything
  // submitted afterwards queues up behind it.
  void BlockWriter() {
    absl::Notification running;
    writer_->Submit(
        [&running, this](LmdbTxn&) {
          running.Notify();
          release_.WaitForNotification();
          return absl::OkStatus();
        },
        [](absl::Status s) { EXPECT_TRUE(s.ok()) << s; });
    running.WaitForNotification();
  }

  ScratchDir dir_;
  absl::Mutex map_mutex_;
  std::unique_ptr<LmdbEnv> env_;
  absl::Notification release_;
  std::unique_ptr<GroupCommitWriter> writer_;  // declared last: stops first
};

TEST_F(GroupCommitWriterTest, ConcurrentSubmittersAllCommit) {
  Start(64 * kMiB, GroupCommitOptions());
  constexpr int kThreads = 8, kPerThread = 100;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        absl::Status s = writer_->Run(PutOp(absl::StrCat("t", t, "-", i), absl::StrCat(t * i)));
        if (!s.ok()) ++failures;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  for (int t = 0; t < kThreads; ++t) {
    for (int i = 0; i < kPerThread; ++i) {
      ASSERT_EQ(Committed(absl::StrCat("t", t, "-", i)), absl::StrCat(t * i));
    }
  }
}

TEST_F(GroupCommitWriterTest, AFailingOpGetsItsOwnErrorAndTheRestOfItsBatchCommits) {
  Start(8 * kMiB, GroupCommitOptions());
  BlockWriter();
  std::vector<size_t> txn_ids(3, 0);
  Outcomes outcomes(3);
  writer_->Submit(
      [&](LmdbTxn& txn) {
        txn_ids[0] = mdb_txn_id(txn.txn());
        return txn.Put("a", "1");
      },
      outcomes.Done(0));
  writer_->Submit(
      [&](LmdbTxn& txn) {
        txn_ids[1] = mdb_txn_id(txn.txn());
        return absl::InvalidArgumentError("entry.text: is required");
      },
      outcomes.Done(1));
  writer_->Submit(
      [&](LmdbTxn& txn) {
        txn_ids[2] = mdb_txn_id(txn.txn());
        return txn.Put("c", "3");
      },
      outcomes.Done(2));
  release_.Notify();
  EXPECT_THAT(outcomes.Wait(),
              ElementsAre(absl::OkStatus(), absl::InvalidArgumentError("entry.text: is required"),
                          absl::OkStatus()));
  EXPECT_EQ(txn_ids[0], txn_ids[1]);  // one batch
  EXPECT_EQ(txn_ids[1], txn_ids[2]);
  EXPECT_EQ(Committed("a"), "1");
  EXPECT_EQ(Committed("c"), "3");
}

// A batch value (the audit chain head) moves from op to op in memory, is put
// once when the batch commits, and a failed op's move of it is undone.
TEST_F(GroupCommitWriterTest, BatchValuesPassFromOpToOpAndAFailedOpsChangeIsUndone) {
  Start(8 * kMiB, GroupCommitOptions());
  ASSERT_TRUE(writer_->Run([](LmdbTxn& txn) { return txn.PutBatched("head", "0"); }).ok());
  EXPECT_EQ(Committed("head"), "0");  // an op alone puts it too
  BlockWriter();
  std::vector<std::string> seen;  // written only on the writer thread
  const auto move_head = [&](std::string to, absl::Status outcome) {
    return [&seen, to = std::move(to), outcome](LmdbTxn& txn) -> absl::Status {
      auto head = txn.GetBatched("head");
      if (!head.ok()) return head.status();
      seen.push_back(head->has_value() ? std::string(**head) : "<absent>");
      if (auto s = txn.PutBatched("head", to); !s.ok()) return s;
      return outcome;
    };
  };
  Outcomes outcomes(4);
  writer_->Submit(move_head("1", absl::OkStatus()), outcomes.Done(0));
  writer_->Submit(move_head("2", absl::OkStatus()), outcomes.Done(1));
  writer_->Submit(move_head("x", absl::AbortedError("changed its mind")), outcomes.Done(2));
  writer_->Submit(move_head("3", absl::OkStatus()), outcomes.Done(3));
  release_.Notify();
  EXPECT_THAT(outcomes.Wait(), ElementsAre(absl::OkStatus(), absl::OkStatus(),
                                           absl::AbortedError("changed its mind"), absl::OkStatus()));
  EXPECT_THAT(seen, ElementsAre("0", "1", "2", "2"));
  EXPECT_EQ(Committed("head"), "3");
}

TEST_F(GroupCommitWriterTest, AnOpThatFailsHalfWayLeavesNothingBehind) {
  Start(8 * kMiB, GroupCommitOptions());
  BlockWriter();
  Outcomes outcomes(3);
  writer_->Submit([](LmdbTxn& txn) { return txn.Put("a", "1"); }, outcomes.Done(0));
  writer_->Submit(
      [](LmdbTxn& txn) {
        if (auto s = txn.Put("b", "half"); !s.ok()) return s;
        return absl::InternalError("failed after one write");
      },
      outcomes.Done(1));
  writer_->Submit([](LmdbTxn& txn) { return txn.Put("c", "3"); }, outcomes.Done(2));
  release_.Notify();
  EXPECT_THAT(outcomes.Wait(), ElementsAre(absl::OkStatus(), absl::InternalError("failed after one write"),
                                           absl::OkStatus()));
  EXPECT_EQ(Committed("a"), "1");
  EXPECT_EQ(Committed("b"), "<absent>");
  EXPECT_EQ(Committed("c"), "3");
}

// Alone in its batch, an op runs without a nested transaction; failing half
// way, it must still leave nothing behind, and the writer must go on.
TEST_F(GroupCommitWriterTest, AnOpAloneThatFailsHalfWayLeavesNothingBehind) {
  Start(8 * kMiB, GroupCommitOptions());
  absl::Status failed = writer_->Run([](LmdbTxn& txn) {
    if (auto s = txn.Put("b", "half"); !s.ok()) return s;
    return absl::InternalError("failed after one write");
  });
  EXPECT_EQ(failed, absl::InternalError("failed after one write"));
  EXPECT_EQ(Committed("b"), "<absent>");
  EXPECT_EQ(writer_->Run([](LmdbTxn& txn) { return txn.Put("c", "3"); }), absl::OkStatus());
  EXPECT_EQ(Committed("c"), "3");
}

// While the writer is held on one op, N more queue up; released, they must
// go in ceil(N / max_batch) transactions of at most max_batch, in order.
TEST_F(GroupCommitWriterTest, QueuedOpsAreBatched) {
  GroupCommitOptions options;
  options.max_batch = 10;
  Start(8 * kMiB, options);
  constexpr int kOps = 35;
  BlockWriter();
  std::vector<size_t> txn_ids(kOps, 0);
  Outcomes outcomes(kOps);
  for (int i = 0; i < kOps; ++i) {
    writer_->Submit(
        [&, i](LmdbTxn& txn) {
          txn_ids[i] = mdb_txn_id(txn.txn());
          return txn.Put(absl::StrCat("k", i), "v");
        },
        outcomes.Done(i));
  }
  release_.Notify();
  EXPECT_THAT(outcomes.Wait(), Each(absl::OkStatus()));

  std::map<size_t, int> per_txn;
  for (int i = 0; i < kOps; ++i) {
    ++per_txn[txn_ids[i]];
    if (i > 0) {
      EXPECT_GE(txn_ids[i], txn_ids[i - 1]) << "ops ran out of order";
    }
  }
  EXPECT_EQ(per_txn.size(), 4u);  // ceil(35 / 10)
  std::vector<int> sizes;
  for (const auto& [id, n] : per_txn) sizes.push_back(n);
  EXPECT_THAT(sizes, ElementsAre(10, 10, 10, 5));
  for (int i = 0; i < kOps; ++i) EXPECT_EQ(Committed(absl::StrCat("k", i)), "v");
}

TEST_F(GroupCommitWriterTest, FullMapGrowsUpToTheMaximum) {
  GroupCommitOptions options;
  options.max_map_size = 64 * kMiB;
  Start(1 * kMiB, options);
  const std::string value(64 << 10, 'v');
  constexpr int kWrites = 160;  // 10 MiB
  for (int i = 0; i < kWrites; ++i) {
    ASSERT_TRUE(writer_->Run(PutOp(absl::StrCat("big", i), value)).ok()) << i;
  }
  EXPECT_GT(env_->map_size(), 10 * kMiB);
  EXPECT_LE(env_->map_size(), 64 * kMiB);
  for (int i = 0; i < kWrites; ++i) ASSERT_EQ(Committed(absl::StrCat("big", i)), value);
}

// An op may run more than once when its batch hits a full map; what commits
// is the last run, once.
TEST_F(GroupCommitWriterTest, OpsRerunAfterGrowthCommitOnce) {
  GroupCommitOptions options;
  options.max_map_size = 64 * kMiB;
  Start(1 * kMiB, options);
  BlockWriter();
  std::atomic<int> small_runs{0};
  Outcomes outcomes(2);
  writer_->Submit(
      [&](LmdbTxn& txn) {
        ++small_runs;
        return txn.Put("small", "s");
      },
      outcomes.Done(0));
  writer_->Submit(PutOp("large", std::string(3 * kMiB, 'L')), outcomes.Done(1));
  release_.Notify();
  EXPECT_THAT(outcomes.Wait(), ElementsAre(absl::OkStatus(), absl::OkStatus()));
  EXPECT_GE(small_runs.load(), 2);
  EXPECT_EQ(Committed("small"), "s");
  EXPECT_EQ(Committed("large").size(), 3 * kMiB);
}

TEST_F(GroupCommitWriterTest, AtTheMaximumOpsGetResourceExhaustedAndSmallWritesStillWork) {
  GroupCommitOptions options;
  options.max_map_size = 2 * kMiB;
  Start(1 * kMiB, options);
  ASSERT_TRUE(writer_->Run(PutOp("before", "ok")).ok());

  absl::Status s = writer_->Run(PutOp("huge", std::string(4 * kMiB, 'h')));
  EXPECT_EQ(s.code(), absl::StatusCode::kResourceExhausted) << s;
  EXPECT_THAT(s.message(), HasSubstr("maximum map size of 2 MiB"));
  EXPECT_EQ(env_->map_size(), 2 * kMiB);
  EXPECT_EQ(Committed("huge"), "<absent>");

  ASSERT_TRUE(writer_->Run(PutOp("after", "ok")).ok());
  EXPECT_EQ(Committed("before"), "ok");
  EXPECT_EQ(Committed("after"), "ok");
}

TEST_F(GroupCommitWriterTest, DestructorCommitsEverythingSubmitted) {
  Start(8 * kMiB, GroupCommitOptions());
  BlockWriter();
  constexpr int kOps = 20;
  std::atomic<int> ok{0};
  for (int i = 0; i < kOps; ++i) {
    writer_->Submit(PutOp(absl::StrCat("k", i), "v"), [&](absl::Status s) {
      if (s.ok()) ++ok;
    });
  }
  GroupCommitWriter* writer = writer_.get();
  std::thread destroyer([this] { writer_.reset(); });
  // Once the destructor has begun, new submissions are refused at once; wait
  // for that, so the queued ops are committed by the stopping writer.
  // Probes queued before that simply commit nothing; the refusal is answered
  // synchronously, on this thread.
  while (true) {
    auto refused = std::make_shared<std::atomic<bool>>(false);
    writer->Submit([](LmdbTxn&) { return absl::OkStatus(); },
                   [refused](absl::Status s) {
                     if (s == absl::UnavailableError("store is shutting down")) *refused = true;
                   });
    if (*refused) break;
    absl::SleepFor(absl::Milliseconds(1));
  }
  release_.Notify();
  destroyer.join();
  EXPECT_EQ(ok.load(), kOps);
  for (int i = 0; i < kOps; ++i) EXPECT_EQ(Committed(absl::StrCat("k", i)), "v");
}

// Answers run on their own thread, in submission order: an answer that is
// slow (a reply to a slow client) does not hold up the next commit.
TEST_F(GroupCommitWriterTest, ASlowAnswerDoesNotHoldUpTheNextCommit) {
  Start(8 * kMiB, GroupCommitOptions());
  absl::Notification answering_first, release_answer;
  std::vector<int> answered;  // written only on the answering thread
  writer_->Submit(PutOp("first", "1"), [&](absl::Status s) {
    EXPECT_TRUE(s.ok()) << s;
    answering_first.Notify();
    release_answer.WaitForNotification();
    answered.push_back(1);
  });
  answering_first.WaitForNotification();
  // The first answer is still running; the next operation commits anyway.
  absl::Notification second_ran;
  Outcomes second(1);
  writer_->Submit(
      [&](LmdbTxn& txn) {
        second_ran.Notify();
        return txn.Put("second", "2");
      },
      [&](absl::Status s) {
        answered.push_back(2);
        second.Done(0)(std::move(s));
      });
  second_ran.WaitForNotification();
  release_answer.Notify();
  EXPECT_THAT(second.Wait(), ElementsAre(absl::OkStatus()));
  EXPECT_THAT(answered, ElementsAre(1, 2));
  EXPECT_EQ(Committed("second"), "2");
}

}  // namespace
}  // namespace casefile::storage
