// The entry point of the legacy readers: reads one file of an import folder,
// whatever its format (LEGACY_FORMATS.md), recognised from its content.
//
//   LegacyFile f = ReadLegacyFile("logs/Tranter_1642/22-25475-13 log.txt", bytes);
//   for (const LegacyEvent& e : f.events) ...   // e.locator ".../22-25475-13 log.txt#entry=1"
//   for (const ReadProblem& p : f.problems) ... // every record not read, and why
//
// Never throws and never fails as a whole: a file it cannot recognise comes
// back as format kUnrecognised with one ReadProblem naming the file and why
// (and keeping its first 64 KiB as raw content). Problem reasons name fields
// and values, never the text of a record; what could not be read is in each
// problem's `raw`, so that the import can keep it.
//
// Options (ReaderOptions, migration/readers/reader_options.h):
//   max_record_bytes  (default 256 KiB) a CSV row or log entry larger than
//                     this is a ReadProblem "record of N bytes exceeds the
//                     limit of M bytes" keeping its first 4 KiB, never a record.
//
// Thread-safe: pure function; files may be read concurrently.
#ifndef CASEFILE_MIGRATION_LEGACY_READER_H_
#define CASEFILE_MIGRATION_LEGACY_READER_H_

#include <string_view>

#include "migration/legacy_record.h"
#include "migration/readers/reader_options.h"

namespace casefile::migration {

// `relative_path` is the file's path relative to the import folder (it goes
// into every locator); `bytes` is its whole content.
LegacyFile ReadLegacyFile(std::string_view relative_path, std::string_view bytes,
                          const ReaderOptions& options = {});

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_LEGACY_READER_H_
