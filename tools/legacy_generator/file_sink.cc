#include "tools/legacy_generator/file_sink.h"

#include <array>
#include <cerrno>
#include <cstring>
#include <utility>

#include "absl/strings/str_cat.h"

namespace casefile::legacy_generator {
namespace {

constexpr size_t kBufferBytes = 1 << 20;

// Windows-1252 bytes 0x80..0x9F and the code points they stand for (0 where
// the byte is unassigned).
constexpr std::array<char32_t, 32> kHighControls = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

char ToWindows1252(char32_t cp) {
  if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) return static_cast<char>(cp);
  for (size_t i = 0; i < kHighControls.size(); ++i) {
    if (kHighControls[i] == cp && cp != 0) return static_cast<char>(0x80 + i);
  }
  return '?';
}

}  // namespace

FileStyle PickFileStyle(bool vary, Random& random) {
  FileStyle style;
  if (!vary) return style;
  const uint64_t pick = random.Below(10);
  style.encoding = pick < 2   ? Encoding::kWindows1252
                   : pick < 4 ? Encoding::kUtf8WithBom
                              : Encoding::kUtf8;
  style.crlf = random.Chance(0.3);
  return style;
}

std::string Utf8ToWindows1252(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (size_t i = 0; i < utf8.size();) {
    const unsigned char lead = utf8[i];
    int length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (i + length > utf8.size()) length = 1;
    char32_t cp = length == 1 ? lead : lead & (0x3F >> (length - 1));
    for (int k = 1; k < length; ++k) cp = (cp << 6) | (utf8[i + k] & 0x3F);
    out.push_back(ToWindows1252(cp));
    i += length;
  }
  return out;
}

absl::StatusOr<FileSink> FileSink::Open(const std::filesystem::path& path, FileStyle style) {
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "wb"));
  if (file == nullptr) {
    return absl::UnavailableError(
        absl::StrCat("cannot create ", path.string(), ": ", std::strerror(errno)));
  }
  FileSink sink(std::move(file), path, style);
  if (style.encoding == Encoding::kUtf8WithBom) sink.buffer_ = "\xEF\xBB\xBF";
  return sink;
}

FileSink::FileSink(std::unique_ptr<std::FILE, FileCloser> file, std::filesystem::path path,
                   FileStyle style)
    : file_(std::move(file)), path_(std::move(path)), style_(style) {
  buffer_.reserve(kBufferBytes + 4096);
}

FileSink::~FileSink() {
  if (file_ != nullptr) Flush();
}

void FileSink::Write(std::string_view text) {
  const std::string converted =
      style_.encoding == Encoding::kWindows1252 ? Utf8ToWindows1252(text) : std::string();
  const std::string_view bytes = style_.encoding == Encoding::kWindows1252 ? converted : text;
  if (style_.crlf) {
    for (char c : bytes) {
      if (c == '\n') buffer_.push_back('\r');
      buffer_.push_back(c);
    }
  } else {
    buffer_.append(bytes);
  }
  if (buffer_.size() >= kBufferBytes) Flush();
}

void FileSink::Flush() {
  if (!buffer_.empty() &&
      std::fwrite(buffer_.data(), 1, buffer_.size(), file_.get()) != buffer_.size()) {
    failed_ = true;
  }
  buffer_.clear();
}

absl::Status FileSink::Close() {
  if (file_ == nullptr) return absl::OkStatus();
  Flush();
  const bool close_failed = std::fclose(file_.release()) != 0;
  if (failed_ || close_failed) {
    return absl::UnavailableError(absl::StrCat("cannot write ", path_.string()));
  }
  return absl::OkStatus();
}

}  // namespace casefile::legacy_generator
