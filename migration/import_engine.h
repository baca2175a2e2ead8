// ImportEngine: one legacy import from files already read to a durable,
// consolidated store — case resolution, consolidation of duplicate events,
// the person index, review items and the import report. Run drives the
// stages it reports, each in a file of its own: reading (import_reading.h),
// resolving cases (import_cases.h), consolidating and writing
// (import_consolidation.h), attaching the folder's scanned documents
// (import_documents.h), matching persons (import_persons.h), then the report
// (import_report.h).
//
// Safe to re-run: a legacy record is known by its place and content (see
// record_id.h), and a record already imported is skipped. Each case's new entries, sources and record
// index are written in one transaction, so a crash leaves every case either
// fully imported or untouched, and the re-run completes exactly the rest.
//
// Thread-safe: imports run one at a time (an internal mutex); live appends
// may run beside them.
#ifndef CASEFILE_MIGRATION_IMPORT_ENGINE_H_
#define CASEFILE_MIGRATION_IMPORT_ENGINE_H_

#include <functional>
#include <thread>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "casefile/v1/admin.pb.h"
#include "casefile/v1/import.pb.h"
#include "core/access/caller.h"
#include "core/chronology/case_chronology.h"
#include "core/chronology/change_feed.h"
#include "migration/case_consolidator.h"
#include "migration/import_documents.h"
#include "migration/import_progress.h"
#include "migration/import_writes.h"
#include "migration/legacy_record.h"
#include "storage/store.h"

namespace casefile::migration {

struct ImportEngineOptions {
  // Whole cases are written together until a transaction holds about this
  // many records; bounds a transaction's size and the work a crash loses.
  size_t records_per_write = 20000;
};

class ImportEngine {
 public:
  // All must outlive the engine. `feed` is told about cases that changed.
  ImportEngine(storage::Store* store, ChangeFeed* feed, Clock clock, EventClusterer clusterer,
               ImportEngineOptions options = {});
  ~ImportEngine();

  // `documents` gives the folder's scanned documents once the records are
  // written (none when null); they are attached before the report is saved.
  absl::StatusOr<v1::Import> Run(const Caller& caller, const v1::ImportOptions& options,
                                 std::vector<LegacyFile> files, const ImportProgressFn& progress,
                                 ImportedDocuments* documents = nullptr);

  // The report of an earlier import: `imports/{import}`.
  absl::StatusOr<v1::Import> GetImport(const Caller& caller, absl::string_view name);
  // Every import's heading and counts, the newest first (import_list.h).
  absl::StatusOr<v1::ListImportsResponse> ListImports(const Caller& caller, const v1::ListImportsRequest& request);
  // Its rejected records with their content, a page at a time.
  absl::StatusOr<v1::ListRejectedRecordsResponse> ListRejectedRecords(const Caller& caller,
                                                                      const v1::ListRejectedRecordsRequest& request);

  // Undoes a merge (ImportService.SeparateRecord, record_separation.h):
  // stores "separate" decisions between the record and each record it was
  // merged with, and consolidates its case (an event record) or the person
  // index (a person record) again. Returns the live entries or persons that
  // now hold those records, the record's own first. NotFound for a locator
  // never imported.
  absl::StatusOr<v1::SeparateRecordResponse> SeparateRecord(const Caller& caller, absl::string_view locator);

  // Erases a case for good (AdminService.EraseCase, core/retention/case_eraser.h)
  // with its audit record ("EraseCase": the case, the entries erased as the
  // count, the reason as the purpose) in one transaction, between imports.
  absl::StatusOr<v1::EraseCaseResponse> EraseCase(const Caller& caller, const v1::EraseCaseRequest& request);

 private:
  storage::Store* const store_;
  ChangeFeed* const feed_;
  const Clock clock_;
  const EventClusterer clusterer_;
  const ImportEngineOptions options_;
  absl::Mutex one_import_at_a_time_;
  // Frees the last import's records after its report is out (about a second
  // at a million records).
  std::thread reclaimer_ ABSL_GUARDED_BY(one_import_at_a_time_);
};

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_IMPORT_ENGINE_H_
