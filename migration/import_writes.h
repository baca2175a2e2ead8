// The writes of an import, each run inside one GroupCommitWriter transaction:
// a batch of whole cases (entries, sources, record index, review items), a
// batch of person records, and the person index rebuilt over every person
// record.
//
// Thread-safety: as the transaction passed in.
#ifndef CASEFILE_MIGRATION_IMPORT_WRITES_H_
#define CASEFILE_MIGRATION_IMPORT_WRITES_H_

#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "casefile/storage/v1/records.pb.h"
#include "casefile/v1/import.pb.h"
#include "core/access/caller.h"
#include "migration/case_consolidator.h"
#include "migration/legacy_record.h"
#include "migration/person_index.h"
#include "storage/lmdb.h"
#include "storage/store.h"

namespace casefile::migration {

// The import that brings records in: `imports/{import}` (empty for a dry
// run) and its label.
struct ImportName {
  std::string name;
  std::string label;
};

// Everything one import changes in one case.
struct CaseUpdate;
// Adds a person named by one of the case's records.
void NoteSubject(CaseUpdate& update, const v1::Subject& subject);

struct CaseUpdate {
  std::string case_id;
  // This import's records of the case, moved here from the import's files and
  // taken apart into `new_records` (those not imported before), `refs`,
  // `subjects` and `subject_records` on a worker thread, which then frees them.
  std::vector<LegacyEvent> legacy_events;
  int64_t already_imported = 0;                 // of legacy_events
  int64_t erased_before = 0;                    // of legacy_events: their case was erased
  // Of new_records: read from a place that held another record before.
  std::vector<v1::ChangedRecord> changed;
  std::vector<storage::v1::StoredPersonRecord> subject_records;
  std::set<std::string> refs;                   // legacy references seen for it
  // People named, by lower-cased "forename surname"; the fullest form kept
  // (with a date of birth when any record gave one), and how often named.
  std::map<std::string, v1::Subject> subjects;
  std::map<std::string, int> mentions;
  std::vector<CaseRecord> new_records;          // consumed by consolidation
  CasePlan plan;
  // Why the plan's new entries supersede older ones.
  std::string supersede_reason = "consolidated again with legacy records imported later";
};

// Creates missing cases, adds references and subjects, appends the planned
// entries with their sources, links new sources to existing entries, indexes
// every record's locator, and stores review items not stored before.
// Re-runnable on the same transaction contents (see GroupCommitWriter::Op).
absl::Status WriteCaseUpdates(storage::LmdbTxn& txn, absl::Span<CaseUpdate* const> updates,
                              const Caller& caller, absl::Time now);

struct PersonUpdate {
  int64_t persons = 0;
  int64_t new_review_items = 0;
};

// Stores the person records not stored yet, in key order, about `per_write`
// to a transaction: LMDB keeps the pages its largest write transaction made
// dirty for reuse, so a million-record import must not write them all in one.
// A crash between two leaves some stored; the re-run counts them as imported
// and clusters them all the same.
absl::Status StorePersonRecords(storage::Store& store,
                                absl::Span<const storage::v1::StoredPersonRecord> records, size_t per_write);

// The person index over every stored person record and `pending` (a dry
// run's records, which are not stored), computed on a read snapshot so that
// it can run beside the import's other work. The writer thread is then held
// only for the writes.
struct PreparedPersons {
  PersonIndex index;
  uint64_t person_inputs_fingerprint = 0;  // the decisions and live links it saw
};
absl::StatusOr<PreparedPersons> PreparePersons(
    storage::Store& store, absl::Span<const storage::v1::StoredPersonRecord> pending);

// Replaces the person index with `prepared`, or with one computed afresh
// inside the write when an operator decision was taken since it was prepared.
// With `dry_run`, writes nothing and only counts.
absl::StatusOr<PersonUpdate> WritePersons(storage::Store& store, PreparedPersons prepared, bool dry_run);

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_IMPORT_WRITES_H_
