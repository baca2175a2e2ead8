// See docx_investigation_log.h.
#include "migration/readers/docx_investigation_log.h"

#include "migration/readers/investigation_log.h"

namespace casefile::migration {

LegacyFile ReadDocxInvestigationLog(std::string_view path, std::string_view bytes) {
  absl::StatusOr<std::vector<DocxBlock>> body = ReadDocxBody(bytes);
  if (!body.ok()) {
    LegacyFile file;
    file.path.assign(path);
    file.problems.push_back({file.path, std::string(body.status().message())});
    return file;
  }
  return BuildDocxInvestigationLog(path, *body);
}

LegacyFile BuildDocxInvestigationLog(std::string_view path, const std::vector<DocxBlock>& body) {
  InvestigationLogBuilder log(path);
  for (const DocxBlock& block : body) {
    if (block.is_table) {
      log.AddTable(block.table_rows);
    } else {
      log.AddLines(block.paragraph);
    }
  }
  return log.Finish();
}

}  // namespace casefile::migration
