// Reader for paper file transcriptions (LEGACY_FORMATS.md §2):
//   file_ref,page,doc_type,entry_date,author,subjects,text
// One LegacyEvent per row. entry_date may be empty or "unknown" (an undated
// page); a date in no known form is read as far as it can be and noted in
// the event's date_note (see date_fields.h): no row is dropped for its date.
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
LegacyFile ReadPaperFile(std::string_view path, std::string text,
                         const ReaderOptions& options = {});

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_READERS_PAPER_FILE_READER_H_
