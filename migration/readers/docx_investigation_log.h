// Reader for investigation logs saved as Word .docx: every paragraph is a
// line of the log and tables are handed to the log builder as tables (see
// investigation_log.h for the log rules).
//
// Thread-safe: pure function.
#ifndef CASEFILE_MIGRATION_READERS_DOCX_INVESTIGATION_LOG_H_
#define CASEFILE_MIGRATION_READERS_DOCX_INVESTIGATION_LOG_H_

#include <string_view>
#include <vector>

#include "migration/legacy_record.h"
#include "migration/readers/docx_body.h"
#include "migration/readers/reader_options.h"

namespace casefile::migration {

// `bytes` is the .docx file. A file that is not a readable .docx comes back
// as format kUnrecognised with one ReadProblem saying why, keeping the
// start of the file (64 KiB, read as text) as its raw content.
LegacyFile ReadDocxInvestigationLog(std::string_view path, std::string_view bytes,
                                    const ReaderOptions& options = {});

// The log held by the blocks of a .docx body (see docx_body.h).
LegacyFile BuildDocxInvestigationLog(std::string_view path, const std::vector<DocxBlock>& body,
                                     const ReaderOptions& options = {});

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_READERS_DOCX_INVESTIGATION_LOG_H_
