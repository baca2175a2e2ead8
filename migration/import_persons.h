// The person side of an import: its nominal rows, looked up against the
// store and turned into person records that name their case, the subjects
// its cases' records name (one person record per case and name), and the
// stage "matching persons", which clusters every person record, old and new,
// into the person index again (person_index.h).
//
// Thread-compatible: an import's own thread; MatchPersons takes the store's
// writer for its writes.
#ifndef CASEFILE_MIGRATION_IMPORT_PERSONS_H_
#define CASEFILE_MIGRATION_IMPORT_PERSONS_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "casefile/storage/v1/records.pb.h"
#include "casefile/v1/import.pb.h"
#include "migration/import_writes.h"
#include "migration/legacy_record.h"
#include "storage/lmdb.h"
#include "storage/store.h"

namespace casefile::migration {

// An import's nominal rows on their way to person records.
struct NominalRows {
  std::vector<NominalRecord*> rows;  // into the import's files
  std::vector<std::string> ids;      // each new row's record id; "" if imported before
  int64_t imported_before = 0;
  std::vector<v1::ChangedRecord> changed;  // new rows read from a place that held another row
  // The case of each reference a row names (normalised, see NormalizeRef):
  // filed by an earlier import, or by this one; "" when neither. A row knows
  // its case the way a subject does, so twins in one case stay apart, dry
  // run or not. Filled by the stage resolving cases (import_cases.h).
  absl::flat_hash_map<std::string, std::string> case_of_ref;
};

// What the store knows of each of `rows` (known_records.h).
absl::StatusOr<NominalRows> LookUpNominalRows(const storage::LmdbTxn& txn, std::vector<NominalRecord*> rows);

// The person records of the new rows, each naming the case its reference is
// filed under, if any. Takes the rows' strings and frees `nominals.rows`:
// the import needs only the person records from here on.
std::vector<storage::v1::StoredPersonRecord> TakePersonRecords(NominalRows& nominals, const ImportName& import);

// Moves the person records of the subjects each case's records name to the
// end of `records`, case by case.
void AddSubjectRecords(std::map<std::string, CaseUpdate>& updates,
                       std::vector<storage::v1::StoredPersonRecord>& records);

// The stage "matching persons": stores `records` (about `per_write` to a
// transaction) and frees them, then clusters every stored person record into
// the person index again; counts the persons and the new review items in
// `report`. A dry run stores nothing: its records are clustered with the
// stored ones, only counted, and left for the caller to free.
absl::Status MatchPersons(storage::Store& store, std::vector<storage::v1::StoredPersonRecord>& records,
                          size_t per_write, bool dry_run, v1::Import& report);

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_IMPORT_PERSONS_H_
