// Reader for paper file transcriptions (LEGACY_FORMATS.md §2):
//   file_ref,page,doc_type,entry_date,author,subjects,text
// One LegacyEvent per row. entry_date may be empty or "unknown" (an undated
// page); a date that cannot be read makes the row a ReadProblem
// ("entry_date: '31/02/2012' is not a date") and no event.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_MIGRATION_READERS_PAPER_FILE_READER_H_
#define CASEFILE_MIGRATION_READERS_PAPER_FILE_READER_H_

#include <span>
#include <string>
#include <string_view>

#include "migration/legacy_record.h"
#include "migration/readers/csv_records.h"

namespace casefile::migration {

// The columns of the format; file_ref, entry_date and text are required.
std::span<const CsvColumn> PaperFileColumns();

// `text` is the decoded file; `path` is relative to the import folder.
LegacyFile ReadPaperFile(std::string_view path, std::string text);

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_READERS_PAPER_FILE_READER_H_
