// DocxDocument: the smallest .docx Word and the importer both accept —
// [Content_Types].xml, _rels/.rels and word/document.xml, zipped with libzip.
// Holds paragraphs and two-column tables (one row per log entry, one
// paragraph per line inside a cell).
//
// The zip entries carry a fixed timestamp, so the same document always gives
// the same bytes.
//
// Thread-safety: not thread-safe; a value type.
#ifndef CASEFILE_TOOLS_LEGACY_GENERATOR_DOCX_DOCUMENT_H_
#define CASEFILE_TOOLS_LEGACY_GENERATOR_DOCX_DOCUMENT_H_

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"

namespace casefile::legacy_generator {

class DocxDocument {
 public:
  DocxDocument();

  void AddParagraph(std::string_view text);
  // Adds a table row; a table begins at the first row after a paragraph.
  // Each cell is a list of paragraphs.
  void AddTableRow(const std::vector<std::vector<std::string>>& cells, bool header = false);

  absl::Status Save(const std::filesystem::path& path) const;

 private:
  void CloseTable();
  std::string body_;
  bool in_table_ = false;
};

}  // namespace casefile::legacy_generator

#endif  // CASEFILE_TOOLS_LEGACY_GENERATOR_DOCX_DOCUMENT_H_
