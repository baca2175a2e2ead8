// The stage "consolidating and writing" of an import. Each case's records are
// looked up (known_records.h) and taken apart into new records, references
// and the people they name, consolidated with the case's stored records
// (case_consolidator.h) and written (import_writes.h), in batches of whole
// cases: a batch's cases are consolidated in parallel, then written in one
// transaction on the store's writer while the next batch is consolidated.
//
// Thread-compatible: an import's own thread calls it; it runs its own
// workers, and its writes run on the store's writer thread.
#ifndef CASEFILE_MIGRATION_IMPORT_CONSOLIDATION_H_
#define CASEFILE_MIGRATION_IMPORT_CONSOLIDATION_H_

#include <cstddef>
#include <map>
#include <string>

#include "absl/status/status.h"
#include "absl/types/span.h"
#include "casefile/v1/import.pb.h"
#include "core/access/caller.h"
#include "core/audit/audit_trail.h"
#include "core/chronology/change_feed.h"
#include "migration/case_consolidator.h"
#include "migration/import_progress.h"
#include "migration/import_writes.h"
#include "storage/store.h"

namespace casefile::migration {

// The parts of the engine that consolidate and write cases. All outlive the
// calls they are passed to.
struct CaseStageParts {
  storage::Store* store;
  ChangeFeed* feed;                 // told about every case written, once durable
  const Clock* clock;               // the time of each write
  const EventClusterer* clusterer;  // called from several threads at once
};

// Consolidates every case of `updates` with the case's stored records and
// `decisions`, and writes it by `caller`, whole cases about
// `records_per_write` records to a transaction; a dry run writes nothing.
// The report names the import and says whether it is a dry run; counts its
// new entries, the records merged and those sent to review, and lists the
// cases given new entries or sources. Reports each batch written to
// `stages`. A batch's records and plans are freed once it is durable; the
// updates keep what the report and the persons still need: the counts, the
// records changed and the subjects' person records.
absl::Status ConsolidateAndWriteCases(const CaseStageParts& parts, size_t records_per_write, const Caller& caller,
                                      absl::Span<const PairDecision> decisions,
                                      std::map<std::string, CaseUpdate>& updates, ImportStages& stages,
                                      v1::Import& report);

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_IMPORT_CONSOLIDATION_H_
