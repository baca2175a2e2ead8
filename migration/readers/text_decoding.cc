// See text_decoding.h. The UTF-8 check takes 8 ASCII bytes at a time, since
// nearly all legacy text is ASCII.
#include "migration/readers/text_decoding.h"

#include <cstdint>
#include <cstring>

namespace casefile::migration {
namespace {

// Windows-1252 0x80..0x9F. The five bytes Windows leaves undefined (81, 8D,
// 8F, 90, 9D) map to the C1 control of the same value, as Windows itself does.
constexpr char32_t kCp1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,  // 88-8F
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,  // 98-9F
};

void AppendUtf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string FromWindows1252(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char ch : bytes) {
    const auto b = static_cast<unsigned char>(ch);
    if (b < 0x80) {
      out.push_back(ch);
    } else if (b < 0xA0) {
      AppendUtf8(kCp1252High[b - 0x80], out);
    } else {
      AppendUtf8(b, out);  // Latin-1 and Windows-1252 agree from 0xA0 up
    }
  }
  return out;
}

std::string FromUtf16(std::string_view bytes, bool little_endian) {
  std::string out;
  out.reserve(bytes.size());
  auto unit = [&](size_t i) -> char32_t {
    const auto a = static_cast<unsigned char>(bytes[i]);
    const auto b = static_cast<unsigned char>(bytes[i + 1]);
    return little_endian ? (b << 8 | a) : (a << 8 | b);
  };
  size_t i = 0;
  for (; i + 1 < bytes.size(); i += 2) {
    char32_t u = unit(i);
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < bytes.size()) {
      char32_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        AppendUtf8(0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00), out);
        i += 2;
        continue;
      }
    }
    // An unpaired surrogate cannot be written as UTF-8: mark it.
    AppendUtf8(u >= 0xD800 && u <= 0xDFFF ? 0xFFFD : u, out);
  }
  if (i < bytes.size()) AppendUtf8(0xFFFD, out);  // odd trailing byte
  return out;
}

// Turns every CRLF into LF, in place.
void CrLfToLf(std::string& text) {
  size_t r = text.find("\r\n");
  if (r == std::string::npos) return;
  size_t w = r;
  while (r < text.size()) {
    if (text[r] == '\r' && r + 1 < text.size() && text[r + 1] == '\n') ++r;
    text[w++] = text[r++];
  }
  text.resize(w);
}

// The length of the well-formed UTF-8 sequence at p, or 0 if there is none
// (no overlong forms, surrogates or code points above U+10FFFF).
int SequenceLength(const unsigned char* p, const unsigned char* end) {
  const unsigned char b = *p;
  if (b < 0x80) return 1;
  int extra;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b >= 0xC2 && b <= 0xDF) {
    extra = 1;
  } else if (b >= 0xE0 && b <= 0xEF) {
    extra = 2;
    if (b == 0xE0) lo = 0xA0;  // overlong
    if (b == 0xED) hi = 0x9F;  // surrogates
  } else if (b >= 0xF0 && b <= 0xF4) {
    extra = 3;
    if (b == 0xF0) lo = 0x90;  // overlong
    if (b == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (end - p <= extra) return 0;
  if (p[1] < lo || p[1] > hi) return 0;
  for (int k = 2; k <= extra; ++k) {
    if ((p[k] & 0xC0) != 0x80) return 0;
  }
  return extra + 1;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

}  // namespace

bool IsValidUtf8(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const auto* end = p + bytes.size();
  while (p < end) {
    if (end - p >= 8) {
      uint64_t word;
      std::memcpy(&word, p, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        p += 8;
        continue;
      }
    }
    const int n = SequenceLength(p, end);
    if (n == 0) return false;
    p += n;
  }
  return true;
}

std::string RepairUtf8(std::string_view bytes) {
  if (IsValidUtf8(bytes)) return std::string(bytes);
  std::string out;
  out.reserve(bytes.size() + 16);
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const auto* end = p + bytes.size();
  while (p < end) {
    const int n = SequenceLength(p, end);
    if (n == 0) {
      AppendUtf8(0xFFFD, out);
      ++p;
    } else {
      out.append(reinterpret_cast<const char*>(p), n);
      p += n;
    }
  }
  return out;
}

DecodedText DecodeLegacyText(std::string_view bytes) {
  DecodedText out;
  if (StartsWith(bytes, "\xFF\xFE") || StartsWith(bytes, "\xFE\xFF")) {
    const bool le = bytes[0] == '\xFF';
    out.text = FromUtf16(bytes.substr(2), le);
    out.encoding = le ? TextEncoding::kUtf16Le : TextEncoding::kUtf16Be;
  } else {
    const bool bom = StartsWith(bytes, "\xEF\xBB\xBF");
    if (bom) bytes.remove_prefix(3);
    if (IsValidUtf8(bytes)) {
      out.text.assign(bytes);
      out.encoding = bom ? TextEncoding::kUtf8WithBom : TextEncoding::kUtf8;
    } else {
      out.text = FromWindows1252(bytes);
      out.encoding = TextEncoding::kWindows1252;
    }
  }
  CrLfToLf(out.text);
  return out;
}

}  // namespace casefile::migration
