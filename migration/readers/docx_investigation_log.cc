// See docx_investigation_log.h.
#include "migration/readers/docx_investigation_log.h"

#include "migration/readers/investigation_log.h"
#include "migration/readers/text_decoding.h"

namespace casefile::migration {

LegacyFile ReadDocxInvestigationLog(std::string_view path, std::string_view bytes,
                                    const ReaderOptions& options) {
  absl::StatusOr<std::vector<DocxBlock>> body = ReadDocxBody(bytes);
  if (!body.ok()) {
    LegacyFile file;
    file.path.assign(path);
    file.problems.push_back({file.path, std::string(body.status().message()),
                             DecodeLegacyText(bytes.substr(0, kFileRawBytes)).text});
    return file;
  }
  return BuildDocxInvestigationLog(path, *body, options);
}

LegacyFile BuildDocxInvestigationLog(std::string_view path, const std::vector<DocxBlock>& body,
                                     const ReaderOptions& options) {
  InvestigationLogBuilder log(path, options);
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
