// FileSink: a buffered text file writer that applies a legacy file's encoding
// (UTF-8, UTF-8 with BOM, or Windows-1252) and line ends (LF or CRLF) to the
// UTF-8, LF text it is given. Large files stream through a 1 MiB buffer.
//
// Thread-safety: not thread-safe; move-only.
#ifndef CASEFILE_TOOLS_LEGACY_GENERATOR_FILE_SINK_H_
#define CASEFILE_TOOLS_LEGACY_GENERATOR_FILE_SINK_H_

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "tools/legacy_generator/random.h"

namespace casefile::legacy_generator {

enum class Encoding { kUtf8, kUtf8WithBom, kWindows1252 };

struct FileStyle {
  Encoding encoding = Encoding::kUtf8;
  bool crlf = false;
};

// A style for one legacy file: mostly plain UTF-8 with LF; when `vary`, now
// and then Windows-1252, a BOM or CRLF line ends.
FileStyle PickFileStyle(bool vary, Random& random);

// UTF-8 to Windows-1252. Every character the generator writes has a
// Windows-1252 byte; anything else would be a generator bug and becomes '?'.
std::string Utf8ToWindows1252(std::string_view utf8);

class FileSink {
 public:
  static absl::StatusOr<FileSink> Open(const std::filesystem::path& path, FileStyle style);

  FileSink(FileSink&&) = default;
  FileSink& operator=(FileSink&&) = default;
  ~FileSink();

  // `text` is UTF-8 with "\n" line ends.
  void Write(std::string_view text);
  // Flushes and closes; reports any write error since Open.
  absl::Status Close();

 private:
  struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  FileSink(std::unique_ptr<std::FILE, FileCloser> file, std::filesystem::path path,
           FileStyle style);
  void Flush();

  std::unique_ptr<std::FILE, FileCloser> file_;
  std::filesystem::path path_;
  FileStyle style_;
  std::string buffer_;
  bool failed_ = false;
};

}  // namespace casefile::legacy_generator

#endif  // CASEFILE_TOOLS_LEGACY_GENERATOR_FILE_SINK_H_
