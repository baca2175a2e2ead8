// libFuzzer target for the entry point: format detection from content, then
// whichever reader it picks. Must never crash, and must always say what it
// did with the file: records, or at least one problem.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/fuzz_checks.h"
#include "migration/legacy_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace casefile::migration;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  LegacyFile f = ReadLegacyFile("dir/f", bytes);
  CheckLegacyFile(f, "dir/f");
  if (f.format == LegacyFormat::kUnrecognised) FuzzCheck(f.problems.size() == 1);
  return 0;
}
