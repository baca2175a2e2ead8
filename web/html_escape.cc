#include "web/html_escape.h"

#include <array>
#include <cstdint>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace casefile::web {
namespace {

constexpr absl::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// The length of the valid UTF-8 sequence at `s[i]` (shortest form, no
// surrogates, at most U+10FFFF), with its code point; 0 when not valid.
size_t Utf8Sequence(absl::string_view s, size_t i, uint32_t& code_point) {
  const auto byte = [&](size_t k) { return static_cast<uint8_t>(s[k]); };
  const uint8_t b0 = byte(i);
  size_t length;
  uint32_t min;
  if (b0 < 0x80) {
    code_point = b0;
    return 1;
  } else if ((b0 & 0xE0) == 0xC0) {
    length = 2, min = 0x80, code_point = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    length = 3, min = 0x800, code_point = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    length = 4, min = 0x10000, code_point = b0 & 0x07;
  } else {
    return 0;
  }
  if (i + length > s.size()) return 0;
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    code_point = (code_point << 6) | (byte(i + k) & 0x3F);
  }
  if (code_point < min || code_point > 0x10FFFF || (code_point >= 0xD800 && code_point <= 0xDFFF)) return 0;
  return length;
}

// Printable ASCII that needs no escaping, tab, newline and carriage return.
constexpr auto kPlainAscii = [] {
  std::array<bool, 256> plain{};
  for (int b = 0x20; b < 0x7F; ++b) plain[b] = b != '&' && b != '<' && b != '>' && b != '"' && b != '\'';
  plain['\t'] = plain['\n'] = plain['\r'] = true;
  return plain;
}();

bool IsControl(uint32_t c) {
  if (c == '\t' || c == '\n' || c == '\r') return false;
  return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

}  // namespace

void AppendHtmlEscaped(std::string& out, absl::string_view text) {
  out.reserve(out.size() + text.size());
  size_t i = 0;
  while (i < text.size()) {
    // Most case text is plain ASCII: copy runs of it at once.
    size_t run = i;
    while (run < text.size() && kPlainAscii[static_cast<uint8_t>(text[run])]) ++run;
    if (run > i) {
      out.append(text.data() + i, run - i);
      i = run;
      if (i == text.size()) break;
    }
    uint32_t c = 0;
    const size_t n = Utf8Sequence(text, i, c);
    if (n == 0) {
      out.append(kReplacement.data(), kReplacement.size());
      ++i;
      continue;
    }
    if (IsControl(c)) {
      out.append(kReplacement.data(), kReplacement.size());
    } else if (c == '&') {
      out.append("&amp;");
    } else if (c == '<') {
      out.append("&lt;");
    } else if (c == '>') {
      out.append("&gt;");
    } else if (c == '"') {
      out.append("&quot;");
    } else if (c == '\'') {
      out.append("&#39;");
    } else {
      out.append(text.data() + i, n);
    }
    i += n;
  }
}

std::string HtmlEscape(absl::string_view text) {
  std::string out;
  AppendHtmlEscaped(out, text);
  return out;
}

std::string CssString(absl::string_view text) {
  std::string out = "\"";
  for (char ch : text) {
    const auto b = static_cast<unsigned char>(ch);
    const bool plain = (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') ||
                       b == ' ' || b == '-' || b == '_' || b == '.' || b == '/';
    if (plain) {
      out.push_back(ch);
    } else {
      // Bytes, not code points: a stored reference is ASCII; anything else
      // shows as replacement characters rather than as CSS.
      absl::StrAppendFormat(&out, "\\%x ", b < 0x80 ? b : 0xFFFD);
    }
  }
  out.push_back('"');
  return out;
}

std::string QueryValue(absl::string_view value) {
  std::string out;
  for (unsigned char c : value) {
    if (absl::ascii_isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      absl::StrAppend(&out, absl::StrFormat("%%%02X", c));
    }
  }
  return out;
}

}  // namespace casefile::web
