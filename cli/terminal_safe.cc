#include "cli/terminal_safe.h"

#include <cstdint>

#include "absl/strings/str_format.h"

namespace casefile::cli {
namespace {

// The length of the valid UTF-8 sequence at the start of `s` and its code
// point, or 0 when it does not start with one (RFC 3629: no overlong forms,
// no surrogates, nothing past U+10FFFF).
size_t DecodeUtf8(absl::string_view s, uint32_t* code_point) {
  const auto byte = [&](size_t i) { return static_cast<uint8_t>(s[i]); };
  const uint8_t lead = byte(0);
  if (lead < 0x80) {
    *code_point = lead;
    return 1;
  }
  size_t length;
  uint32_t min;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, min = 0x80, *code_point = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, min = 0x800, *code_point = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, min = 0x10000, *code_point = lead & 0x07;
  } else {
    return 0;  // a continuation byte, C0/C1 (always overlong) or F5..FF
  }
  if (s.size() < length) return 0;
  for (size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return 0;
    *code_point = (*code_point << 6) | (byte(i) & 0x3F);
  }
  if (*code_point < min || *code_point > 0x10FFFF) return 0;
  if (*code_point >= 0xD800 && *code_point <= 0xDFFF) return 0;
  return length;
}

std::string Escape(absl::string_view s, bool keep_newlines) {
  std::string out;
  out.reserve(s.size());
  while (!s.empty()) {
    uint32_t c = 0;
    const size_t length = DecodeUtf8(s, &c);
    if (length == 0) {
      absl::StrAppendFormat(&out, "\\x%02x", static_cast<unsigned>(static_cast<uint8_t>(s[0])));
      s.remove_prefix(1);
      continue;
    }
    if (c == '\n') {
      out += keep_newlines ? "\n" : "\\n";
    } else if (c == '\t') {
      out += '\t';
    } else if (c < 0x20 || c == 0x7F) {
      absl::StrAppendFormat(&out, "\\x%02x", c);
    } else if (c >= 0x80 && c <= 0x9F) {
      absl::StrAppendFormat(&out, "\\u%04x", c);
    } else {
      out.append(s.data(), length);
    }
    s.remove_prefix(length);
  }
  return out;
}

}  // namespace

std::string TerminalSafe(absl::string_view s) { return Escape(s, false); }
std::string TerminalSafeText(absl::string_view s) { return Escape(s, true); }

}  // namespace casefile::cli
