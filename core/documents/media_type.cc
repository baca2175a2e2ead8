#include "core/documents/media_type.h"

#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <memory>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace casefile {
namespace {

constexpr char kWordDocument[] = "word/document.xml";

// Bytes a UTF-8 sequence starting with `lead` takes (1 for a byte that
// starts none: the validation refuses it).
size_t SequenceLength(unsigned char lead) {
  if (lead >= 0xF0 && lead <= 0xF7) return 4;
  if (lead >= 0xE0) return lead <= 0xEF ? 3 : 1;
  if (lead >= 0xC0) return 2;
  return 1;
}

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Strict UTF-8 (no overlong forms, surrogates or code points past
// U+10FFFF) with no NUL. Kept free of the request rules (core/input), which
// bring the API's messages with them, so that the fuzz target builds alone.
bool ValidUtf8WithoutNul(absl::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const auto* end = p + bytes.size();
  while (p < end) {
    const unsigned char c = *p;
    if (c < 0x80) {
      if (c == 0) return false;
      ++p;
      continue;
    }
    const size_t length = SequenceLength(c);
    if (length == 1 || end - p < static_cast<ptrdiff_t>(length)) return false;
    uint32_t code = c & (0x7F >> length);
    for (size_t i = 1; i < length; ++i) {
      if (!IsContinuation(p[i])) return false;
      code = (code << 6) | (p[i] & 0x3F);
    }
    static constexpr uint32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
    if (code < kMinimum[length] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return false;
    p += length;
  }
  return true;
}

// What a browser would take markup to be, from the text's first tag (after
// a byte order mark and white space, as browsers sniff): "SVG", "HTML",
// "XML", or "" when the text does not start like markup.
absl::string_view MarkupKind(absl::string_view head) {
  if (absl::StartsWith(head, "\xEF\xBB\xBF")) head.remove_prefix(3);
  head = absl::StripLeadingAsciiWhitespace(head);
  if (head.empty() || head.front() != '<') return "";
  const std::string lower = absl::AsciiStrToLower(head);
  if (absl::StrContains(lower, "<svg")) return "SVG";
  if (absl::StartsWith(lower, "<?xml")) return absl::StrContains(lower, "<html") ? "HTML" : "XML";
  return "HTML";  // <!DOCTYPE html>, <html>, <script>, <!--, <div>, ...: a browser renders it
}

// Names a refused binary from its magic bytes.
absl::string_view BinaryKind(absl::string_view head) {
  struct Magic {
    absl::string_view bytes;
    absl::string_view kind;
  };
  static constexpr Magic kKnown[] = {
      {"PK\x03\x04", "ZIP"},          {"PK\x05\x06", "ZIP"},
      {"GIF87a", "GIF"},              {"GIF89a", "GIF"},
      {"\x7F" "ELF", "ELF executable"}, {"MZ", "Windows executable"},
      {"\x1F\x8B", "gzip"},           {"BM", "BMP"},
      {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "Microsoft Office 97-2003 (OLE)"},
      {"Rar!", "RAR"},                {"7z\xBC\xAF\x27\x1C", "7-Zip"},
      {"RIFF", "RIFF (WebP, WAV or AVI)"},
  };
  for (const Magic& magic : kKnown) {
    if (absl::StartsWith(head, magic.bytes)) return magic.kind;
  }
  return "unknown binary";
}

absl::Status Refuse(absl::string_view kind) {
  return absl::InvalidArgumentError(absl::StrCat(
      "content: ", kind, " is not a document type casefile keeps (PDF, JPEG, PNG, TIFF, DOCX or plain text)"));
}

struct ZipDiscard {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};

bool HoldsWordDocument(zip_t* opened) {
  std::unique_ptr<zip_t, ZipDiscard> archive(opened);
  return archive != nullptr && zip_name_locate(archive.get(), kWordDocument, 0) >= 0;
}

}  // namespace

void ContentProbe::Add(absl::string_view bytes) {
  if (head_.size() < kHeadBytes) {
    const absl::string_view more = bytes.substr(0, kHeadBytes - head_.size());
    head_.append(more.data(), more.size());
  }
  if (!is_text_ || bytes.empty()) return;
  if (!pending_.empty()) {
    const size_t missing = SequenceLength(pending_[0]) - pending_.size();
    const size_t take = std::min(missing, bytes.size());
    pending_.append(bytes.data(), take);
    bytes.remove_prefix(take);
    if (take < missing) return;
    is_text_ = ValidUtf8WithoutNul(pending_);
    pending_.clear();
    if (!is_text_) return;
  }
  // A sequence begun in the last three bytes may end in the next chunk.
  size_t body = bytes.size();
  for (size_t back = 1; back <= 3 && back <= bytes.size(); ++back) {
    const auto c = static_cast<unsigned char>(bytes[bytes.size() - back]);
    if (IsContinuation(c)) continue;
    if (SequenceLength(c) > back) body = bytes.size() - back;
    break;
  }
  is_text_ = ValidUtf8WithoutNul(bytes.substr(0, body));
  pending_.assign(bytes.data() + body, bytes.size() - body);
}

void ContentProbe::Finish() {
  if (!pending_.empty()) is_text_ = false;
  pending_.clear();
}

absl::string_view MediaTypeLabel(absl::string_view media_type) {
  if (media_type == kPdf) return "PDF";
  if (media_type == kJpeg) return "JPEG";
  if (media_type == kPng) return "PNG";
  if (media_type == kTiff) return "TIFF";
  if (media_type == kDocx) return "DOCX";
  if (media_type == kPlainText) return "text";
  return media_type;
}

absl::StatusOr<std::string> DecideMediaType(const ContentProbe& probe, bool zip_holds_word_document) {
  const absl::string_view head = probe.head();
  if (head.empty()) return Refuse("an empty file");
  if (absl::StartsWith(head, "%PDF-")) return std::string(kPdf);
  if (absl::StartsWith(head, "\xFF\xD8\xFF")) return std::string(kJpeg);
  if (absl::StartsWith(head, "\x89PNG\r\n\x1A\n")) return std::string(kPng);
  if (absl::StartsWith(head, absl::string_view("II*\0", 4)) || absl::StartsWith(head, absl::string_view("MM\0*", 4)))
    return std::string(kTiff);
  if (absl::StartsWith(head, "PK\x03\x04")) {
    if (zip_holds_word_document) return std::string(kDocx);
    return Refuse("ZIP");
  }
  if (probe.is_text()) {
    if (absl::string_view markup = MarkupKind(head); !markup.empty()) return Refuse(markup);
    if (absl::StartsWith(head, "{\\rtf")) return Refuse("RTF");
    return std::string(kPlainText);
  }
  return Refuse(BinaryKind(head));
}

bool ZipHoldsWordDocument(absl::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) return false;
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (archive == nullptr) zip_source_free(source);
  zip_error_fini(&error);
  return HoldsWordDocument(archive);
}

bool ZipFileHoldsWordDocument(const std::string& path) {
  int error = 0;
  return HoldsWordDocument(zip_open(path.c_str(), ZIP_RDONLY, &error));
}

}  // namespace casefile
