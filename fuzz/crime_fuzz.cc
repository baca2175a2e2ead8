// libFuzzer target: bytes → text decoding → CSV parser → ReadCrimeExport.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_checks.h"
#include "migration/readers/crime_export_reader.h"
#include "migration/readers/text_decoding.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace casefile::migration;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  LegacyFile f = ReadCrimeExport("f.csv", DecodeLegacyText(bytes).text);
  CheckLegacyFile(f, "f.csv");
  return 0;
}
