// The text of a Word .docx document body (word/document.xml), in reading
// order: each paragraph as one string (a line break inside it is '\n', a tab
// '\t'), each table as rows of cells (a cell's paragraphs joined with '\n').
// Deleted text of tracked changes and field codes are left out; content
// controls are read through. Text that is not well-formed UTF-8 (Word never
// writes it, a damaged file may) has the bad bytes replaced by U+FFFD. ReadDocxBody reads bytes from memory and touches no
// file system.
//
// Thread-safe: pure function.
#ifndef CASEFILE_MIGRATION_READERS_DOCX_BODY_H_
#define CASEFILE_MIGRATION_READERS_DOCX_BODY_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace casefile::migration {

struct DocxBlock {
  bool is_table = false;
  std::string paragraph;                            // when !is_table
  std::vector<std::vector<std::string>> table_rows;  // when is_table
};

// InvalidArgument when `bytes` is not a zip archive holding a readable
// word/document.xml (or when that part is larger than 64 MiB).
absl::StatusOr<std::vector<DocxBlock>> ReadDocxBody(std::string_view bytes);

// The same from a file, read through without loading the archive, refusing a
// word/document.xml larger than `max_xml_bytes`.
absl::StatusOr<std::vector<DocxBlock>> ReadDocxFileBody(const std::string& path, size_t max_xml_bytes);

// The second half of ReadDocxBody: the blocks of a word/document.xml part.
// InvalidArgument when it is not well-formed XML or has no body.
absl::StatusOr<std::vector<DocxBlock>> ParseDocumentXml(std::string xml);

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_READERS_DOCX_BODY_H_
