// casefile-web's import pages (ImportService, for operators and admins): the
// list of imports, newest first (ListImports); an import's report (GetImport:
// its counts, the records it could not read, those read before with other
// content, partly read dates, references missing from the cross-reference,
// conflicting references, the cases it wrote); and its rejected records a page
// at a time (ListRejectedRecords) with locator, reason and the text as read,
// a long text folded. Every stored string is escaped: legacy text is hostile.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_WEB_IMPORT_PAGES_H_
#define CASEFILE_WEB_IMPORT_PAGES_H_

#include <string>

#include "casefile/v1/import.pb.h"

namespace casefile::web {

std::string ImportsPage(const std::string& nav, const v1::ListImportsResponse& imports);
std::string ImportReportPage(const std::string& nav, const v1::Import& report);
// `import_id` "imp-000001"; `later_page`: not the first page (offer the first).
std::string RejectedRecordsPage(const std::string& nav, const std::string& import_id,
                                const v1::ListRejectedRecordsResponse& page, bool later_page);

// A rejected record's text longer than this (or of more lines than
// kFoldedLines) is folded under its first line.
inline constexpr size_t kFoldedChars = 400;
inline constexpr int kFoldedLines = 6;

}  // namespace casefile::web

#endif  // CASEFILE_WEB_IMPORT_PAGES_H_
