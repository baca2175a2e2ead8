#include "migration/document_text.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "core/documents/media_type.h"
#include "migration/readers/docx_body.h"
#include "migration/readers/text_decoding.h"

extern char** environ;

namespace casefile::migration {
namespace {

// `text` cut to at most `max` bytes, on a UTF-8 boundary.
void CutTo(std::string& text, size_t max) {
  if (text.size() <= max) return;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.resize(cut);
}

std::string TextOfBlocks(const std::vector<DocxBlock>& blocks, size_t max) {
  std::string text;
  for (const DocxBlock& block : blocks) {
    if (text.size() > max) break;
    if (!block.is_table) {
      absl::StrAppend(&text, block.paragraph, "\n");
      continue;
    }
    for (const std::vector<std::string>& row : block.table_rows) absl::StrAppend(&text, absl::StrJoin(row, "\t"), "\n");
  }
  CutTo(text, max);
  return text;
}

absl::StatusOr<std::string> ReadPrefix(const std::string& path, size_t max) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::InternalError(absl::StrCat("cannot read ", path));
  std::string text(max + 3, '\0');  // a UTF-8 sequence begun before `max` ends by then
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(in.gcount()));
  CutTo(text, max);
  return text;
}

// Runs `pdftotext -q -enc UTF-8 <path> -` (no shell) and reads what it
// prints, up to the cap and the time limit; "" when it fails or is stopped.
std::string PdfText(const std::string& path, const DocumentTextOptions& options) {
  int out[2];
  if (pipe2(out, O_CLOEXEC) != 0) return "";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  std::vector<std::string> args = {options.pdftotext, "-q", "-enc", "UTF-8", "-nopgbrk", path, "-"};
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, options.pdftotext.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out[1]);
  if (spawned != 0) {
    ::close(out[0]);
    return "";
  }
  std::string text;
  bool complete = false;
  const absl::Time deadline = absl::Now() + options.pdf_timeout;
  char buffer[64 * 1024];
  while (true) {
    const absl::Duration left = deadline - absl::Now();
    if (left <= absl::ZeroDuration()) break;
    pollfd ready{out[0], POLLIN, 0};
    const int polled = ::poll(&ready, 1, static_cast<int>(absl::ToInt64Milliseconds(left)) + 1);
    if (polled < 0 && errno == EINTR) continue;
    if (polled <= 0) break;
    const ssize_t n = ::read(out[0], buffer, sizeof(buffer));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      complete = n == 0;
      break;
    }
    if (text.size() < options.max_text_bytes + 4) text.append(buffer, static_cast<size_t>(n));
  }
  ::close(out[0]);
  ::kill(pid, SIGKILL);  // done or not, it is not needed any more
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!complete) return "";
  CutTo(text, options.max_text_bytes);
  // pdftotext writes UTF-8; a damaged file could still give bad bytes.
  return DecodeLegacyText(text).text;
}

}  // namespace

std::string DocxText(absl::string_view bytes, size_t max_text_bytes) {
  auto blocks = ReadDocxBody(std::string_view(bytes.data(), bytes.size()));
  return blocks.ok() ? TextOfBlocks(*blocks, max_text_bytes) : "";
}

absl::StatusOr<std::string> ExtractDocumentText(const std::string& path, absl::string_view media_type,
                                                const DocumentTextOptions& options) {
  if (media_type == kPlainText) return ReadPrefix(path, options.max_text_bytes);
  if (media_type == kDocx) {
    auto blocks = ReadDocxFileBody(path, options.max_docx_xml_bytes);
    return blocks.ok() ? TextOfBlocks(*blocks, options.max_text_bytes) : "";
  }
  if (media_type == kPdf) return PdfText(path, options);
  return std::string();
}

}  // namespace casefile::migration
