// GroupCommitWriter: the single writer of a store. Concurrent callers submit
// write operations; one thread runs every operation that is waiting in one
// LMDB write transaction and one durable commit, then answers them all.
// An operation is answered only after the commit that holds it is durable,
// on a second thread: answering (a gRPC reply is a socket write) then goes on
// beside the next batch's transaction and commit instead of before it.
//
// MDB_MAP_FULL aborts the batch, doubles the map (up to max_map_size) and runs
// the batch again; past the limit every operation of the batch gets
// RESOURCE_EXHAUSTED.
//
// Thread-safe: Submit and Run may be called from any thread.
#ifndef CASEFILE_STORAGE_GROUP_COMMIT_WRITER_H_
#define CASEFILE_STORAGE_GROUP_COMMIT_WRITER_H_

#include <cstddef>
#include <deque>
#include <thread>
#include <vector>

#include "absl/functional/any_invocable.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "storage/lmdb.h"

namespace casefile::storage {

struct GroupCommitOptions {
  // Most operations in one transaction; bounds latency and dirty pages.
  size_t max_batch = 1024;
  // The map may grow up to this many bytes when full.
  size_t max_map_size = size_t{64} << 30;
};

class GroupCommitWriter {
 public:
  // Runs inside its own nested transaction of the batch's write transaction:
  // an operation that returns an error leaves nothing behind, and the rest of
  // the batch still commits. It may run more than once (after a map resize),
  // so it must depend only on the transaction's contents.
  using Op = absl::AnyInvocable<absl::Status(LmdbTxn&)>;
  // Called on the writer's answering thread with the operation's outcome once
  // its commit is durable (or failed), in the order operations were
  // submitted. Must not block: it holds up the answers after it.
  using Done = absl::AnyInvocable<void(absl::Status)>;

  // `env` and `map_mutex` must outlive the writer. Readers hold `map_mutex`
  // shared while a read transaction is open, so that a resize can wait for them.
  GroupCommitWriter(LmdbEnv* env, absl::Mutex* map_mutex, GroupCommitOptions options);
  // Commits everything already submitted, then stops the thread.
  ~GroupCommitWriter();

  void Submit(Op op, Done done);
  // Submits and waits for the outcome.
  absl::Status Run(Op op);

 private:
  struct Pending {
    Op op;
    Done done;
  };
  struct Answer {
    Done done;
    absl::Status outcome;
  };
  void Loop();
  void AnswerLoop();
  // Runs `batch` and returns each operation's outcome.
  std::vector<absl::Status> CommitBatch(std::deque<Pending>& batch);
  absl::Status GrowMap();

  LmdbEnv* const env_;
  absl::Mutex* const map_mutex_;
  const GroupCommitOptions options_;
  absl::Mutex mu_;
  std::deque<Pending> queue_ ABSL_GUARDED_BY(mu_);
  bool stopping_ ABSL_GUARDED_BY(mu_) = false;
  absl::Mutex answers_mu_;
  std::vector<Answer> answers_ ABSL_GUARDED_BY(answers_mu_);
  bool answers_stopping_ ABSL_GUARDED_BY(answers_mu_) = false;
  std::thread answer_thread_;
  std::thread thread_;
};

}  // namespace casefile::storage

#endif  // CASEFILE_STORAGE_GROUP_COMMIT_WRITER_H_
