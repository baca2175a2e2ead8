// What consolidating a case (case_consolidator.h) reads from the store: the
// operator's decisions on pairs of records, and the case's live imported
// entries with their sources. An import reads them for every case it brings
// records to; SeparateRecord for the case it separates a record in.
//
// Thread-safety: as the transaction passed in.
#ifndef CASEFILE_MIGRATION_CONSOLIDATION_INPUTS_H_
#define CASEFILE_MIGRATION_CONSOLIDATION_INPUTS_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "casefile/v1/case.pb.h"
#include "migration/case_consolidator.h"
#include "storage/lmdb.h"

namespace casefile::migration {

// Every operator decision on a pair of records.
absl::StatusOr<std::vector<PairDecision>> LoadDecisions(const storage::LmdbTxn& txn);

// Adds the live (not superseded) imported entries of a case to `entries`, by
// number, and their sources to `out`. A superseded entry keeps its sources
// as history; they are not consolidated again.
absl::Status LoadCaseRecords(const storage::LmdbTxn& txn, const std::string& case_id,
                             std::map<int64_t, v1::Entry>& entries, std::vector<CaseRecord>& out);

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_CONSOLIDATION_INPUTS_H_
