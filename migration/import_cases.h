// The stage "resolving cases" of an import: the case each of its records
// belongs to — events by migration/case_resolver.h, nominal rows by the
// reference they name — against the references earlier imports filed, and
// for each case an update (import_writes.h) that takes the case's events out
// of the import's files. What the store knows of the nominal rows and the
// operator's decisions are read from the same snapshot.
//
// Thread-compatible: an import's own thread.
#ifndef CASEFILE_MIGRATION_IMPORT_CASES_H_
#define CASEFILE_MIGRATION_IMPORT_CASES_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "casefile/v1/import.pb.h"
#include "migration/case_consolidator.h"
#include "migration/import_persons.h"
#include "migration/import_reading.h"
#include "migration/import_writes.h"
#include "migration/legacy_record.h"
#include "storage/store.h"

namespace casefile::migration {

struct ResolvedCases {
  std::map<std::string, CaseUpdate> updates;  // by case id; ordered, so that writes are deterministic
  std::vector<PairDecision> decisions;        // every operator decision on a pair of records
  NominalRows nominals;                       // with the case of each reference they name
};

// Resolves the case of every record `read` points at; lists in `report` the
// references resolved without the cross-reference and the records whose
// references name different cases. Moves each event out of `files` into its
// case's update and frees the events' vectors, `read.events` included; takes
// `read.nominals`.
absl::StatusOr<ResolvedCases> ResolveImportCases(storage::Store& store, std::vector<LegacyFile>& files,
                                                 ReadRecords& read, v1::Import& report);

// The case an earlier import filed `ref` (normalised, case_resolver.h) under, if any.
absl::StatusOr<std::optional<std::string>> FiledCase(const storage::LmdbTxn& txn, const std::string& ref);

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_IMPORT_CASES_H_
