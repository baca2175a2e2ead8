// libFuzzer target for .docx logs. Mutating a zip mostly breaks its CRCs, so
// inputs starting with "PK" go through the whole reader (libzip, pugixml,
// log builder) and all others are taken as the word/document.xml part
// itself (pugixml and the log builder).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_checks.h"
#include "migration/readers/docx_body.h"
#include "migration/readers/docx_investigation_log.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace casefile::migration;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (bytes.substr(0, 2) == "PK") {
    CheckLegacyFile(ReadDocxInvestigationLog("f.docx", bytes), "f.docx");
    return 0;
  }
  absl::StatusOr<std::vector<DocxBlock>> body = ParseDocumentXml(std::string(bytes));
  if (body.ok()) CheckLegacyFile(BuildDocxInvestigationLog("f.docx", *body), "f.docx");
  return 0;
}
