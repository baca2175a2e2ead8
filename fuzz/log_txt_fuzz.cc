// libFuzzer target: bytes → text decoding → .txt investigation log reader
// (header, entry splitting, date prefixes of PartialTime).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_checks.h"
#include "migration/readers/investigation_log.h"
#include "migration/readers/text_decoding.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace casefile::migration;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  LegacyFile f = ReadTextInvestigationLog("f.txt", DecodeLegacyText(bytes).text);
  CheckLegacyFile(f, "f.txt");
  return 0;
}
