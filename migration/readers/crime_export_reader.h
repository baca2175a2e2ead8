// Reader for crime / non-crime record chronology exports
// (LEGACY_FORMATS.md §4):
//   record_ref,record_type,entry_no,entered_at,entered_by,occurred_at,text
// One LegacyEvent per row: occurred from occurred_at (empty → unknown),
// entered from entered_at, author from entered_by, doc_type from
// record_type. A date or time in no known form is read as far as it can be
// and noted in the event's date_note (see date_fields.h): no row is dropped
// for its date.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_MIGRATION_READERS_CRIME_EXPORT_READER_H_
#define CASEFILE_MIGRATION_READERS_CRIME_EXPORT_READER_H_

#include <span>
#include <string>
#include <string_view>

#include "migration/legacy_record.h"
#include "migration/readers/csv_records.h"

namespace casefile::migration {

// The columns of the format; record_ref, entered_at, occurred_at and text
// are required.
std::span<const CsvColumn> CrimeExportColumns();

// `text` is the decoded file; `path` is relative to the import folder.
LegacyFile ReadCrimeExport(std::string_view path, std::string text,
                           const ReaderOptions& options = {});

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_READERS_CRIME_EXPORT_READER_H_
