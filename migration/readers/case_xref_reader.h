// Reader for the case cross-reference (LEGACY_FORMATS.md §1):
//   case_key,legacy_ref,ref_kind
// One CaseXref per row, fields trimmed of surrounding whitespace. A row
// without a case_key or a legacy_ref is a ReadProblem. ref_kind is kept as
// written (PAPER_FILE, CRIME or NON_CRIME in a well-formed file).
//
// Thread-safe: pure functions.
#ifndef CASEFILE_MIGRATION_READERS_CASE_XREF_READER_H_
#define CASEFILE_MIGRATION_READERS_CASE_XREF_READER_H_

#include <span>
#include <string>
#include <string_view>

#include "migration/legacy_record.h"
#include "migration/readers/csv_records.h"

namespace casefile::migration {

// The columns of the format; case_key and legacy_ref are required.
std::span<const CsvColumn> CaseXrefColumns();

// `text` is the decoded file; `path` is relative to the import folder.
LegacyFile ReadCaseXref(std::string_view path, std::string text,
                        const ReaderOptions& options = {});

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_READERS_CASE_XREF_READER_H_
