// Decoding of legacy file bytes to UTF-8 text. Legacy files are UTF-8 (with
// or without a byte-order mark) or Windows-1252; a file that is not valid
// UTF-8 is read as Windows-1252, the encoding of the office PCs it came from.
// UTF-16 with a byte-order mark (Excel's "Unicode text") is decoded too.
// Line ends come out as LF: every CRLF becomes LF; a lone CR is kept.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_MIGRATION_READERS_TEXT_DECODING_H_
#define CASEFILE_MIGRATION_READERS_TEXT_DECODING_H_

#include <string>
#include <string_view>

namespace casefile::migration {

enum class TextEncoding { kUtf8, kUtf8WithBom, kWindows1252, kUtf16Le, kUtf16Be };

struct DecodedText {
  std::string text;  // UTF-8, without the BOM, LF line ends
  TextEncoding encoding = TextEncoding::kUtf8;
};

DecodedText DecodeLegacyText(std::string_view bytes);

// True when `bytes` is well-formed UTF-8 (no overlong forms, surrogates or
// code points above U+10FFFF).
bool IsValidUtf8(std::string_view bytes);

// `bytes` with every byte that starts no well-formed UTF-8 sequence replaced
// by U+FFFD. For text from containers that do not check their encoding.
std::string RepairUtf8(std::string_view bytes);

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_READERS_TEXT_DECODING_H_
