// The searchable text of an attached document (DocumentService): plain text
// as it is, a DOCX's body (readers/docx_body.h) and a PDF's text layer
// through poppler's `pdftotext`, run as a child process with no shell, a
// time limit and a cap on what it may print. Images, and PDFs holding only
// scans, have no text: the empty string.
//
// Thread-safe.
#ifndef CASEFILE_MIGRATION_DOCUMENT_TEXT_H_
#define CASEFILE_MIGRATION_DOCUMENT_TEXT_H_

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace casefile::migration {

struct DocumentTextOptions {
  // At most this much text is kept (cut on a UTF-8 boundary).
  size_t max_text_bytes = 1 << 20;
  // A DOCX whose word/document.xml is larger is not read (its text stays unsearchable).
  size_t max_docx_xml_bytes = 8 << 20;
  // pdftotext is stopped after this long, and its text so far dropped.
  absl::Duration pdf_timeout = absl::Seconds(30);
  std::string pdftotext = "/usr/bin/pdftotext";
};

// The text of the document at `path` of type `media_type` (media_type.h).
// An error only for what should not happen (the file cannot be read); a
// document whose text cannot be got (a damaged PDF, a timeout) gives "".
absl::StatusOr<std::string> ExtractDocumentText(const std::string& path, absl::string_view media_type,
                                                const DocumentTextOptions& options = {});

// The text of a DOCX held in memory (for the fuzz target), "" when unreadable.
std::string DocxText(absl::string_view bytes, size_t max_text_bytes);

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_DOCUMENT_TEXT_H_
