// Reader for a document manifest (README "Migrating legacy records", scanned
// documents): a CSV directly in the import folder's `documents/` folder,
//   file,reference,date,kind
//   referral.pdf,HPVP/2012/0457,14/03/2012,Referral
// naming each scanned document (a path relative to the manifest's folder),
// the legacy reference or case id it belongs to, and the day and kind of the
// event it documents (both may be empty: the document then goes to its case's
// "documents from the paper file"). One DocumentListing per sound row; each
// of these is a ReadProblem with the row's locator and raw text instead:
//   - `file` or `reference` empty;
//   - `file` absolute, with a backslash, or climbing out with "..";
//   - `date` not a date ParsePartialTime knows, or not a whole day.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_MIGRATION_READERS_DOCUMENT_MANIFEST_READER_H_
#define CASEFILE_MIGRATION_READERS_DOCUMENT_MANIFEST_READER_H_

#include <span>
#include <string>
#include <string_view>

#include "migration/legacy_record.h"
#include "migration/readers/csv_records.h"

namespace casefile::migration {

// The columns of the format; file and reference are required.
std::span<const CsvColumn> DocumentManifestColumns();

// `text` is the decoded file; `path` is relative to the import folder.
LegacyFile ReadDocumentManifest(std::string_view path, std::string text, const ReaderOptions& options = {});

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_READERS_DOCUMENT_MANIFEST_READER_H_
