#include "bench/support/lmdb_peers.h"

#include "absl/strings/str_cat.h"
#include "casefile/v1/case_service.pb.h"
#include "storage/case_tables.h"
#include "storage/keys.h"

namespace casefile::bench {

absl::StatusOr<LmdbAppender> LmdbAppender::Open(const std::string& dir,
                                                std::vector<std::string> values, int cases) {
  auto env = storage::LmdbEnv::Open(dir, storage::LmdbOptions{});
  if (!env.ok()) return env.status();
  return LmdbAppender(*std::move(env), std::move(values), cases);
}

absl::StatusOr<int64_t> LmdbAppender::Append(int64_t i) {
  auto txn = storage::LmdbTxn::BeginWrite(env_);
  if (!txn.ok()) return txn.status();
  const std::string& value = values_[i % values_.size()];
  const std::string key =
      storage::keys::Entry(absl::StrCat("bench-", i % cases_), static_cast<uint64_t>(i / cases_) + 1);
  if (absl::Status s = txn->Put(key, value); !s.ok()) return s;
  if (absl::Status s = txn->Commit(); !s.ok()) return s;
  return static_cast<int64_t>(value.size());
}

absl::StatusOr<int64_t> ScanCaseEntries(const storage::LmdbEnv& env, const std::string& case_id,
                                        uint64_t last, size_t chunk_bytes) {
  int64_t bytes = 0;
  for (uint64_t next = 1; next <= last;) {
    auto txn = storage::LmdbTxn::BeginRead(env);
    if (!txn.ok()) return txn.status();
    auto chunk = storage::LoadEncodedEntryChunk(
        *txn, case_id, next, last, chunk_bytes, v1::GetCaseFileResponse::kEntriesFieldNumber, "");
    if (!chunk.ok()) return chunk.status();
    bytes += static_cast<int64_t>(chunk->message.size());
    next = chunk->next;
  }
  return bytes;
}

absl::StatusOr<int64_t> ScanCaseEntriesInTime(const storage::LmdbEnv& env, const std::string& case_id,
                                              uint64_t last, size_t chunk_bytes) {
  int64_t bytes = 0;
  storage::TimeRange range;
  for (bool done = false; !done;) {
    auto txn = storage::LmdbTxn::BeginRead(env);
    if (!txn.ok()) return txn.status();
    auto chunk = storage::LoadEncodedEntriesInTime(*txn, case_id, range, last, chunk_bytes,
                                                   v1::GetCaseFileResponse::kEntriesFieldNumber, "",
                                                   [](auto) -> absl::StatusOr<bool> { return true; });
    if (!chunk.ok()) return chunk.status();
    bytes += static_cast<int64_t>(chunk->message.size());
    range.from = std::move(chunk->next_from);
    done = chunk->done;
  }
  return bytes;
}

}  // namespace casefile::bench
