#include "migration/document_completeness.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "absl/strings/match.h"
#include "absl/strings/strip.h"
#include "core/documents/media_type.h"

namespace casefile::migration {
namespace {

constexpr size_t kTailBytes = 1024;
// A PNG's last chunk: length 0, "IEND", its CRC.
constexpr absl::string_view kPngEnd("\0\0\0\0IEND\xAE\x42\x60\x82", 12);

}  // namespace

std::string WhyIncompleteTail(absl::string_view tail, absl::string_view media_type) {
  if (media_type == kPdf) {
    if (!absl::EndsWith(absl::StripTrailingAsciiWhitespace(tail), "%%EOF"))
      return "truncated: a PDF ends with %%EOF";
  } else if (media_type == kPng) {
    if (!absl::EndsWith(tail, kPngEnd)) return "truncated: a PNG ends with its IEND chunk";
  } else if (media_type == kJpeg) {
    if (!absl::EndsWith(tail, "\xFF\xD9")) return "truncated: a JPEG ends with its end-of-image marker";
  }
  return "";
}

std::string WhyIncomplete(const std::string& path, absl::string_view media_type) {
  if (media_type != kPdf && media_type != kPng && media_type != kJpeg) return "";
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return "unreadable: its content could not be read back";
  struct stat st;
  std::string tail;
  if (::fstat(fd, &st) == 0) {
    const off_t from = st.st_size > static_cast<off_t>(kTailBytes) ? st.st_size - kTailBytes : 0;
    tail.resize(static_cast<size_t>(st.st_size - from));
    const ssize_t n = ::pread(fd, tail.data(), tail.size(), from);
    tail.resize(n < 0 ? 0 : static_cast<size_t>(n));
  }
  ::close(fd);
  return WhyIncompleteTail(tail, media_type);
}

}  // namespace casefile::migration
