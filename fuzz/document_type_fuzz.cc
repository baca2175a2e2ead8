// libFuzzer target: bytes → ContentProbe (fed in chunks whose sizes the first
// byte chooses) → DecideMediaType. Checks that the answer does not depend on
// where the chunks were cut, that a type kept is one of the six, that text is
// only ever what is valid UTF-8 without NUL and does not start like markup,
// and that a refusal names what it found.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "absl/strings/match.h"
#include "core/documents/media_type.h"
#include "fuzz/fuzz_checks.h"
#include "migration/readers/text_decoding.h"

namespace {

absl::StatusOr<std::string> TypeInChunks(std::string_view bytes, size_t chunk, bool docx) {
  casefile::ContentProbe probe;
  for (size_t at = 0; at < bytes.size(); at += chunk) {
    const std::string_view part = bytes.substr(at, chunk);
    probe.Add(absl::string_view(part.data(), part.size()));
  }
  probe.Finish();
  return casefile::DecideMediaType(probe, docx);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using casefile::migration::FuzzCheck;
  if (size == 0) return 0;
  const size_t chunk = 1 + data[0] % 7;
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  const bool docx = casefile::ZipHoldsWordDocument(absl::string_view(bytes.data(), bytes.size()));
  const absl::StatusOr<std::string> whole = TypeInChunks(bytes, bytes.size() + 1, docx);
  const absl::StatusOr<std::string> cut = TypeInChunks(bytes, chunk, docx);
  FuzzCheck(whole.ok() == cut.ok());
  if (!whole.ok()) {
    FuzzCheck(whole.status() == cut.status());
    FuzzCheck(absl::StartsWith(whole.status().message(), "content: "));
    return 0;
  }
  FuzzCheck(*whole == *cut);
  const std::string& type = *whole;
  FuzzCheck(type == casefile::kPdf || type == casefile::kJpeg || type == casefile::kPng || type == casefile::kTiff ||
            type == casefile::kDocx || type == casefile::kPlainText);
  if (type == casefile::kPlainText) {
    FuzzCheck(casefile::migration::IsValidUtf8(bytes) && bytes.find('\0') == std::string_view::npos);
    // As browsers sniff: the first bytes only (ContentProbe::kHeadBytes).
    std::string_view start = bytes.substr(0, casefile::ContentProbe::kHeadBytes);
    start.remove_prefix(start.starts_with("\xEF\xBB\xBF") ? 3 : 0);
    while (!start.empty() && (start[0] == ' ' || start[0] == '\t' || start[0] == '\n' || start[0] == '\r' ||
                              start[0] == '\f' || start[0] == '\v'))
      start.remove_prefix(1);
    FuzzCheck(start.empty() || start[0] != '<');
  }
  if (type == casefile::kDocx) FuzzCheck(docx);
  return 0;
}
