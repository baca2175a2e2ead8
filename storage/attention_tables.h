// Typed reads and writes of the attention index (keys.h: W, w, K) inside one
// LMDB transaction. No rules here: core/safeguarding/attention_index.h decides what an
// entry puts in or takes out, core/safeguarding/attention_lists.h how a list is read.
//
// Thread-safety: as the transaction passed in.
#ifndef CASEFILE_STORAGE_ATTENTION_TABLES_H_
#define CASEFILE_STORAGE_ATTENTION_TABLES_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "casefile/storage/v1/attention_records.pb.h"
#include "casefile/v1/attention.pb.h"
#include "storage/lmdb.h"

namespace casefile::storage {

// Where an item sits: its list, when its clock started, and the record
// (case, entry and part: an action's position, else 0).
struct AttentionPlace {
  int list = 0;
  int64_t since_micros = 0;
  std::string case_id;
  uint64_t entry = 0;
  uint64_t part = 0;
};

// Puts `item` at `place` (replacing an item of the same list, case, entry
// and part, wherever its clock started).
absl::Status PutAttentionItem(LmdbTxn& txn, const AttentionPlace& place,
                              const ::casefile::v1::AttentionItem& item);
// Removes one item; nothing when it is not there.
absl::Status DeleteAttentionItem(LmdbTxn& txn, absl::string_view case_id, int list, uint64_t entry,
                                 uint64_t part);
// Removes every item of `list` in the case.
absl::Status DeleteCaseAttentionItems(LmdbTxn& txn, absl::string_view case_id, int list);

// Calls `visit` with the key and serialized AttentionItem of each item of
// `list` whose clock started at or before `until_micros`, oldest first,
// starting after `after_key` ("" = from the start). `visit` returns false to stop.
absl::Status ScanAttentionList(
    const LmdbTxn& txn, int list, int64_t until_micros, absl::string_view after_key,
    absl::FunctionRef<bool(absl::string_view key, absl::string_view item)> visit);
// Calls `visit` with each serialized AttentionItem of one case, any list.
absl::Status ScanCaseAttentionItems(const LmdbTxn& txn, absl::string_view case_id,
                                    absl::FunctionRef<void(absl::string_view item)> visit);

absl::StatusOr<bool> HasCaseFact(const LmdbTxn& txn, absl::string_view case_id,
                                 absl::string_view fact);
absl::Status SetCaseFact(LmdbTxn& txn, absl::string_view case_id, absl::string_view fact);

absl::StatusOr<::casefile::storage::v1::StoredChildAttention> LoadChildAttention(
    const LmdbTxn& txn, absl::string_view child_key);
absl::Status SaveChildAttention(LmdbTxn& txn, absl::string_view child_key,
                                const ::casefile::storage::v1::StoredChildAttention& child);

}  // namespace casefile::storage

#endif  // CASEFILE_STORAGE_ATTENTION_TABLES_H_
