#include "storage/measure_tables.h"

#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "storage/keys.h"
#include "storage/prefix_scan.h"

namespace casefile::storage {
namespace {

template <typename Message>
absl::StatusOr<Message> LoadMessage(const LmdbTxn& txn, const std::string& key, absl::string_view what) {
  auto value = txn.Get(key);
  if (!value.ok()) return value.status();
  Message m;
  if (value->has_value() && !m.ParseFromArray((*value)->data(), static_cast<int>((*value)->size())))
    return absl::DataLossError(absl::StrCat("unreadable ", what));
  return m;
}

absl::Status DeleteIfThere(LmdbTxn& txn, absl::string_view key) {
  absl::Status s = txn.Delete(key);
  return absl::IsNotFound(s) ? absl::OkStatus() : s;
}

}  // namespace

absl::Status PutCaseMeasureRow(LmdbTxn& txn, int measure, uint64_t entry, const std::string& key,
                               const MeasureRow& row) {
  if (auto s = txn.Put(key, row.SerializeAsString()); !s.ok()) return s;
  return LinkCaseRecord(txn, row.case_id(), measure, entry, key);
}

absl::Status LinkCaseRecord(LmdbTxn& txn, absl::string_view case_id, int measure, uint64_t entry,
                            absl::string_view key) {
  return txn.Put(keys::MeasureCaseRecord(case_id, measure, entry), key);
}

absl::StatusOr<std::optional<KeyedMeasureRow>> LoadCaseMeasureRow(const LmdbTxn& txn, absl::string_view case_id,
                                                                  int measure, uint64_t entry) {
  auto key = txn.Get(keys::MeasureCaseRecord(case_id, measure, entry));
  if (!key.ok()) return key.status();
  if (!key->has_value()) return std::nullopt;
  KeyedMeasureRow out{std::string(**key), {}};
  auto row = LoadMessage<MeasureRow>(txn, out.key, "measure row");
  if (!row.ok()) return row.status();
  out.row = *std::move(row);
  return out;
}

absl::Status ScanCaseMeasureRows(const LmdbTxn& txn, absl::string_view case_id, int measure,
                                 absl::FunctionRef<absl::Status(KeyedMeasureRow)> visit) {
  std::vector<std::string> row_keys;
  if (auto s = ScanPrefix(txn, keys::MeasureCaseRecordPrefix(case_id, measure),
                          [&](absl::string_view, absl::string_view key) {
                            row_keys.emplace_back(key);
                            return absl::OkStatus();
                          });
      !s.ok())
    return s;
  for (std::string& key : row_keys) {
    auto row = LoadMessage<MeasureRow>(txn, key, "measure row");
    if (!row.ok()) return row.status();
    if (auto s = visit({std::move(key), *std::move(row)}); !s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::Status DeleteCaseMeasures(LmdbTxn& txn, absl::string_view case_id) {
  std::vector<std::string> doomed;
  const std::string prefix = keys::MeasureCasePrefix(case_id);
  if (auto s = ScanPrefix(txn, prefix,
                          [&](absl::string_view rest, absl::string_view key) {
                            doomed.push_back(absl::StrCat(prefix, rest));
                            doomed.emplace_back(key);
                            return absl::OkStatus();
                          });
      !s.ok())
    return s;
  doomed.push_back(keys::MeasureCaseFacts(case_id));
  for (const std::string& key : doomed) {
    if (auto s = DeleteIfThere(txn, key); !s.ok()) return s;  // a custody's rows are named twice
  }
  return absl::OkStatus();
}

absl::Status ScanMeasureRows(const LmdbTxn& txn, int measure, int64_t from_micros, int64_t to_micros,
                             absl::FunctionRef<absl::Status(absl::string_view key, absl::string_view row)> visit) {
  const std::string until = keys::MeasureRowsFrom(measure, to_micros);
  auto cursor = txn.OpenCursor();
  if (!cursor.ok()) return cursor.status();
  for (auto at = cursor->Seek(keys::MeasureRowsFrom(measure, from_micros));; at = cursor->Next()) {
    if (!at.ok()) return at.status();
    if (!*at || cursor->key() >= until) return absl::OkStatus();
    if (auto s = visit(cursor->key(), cursor->value()); !s.ok()) return s;
  }
}

absl::StatusOr<v1::StoredCaseMeasureFacts> LoadCaseMeasureFacts(const LmdbTxn& txn, absl::string_view case_id) {
  return LoadMessage<v1::StoredCaseMeasureFacts>(txn, keys::MeasureCaseFacts(case_id), "case measure facts");
}

absl::Status SaveCaseMeasureFacts(LmdbTxn& txn, absl::string_view case_id, const v1::StoredCaseMeasureFacts& facts) {
  return txn.Put(keys::MeasureCaseFacts(case_id), facts.SerializeAsString());
}

absl::StatusOr<v1::StoredChildMeasure> LoadChildMeasure(const LmdbTxn& txn, absl::string_view child_key) {
  return LoadMessage<v1::StoredChildMeasure>(txn, keys::MeasureChild(child_key), "child measure");
}

absl::Status SaveChildMeasure(LmdbTxn& txn, absl::string_view child_key, const v1::StoredChildMeasure& child) {
  if (child.episodes_size() == 0 && child.assessments_size() == 0)
    return DeleteIfThere(txn, keys::MeasureChild(child_key));
  return txn.Put(keys::MeasureChild(child_key), child.SerializeAsString());
}

absl::Status PutMeasureRow(LmdbTxn& txn, absl::string_view key, const MeasureRow& row) {
  return txn.Put(key, row.SerializeAsString());
}

absl::Status DeleteMeasureRow(LmdbTxn& txn, absl::string_view key) { return DeleteIfThere(txn, key); }

}  // namespace casefile::storage
