// The import report (casefile.v1.Import) as an import's stages fill it in:
// its header, its lists of records (each capped at kMaxListed; the counts
// hold them all), the import's name, and the report stored last, with its
// audit record, because an import with a report is a complete import.
//
// Thread-compatible: an import fills its own report on its own thread.
#ifndef CASEFILE_MIGRATION_IMPORT_REPORT_H_
#define CASEFILE_MIGRATION_IMPORT_REPORT_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "casefile/v1/import.pb.h"
#include "core/access/caller.h"
#include "migration/import_writes.h"
#include "storage/store.h"

namespace casefile::migration {

// The report lists this many rejected, changed or partly dated records; its
// counts hold them all (and ListRejectedRecords every rejected one).
inline constexpr size_t kMaxListed = 1000;

// The report of an import `caller` starts at `now` with `options`.
v1::Import NewImportReport(const Caller& caller, const v1::ImportOptions& options, absl::Time now);

// The name and label the report gives the import's records.
inline ImportName NameOf(const v1::Import& report) { return {report.name(), report.label()}; }

// Reserves the next import's name, "imports/imp-000001", in a write of its
// own: durable first, so that every source written later can name it.
absl::StatusOr<std::string> ReserveImportName(storage::Store& store);

// Counts and lists a record imported with a date read only in part ("date
// partly read").
void NotePartlyReadDate(v1::Import& report, const std::string& locator, const std::string& as_written,
                        const std::string& note);

// Counts the records read before: imported before (`rows_imported_before`
// nominal rows and each case's) or of a case since erased. Counts and lists,
// by locator, the records read from a place that held another record:
// `changed_rows` and each case's, which are moved out of `updates`.
void ReportRecordsSeenBefore(int64_t rows_imported_before, std::vector<v1::ChangedRecord> changed_rows,
                             std::map<std::string, CaseUpdate>& updates, v1::Import& report);

// Stores `report` with the records it rejected, and its audit record
// ("ImportFolder": its counts and the cases it touched) in the same
// transaction; for a dry run, only the audit record.
absl::Status SaveImportReport(storage::Store& store, const Caller& caller, absl::Time now,
                              const v1::Import& report, absl::Span<const v1::Rejection> rejected);

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_IMPORT_REPORT_H_
