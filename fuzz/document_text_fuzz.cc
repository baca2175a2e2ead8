// libFuzzer target: the searchable text of a DOCX (migration/document_text.h)
// from bytes held in memory: libzip, pugixml and the cut to the limit. The
// text kept must be well-formed UTF-8 and within the limit the first byte
// chooses. (PDF text comes from poppler's pdftotext in a child process, with
// its own time and size limits, and is not fuzzed here.)
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_checks.h"
#include "migration/document_text.h"
#include "migration/readers/text_decoding.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using casefile::migration::FuzzCheck;
  if (size == 0) return 0;
  const size_t limit = 1 + data[0] * 16;
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::string text = casefile::migration::DocxText(absl::string_view(bytes.data(), bytes.size()), limit);
  FuzzCheck(text.size() <= limit);
  FuzzCheck(casefile::migration::IsValidUtf8(text));
  return 0;
}
