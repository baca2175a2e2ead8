#include "storage/attention_tables.h"

#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "storage/keys.h"
#include "storage/prefix_scan.h"

namespace casefile::storage {

absl::Status PutAttentionItem(LmdbTxn& txn, const AttentionPlace& place,
                              const ::casefile::v1::AttentionItem& item) {
  if (auto s = DeleteAttentionItem(txn, place.case_id, place.list, place.entry, place.part); !s.ok())
    return s;
  const std::string key =
      keys::AttentionItem(place.list, place.since_micros, place.case_id, place.entry, place.part);
  if (auto s = txn.Put(key, item.SerializeAsString()); !s.ok()) return s;
  return txn.Put(keys::AttentionCaseItem(place.case_id, place.list, place.entry, place.part), key);
}

absl::Status DeleteAttentionItem(LmdbTxn& txn, absl::string_view case_id, int list, uint64_t entry,
                                 uint64_t part) {
  const std::string by_case = keys::AttentionCaseItem(case_id, list, entry, part);
  auto item_key = txn.Get(by_case);
  if (!item_key.ok()) return item_key.status();
  if (!item_key->has_value()) return absl::OkStatus();
  if (auto s = txn.Delete(std::string(**item_key)); !s.ok()) return s;
  return txn.Delete(by_case);
}

absl::Status DeleteCaseAttentionItems(LmdbTxn& txn, absl::string_view case_id, int list) {
  std::vector<std::string> keys;
  const std::string prefix = keys::AttentionCaseListPrefix(case_id, list);
  if (auto s = ScanPrefix(txn, prefix,
                          [&](absl::string_view rest, absl::string_view item_key) {
                            keys.push_back(absl::StrCat(prefix, rest));
                            keys.emplace_back(item_key);
                            return absl::OkStatus();
                          });
      !s.ok())
    return s;
  for (const std::string& key : keys) {
    if (auto s = txn.Delete(key); !s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::Status ScanAttentionList(
    const LmdbTxn& txn, int list, int64_t until_micros, absl::string_view after_key,
    absl::FunctionRef<bool(absl::string_view key, absl::string_view item)> visit) {
  const std::string prefix = keys::AttentionListPrefix(list);
  const std::string until = keys::AttentionListUntil(list, until_micros);
  auto cursor = txn.OpenCursor();
  if (!cursor.ok()) return cursor.status();
  const std::string start = after_key.empty() ? prefix : absl::StrCat(after_key, std::string(1, '\0'));
  for (auto at = cursor->Seek(start);; at = cursor->Next()) {
    if (!at.ok()) return at.status();
    if (!*at || !absl::StartsWith(cursor->key(), prefix) || cursor->key() >= until)
      return absl::OkStatus();
    if (!visit(cursor->key(), cursor->value())) return absl::OkStatus();
  }
}

absl::Status ScanCaseAttentionItems(const LmdbTxn& txn, absl::string_view case_id,
                                    absl::FunctionRef<void(absl::string_view item)> visit) {
  std::vector<std::string> item_keys;
  if (auto s = ScanPrefix(txn, keys::AttentionCasePrefix(case_id),
                          [&](absl::string_view rest, absl::string_view value) {
                            if (!absl::StartsWith(rest, "f")) item_keys.emplace_back(value);
                            return absl::OkStatus();
                          });
      !s.ok())
    return s;
  for (const std::string& key : item_keys) {
    auto item = txn.Get(key);
    if (!item.ok()) return item.status();
    if (item->has_value()) visit(**item);
  }
  return absl::OkStatus();
}

absl::StatusOr<bool> HasCaseFact(const LmdbTxn& txn, absl::string_view case_id,
                                 absl::string_view fact) {
  auto value = txn.Get(keys::AttentionCaseFact(case_id, fact));
  if (!value.ok()) return value.status();
  return value->has_value();
}

absl::Status SetCaseFact(LmdbTxn& txn, absl::string_view case_id, absl::string_view fact) {
  return txn.Put(keys::AttentionCaseFact(case_id, fact), "");
}

absl::StatusOr<::casefile::storage::v1::StoredChildAttention> LoadChildAttention(
    const LmdbTxn& txn, absl::string_view child_key) {
  ::casefile::storage::v1::StoredChildAttention child;
  auto value = txn.Get(keys::ChildAttention(child_key));
  if (!value.ok()) return value.status();
  if (value->has_value() && !child.ParseFromArray((*value)->data(), (*value)->size()))
    return absl::DataLossError("attention index: unreadable child record");
  return child;
}

absl::Status SaveChildAttention(LmdbTxn& txn, absl::string_view child_key,
                                const ::casefile::storage::v1::StoredChildAttention& child) {
  return txn.Put(keys::ChildAttention(child_key), child.SerializeAsString());
}

}  // namespace casefile::storage
