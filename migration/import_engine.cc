#include "migration/import_engine.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "casefile/storage/v1/records.pb.h"
#include "core/access/need_to_know.h"
#include "core/audit/audit_trail.h"
#include "core/input/resource_names.h"
#include "core/retention/case_eraser.h"
#include "core/retention/retention.h"
#include "migration/import_cases.h"
#include "migration/import_consolidation.h"
#include "migration/import_list.h"
#include "migration/import_persons.h"
#include "migration/import_reading.h"
#include "migration/import_report.h"
#include "migration/import_report_visibility.h"
#include "migration/person_index.h"
#include "migration/record_separation.h"
#include "migration/rejected_records.h"
#include "storage/keys.h"

namespace casefile::migration {

using storage::LmdbTxn;

ImportEngine::ImportEngine(storage::Store* store, ChangeFeed* feed, Clock clock,
                           EventClusterer clusterer, ImportEngineOptions options)
    : store_(store),
      feed_(feed),
      clock_(std::move(clock)),
      clusterer_(std::move(clusterer)),
      options_(options) {}

ImportEngine::~ImportEngine() {
  absl::MutexLock lock(&one_import_at_a_time_);
  if (reclaimer_.joinable()) reclaimer_.join();
}

absl::StatusOr<v1::Import> ImportEngine::Run(const Caller& caller, const v1::ImportOptions& options,
                                             std::vector<LegacyFile> files,
                                             const ImportProgressFn& progress, ImportedDocuments* documents) {
  if (auto s = Authorize(caller, Action::kImport); !s.ok()) return s;
  absl::MutexLock one_at_a_time(&one_import_at_a_time_);
  const bool dry_run = options.dry_run();
  v1::Import report = NewImportReport(caller, options, clock_());
  ImportStages stages(progress);

  // 1. What was read, and what could not be.
  ReadRecords read = TakeStock(files, report);

  // 2. The case of every record; each case's records move into its update.
  stages.Enter("resolving cases");
  auto cases = ResolveImportCases(*store_, files, read, report);
  if (!cases.ok()) return cases.status();

  // 3. The import's name, durable first so that every source and person
  //    record can name it; then the nominal rows become person records, and
  //    the files, all taken apart now, are freed.
  if (!dry_run) {
    auto name = ReserveImportName(*store_);
    if (!name.ok()) return name.status();
    report.set_name(*std::move(name));
  }
  std::vector<storage::v1::StoredPersonRecord> person_records = TakePersonRecords(cases->nominals, NameOf(report));
  std::vector<LegacyFile>().swap(files);

  // 4. Each case consolidated with what the store holds of it, and written.
  stages.Enter(dry_run ? "consolidating (dry run)" : "consolidating and writing");
  const CaseStageParts parts{store_, feed_, &clock_, &clusterer_};
  if (auto s = ConsolidateAndWriteCases(parts, options_.records_per_write, caller, cases->decisions, cases->updates,
                                        stages, report);
      !s.ok())
    return s;
  // What the cases leave for the report and for the persons.
  ReportRecordsSeenBefore(cases->nominals.imported_before, std::move(cases->nominals.changed), cases->updates,
                          report);
  AddSubjectRecords(cases->updates, person_records);

  // 5. The scanned documents, which follow the records in the upload.
  stages.Enter(dry_run ? "attaching documents (dry run)" : "attaching documents");
  ImportedDocuments none;
  if (auto s = AttachImportedDocuments({store_, feed_, &clock_}, caller, cases->updates, std::move(read.documents),
                                       documents != nullptr ? *documents : none, report, read.rejected);
      !s.ok())
    return s;

  // 6. Persons: every person record, old and new, clustered again.
  stages.Enter("matching persons");
  if (auto s = MatchPersons(*store_, person_records, options_.records_per_write, dry_run, report); !s.ok())
    return s;

  // 7. The report, durable last: an import with a report is complete.
  if (auto s = SaveImportReport(*store_, caller, clock_(), report, read.rejected); !s.ok()) return s;
  stages.Enter("done");
  if (reclaimer_.joinable()) reclaimer_.join();
  reclaimer_ = std::thread([updates = std::move(cases->updates), person_records = std::move(person_records)] {});
  // The caller sees no line naming a case it may not know.
  auto snapshot = store_->BeginRead();
  if (!snapshot.ok()) return snapshot.status();
  CaseVisibility visible((*snapshot)->txn(), caller);
  if (auto s = HideUnknownCases(visible, report); !s.ok()) return s;
  return report;
}

absl::StatusOr<v1::SeparateRecordResponse> ImportEngine::SeparateRecord(const Caller& caller,
                                                                        absl::string_view locator) {
  if (auto s = Authorize(caller, Action::kImport); !s.ok()) return s;
  if (locator.empty()) return absl::InvalidArgumentError("locator: required");
  absl::MutexLock one_at_a_time(&one_import_at_a_time_);  // no import re-plans the case meanwhile
  return SeparateImportedRecord({store_, feed_, &clock_, &clusterer_}, caller, locator);
}

absl::StatusOr<v1::EraseCaseResponse> ImportEngine::EraseCase(const Caller& caller,
                                                             const v1::EraseCaseRequest& request) {
  if (auto s = Authorize(caller, Action::kEraseCase); !s.ok()) return s;
  auto case_id = ParseCaseName(request.name(), "name");
  if (!case_id.ok()) return case_id.status();
  if (auto s = ValidateReason(request.reason(), "say why the case is erased"); !s.ok()) return s;
  absl::MutexLock one_at_a_time(&one_import_at_a_time_);  // no import re-plans the case meanwhile
  v1::EraseCaseResponse erased;
  absl::Status s = store_->writer().Run([&](LmdbTxn& txn) -> absl::Status {
    auto done = EraseCaseContent(txn, caller, *case_id, RecomputePersonIndex);
    if (!done.ok()) return done.status();
    erased = *std::move(done);
    v1::AuditEvent audit = NewAuditEvent(caller, "EraseCase", clock_());
    audit.add_resources(erased.name());
    audit.set_count(erased.entries());
    audit.set_purpose(request.reason());
    return AppendAuditEvent(txn, std::move(audit));
  });
  if (!s.ok()) return s;
  feed_->Publish(*case_id);
  return erased;
}

absl::StatusOr<v1::Import> ImportEngine::GetImport(const Caller& caller, absl::string_view name) {
  if (auto s = Authorize(caller, Action::kImport); !s.ok()) return s;
  if (!absl::ConsumePrefix(&name, "imports/") || name.empty())
    return absl::InvalidArgumentError("name: expected imports/{import}");
  auto read = store_->BeginRead();
  if (!read.ok()) return read.status();
  auto found = (*read)->txn().Get(storage::keys::Import(name));
  if (!found.ok()) return found.status();
  if (!found->has_value()) return absl::NotFoundError(absl::StrCat("imports/", name, " not found"));
  v1::Import report;
  if (!report.ParseFromArray((*found)->data(), (*found)->size())) return absl::DataLossError("corrupt import");
  CaseVisibility cases((*read)->txn(), caller);
  if (auto s = HideUnknownCases(cases, report); !s.ok()) return s;
  return report;
}

absl::StatusOr<v1::ListImportsResponse> ImportEngine::ListImports(const Caller& caller,
                                                                   const v1::ListImportsRequest& request) {
  if (auto s = Authorize(caller, Action::kImport); !s.ok()) return s;
  auto read = store_->BeginRead();
  if (!read.ok()) return read.status();
  return migration::ListImports((*read)->txn(), request);
}

absl::StatusOr<v1::ListRejectedRecordsResponse> ImportEngine::ListRejectedRecords(
    const Caller& caller, const v1::ListRejectedRecordsRequest& request) {
  auto report = GetImport(caller, request.parent());  // authorizes; NotFound for an unknown import
  if (!report.ok()) {
    if (absl::IsInvalidArgument(report.status())) return absl::InvalidArgumentError("parent: expected imports/{import}");
    return report.status();
  }
  auto read = store_->BeginRead();
  if (!read.ok()) return read.status();
  return migration::ListRejectedRecords((*read)->txn(), request.parent().substr(8), request.page_size(),
                                        request.page_token());
}

}  // namespace casefile::migration
