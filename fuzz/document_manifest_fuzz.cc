// libFuzzer target: bytes → text decoding → CSV parser → ReadDocumentManifest
// (documents/*.csv of an import folder): every listing names a canonical
// path under documents/, a reference, and a whole day or none.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_checks.h"
#include "migration/readers/document_manifest_reader.h"
#include "migration/readers/text_decoding.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace casefile::migration;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  LegacyFile f = ReadDocumentManifest("documents/m.csv", DecodeLegacyText(bytes).text);
  CheckLegacyFile(f, "documents/m.csv");
  return 0;
}
