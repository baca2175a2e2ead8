// Typed reads and writes of the measure index (keys.h: M) inside one LMDB
// transaction. No rules here: core/safeguarding/measure_index.h decides what
// a record puts in, core/safeguarding/inspection_report.h how it is read.
//
// Thread-safety: as the transaction passed in.
#ifndef CASEFILE_STORAGE_MEASURE_TABLES_H_
#define CASEFILE_STORAGE_MEASURE_TABLES_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "casefile/storage/v1/measure_records.pb.h"
#include "storage/lmdb.h"

namespace casefile::storage {

using MeasureRow = ::casefile::storage::v1::StoredMeasureRow;

// A row and its key.
struct KeyedMeasureRow {
  std::string key;
  MeasureRow row;
};

// Puts the row of a case's record at `key` (keys::MeasureRow) and notes the
// record → key link for the case (keys::MeasureCaseRecord).
absl::Status PutCaseMeasureRow(LmdbTxn& txn, int measure, uint64_t entry, const std::string& key,
                               const MeasureRow& row);
// Points one more record of the case (a custody update) at an existing row key.
absl::Status LinkCaseRecord(LmdbTxn& txn, absl::string_view case_id, int measure, uint64_t entry,
                            absl::string_view key);
// The row a record of the case counts in, if any.
absl::StatusOr<std::optional<KeyedMeasureRow>> LoadCaseMeasureRow(const LmdbTxn& txn, absl::string_view case_id,
                                                                  int measure, uint64_t entry);
// Every row of one measure that records of the case count in.
absl::Status ScanCaseMeasureRows(const LmdbTxn& txn, absl::string_view case_id, int measure,
                                 absl::FunctionRef<absl::Status(KeyedMeasureRow)> visit);
// Removes every row the case's records count in, its record links and facts.
absl::Status DeleteCaseMeasures(LmdbTxn& txn, absl::string_view case_id);

// Calls `visit` with each row key and serialized row of `measure` dated in
// [from_micros, to_micros), oldest first.
absl::Status ScanMeasureRows(const LmdbTxn& txn, int measure, int64_t from_micros, int64_t to_micros,
                             absl::FunctionRef<absl::Status(absl::string_view key, absl::string_view row)> visit);

absl::StatusOr<v1::StoredCaseMeasureFacts> LoadCaseMeasureFacts(const LmdbTxn& txn, absl::string_view case_id);
absl::Status SaveCaseMeasureFacts(LmdbTxn& txn, absl::string_view case_id, const v1::StoredCaseMeasureFacts& facts);
absl::StatusOr<v1::StoredChildMeasure> LoadChildMeasure(const LmdbTxn& txn, absl::string_view child_key);
// An empty record removes the child's.
absl::Status SaveChildMeasure(LmdbTxn& txn, absl::string_view child_key, const v1::StoredChildMeasure& child);
// Puts a row at `key` (replacing it), or removes one. A child's rows are
// not linked to a case: the child's record says which rows it has.
absl::Status PutMeasureRow(LmdbTxn& txn, absl::string_view key, const MeasureRow& row);
absl::Status DeleteMeasureRow(LmdbTxn& txn, absl::string_view key);

}  // namespace casefile::storage

#endif  // CASEFILE_STORAGE_MEASURE_TABLES_H_
