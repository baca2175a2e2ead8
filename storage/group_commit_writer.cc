#include "storage/group_commit_writer.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"

namespace casefile::storage {

GroupCommitWriter::GroupCommitWriter(LmdbEnv* env, absl::Mutex* map_mutex,
                                     GroupCommitOptions options)
    : env_(env),
      map_mutex_(map_mutex),
      options_(options),
      answer_thread_([this] { AnswerLoop(); }),
      thread_([this] { Loop(); }) {}

GroupCommitWriter::~GroupCommitWriter() {
  {
    absl::MutexLock lock(&mu_);
    stopping_ = true;
  }
  thread_.join();
  {
    absl::MutexLock lock(&answers_mu_);
    answers_stopping_ = true;
  }
  answer_thread_.join();
}

void GroupCommitWriter::Submit(Op op, Done done) {
  absl::MutexLock lock(&mu_);
  if (stopping_) {
    done(absl::UnavailableError("store is shutting down"));
    return;
  }
  queue_.push_back(Pending{std::move(op), std::move(done)});
}

absl::Status GroupCommitWriter::Run(Op op) {
  absl::Notification done;
  absl::Status result;
  Submit(std::move(op), [&](absl::Status s) {
    result = std::move(s);
    done.Notify();
  });
  done.WaitForNotification();
  return result;
}

void GroupCommitWriter::Loop() {
  std::deque<Pending> batch;
  while (true) {
    {
      absl::MutexLock lock(&mu_);
      mu_.Await(absl::Condition(
          +[](GroupCommitWriter* w) ABSL_EXCLUSIVE_LOCKS_REQUIRED(w->mu_) {
            return w->stopping_ || !w->queue_.empty();
          },
          this));
      if (queue_.empty()) return;  // stopping, and nothing left to commit
      while (!queue_.empty() && batch.size() < options_.max_batch) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    std::vector<absl::Status> outcomes = CommitBatch(batch);
    {
      absl::MutexLock lock(&answers_mu_);
      for (size_t i = 0; i < batch.size(); ++i)
        answers_.push_back(Answer{std::move(batch[i].done), std::move(outcomes[i])});
    }
    batch.clear();  // the operations' captures are freed here, off the answering thread
  }
}

void GroupCommitWriter::AnswerLoop() {
  std::vector<Answer> answering;
  while (true) {
    {
      absl::MutexLock lock(&answers_mu_);
      answers_mu_.Await(absl::Condition(
          +[](GroupCommitWriter* w) ABSL_EXCLUSIVE_LOCKS_REQUIRED(w->answers_mu_) {
            return w->answers_stopping_ || !w->answers_.empty();
          },
          this));
      if (answers_.empty()) return;  // stopping, and every answer given
      answering.swap(answers_);
    }
    for (Answer& a : answering) a.done(std::move(a.outcome));
    answering.clear();
  }
}

absl::Status GroupCommitWriter::GrowMap() {
  size_t current = env_->map_size();
  if (current >= options_.max_map_size) {
    return absl::ResourceExhaustedError(
        absl::StrCat("store is full at its maximum map size of ", current >> 20,
                     " MiB; raise --max_map_size_mb"));
  }
  absl::WriterMutexLock lock(map_mutex_);  // no read transaction may be open
  return env_->SetMapSize(std::min(current * 2, options_.max_map_size));
}

std::vector<absl::Status> GroupCommitWriter::CommitBatch(std::deque<Pending>& batch) {
  std::vector<absl::Status> outcomes;
  outcomes.reserve(batch.size());
  absl::Status batch_status;
  while (true) {
    outcomes.clear();
    // Only this thread writes or resizes, so no lock is needed here.
    absl::StatusOr<LmdbTxn> txn = LmdbTxn::BeginWrite(*env_);
    if (!txn.ok()) {
      batch_status = txn.status();
      break;
    }
    BatchValues values;
    txn->set_batch_values(&values);
    bool map_full = false;
    // Each operation runs in a nested transaction, so one that fails half
    // way leaves nothing behind (its batch values too) and the rest of the
    // batch still commits. An operation alone runs in the transaction itself
    // (for a large import batch, a nested transaction copies every page it
    // touches once more).
    const bool alone = batch.size() == 1;
    for (Pending& p : batch) {
      absl::Status s;
      if (alone) {
        s = p.op(*txn);
      } else {
        BatchValues before = values;
        auto nested = LmdbTxn::BeginNested(*env_, *txn);
        s = nested.ok() ? p.op(*nested) : nested.status();
        if (s.ok()) s = nested->Commit();
        if (!s.ok()) values = std::move(before);
      }
      if (absl::IsResourceExhausted(s)) {
        map_full = true;
        break;
      }
      outcomes.push_back(std::move(s));
    }
    if (!map_full && alone && !outcomes[0].ok()) {
      txn->Abort();  // the failed operation leaves nothing behind
      break;
    }
    if (!map_full) {
      // The batch values go in once, last.
      for (auto it = values.begin(); it != values.end() && batch_status.ok(); ++it)
        batch_status = txn->Put(it->first, it->second);
      if (batch_status.ok()) batch_status = txn->Commit();
      map_full = absl::IsResourceExhausted(batch_status);
    }
    if (!map_full) break;
    txn->Abort();
    batch_status = GrowMap();
    if (!batch_status.ok()) break;
  }
  if (!batch_status.ok()) outcomes.assign(batch.size(), batch_status);
  return outcomes;
}

}  // namespace casefile::storage
