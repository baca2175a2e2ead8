#include "cli/session_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"

namespace casefile::cli {
namespace {

absl::Status Errno(absl::string_view what, const std::string& path) {
  return absl::UnavailableError(absl::StrCat("cannot ", what, " ", path, ": ", std::strerror(errno)));
}

}  // namespace

absl::StatusOr<std::string> SessionFilePath() {
  const char* config = std::getenv("XDG_CONFIG_HOME");
  if (config != nullptr && *config == '/') return absl::StrCat(config, "/casefile/session");
  const char* home = std::getenv("HOME");
  if (home != nullptr && *home != '\0') return absl::StrCat(home, "/.config/casefile/session");
  return absl::InvalidArgumentError("neither XDG_CONFIG_HOME nor HOME is set: nowhere to keep the session");
}

absl::Status SaveSession(const std::string& path, const StoredSession& session) {
  const std::filesystem::path folder = std::filesystem::path(path).parent_path();
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) return absl::UnavailableError(absl::StrCat("cannot make ", folder.string(), ": ", ec.message()));
  if (::chmod(folder.c_str(), 0700) != 0) return Errno("restrict", folder.string());
  // Written whole under another name, then renamed: a reader never sees half.
  const std::string temporary = path + ".tmp";
  ::unlink(temporary.c_str());
  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return Errno("write", temporary);
  const std::string contents = absl::StrCat(
      "# casefile session: a secret; 'casefile logout' ends it and removes this file\n", "server ",
      session.server, "\nuser ", session.user, "\nexpires ", session.expires, "\ntoken ", session.token, "\n");
  const bool written = ::fchmod(fd, 0600) == 0 &&
                       ::write(fd, contents.data(), contents.size()) == static_cast<ssize_t>(contents.size()) &&
                       ::fsync(fd) == 0;
  ::close(fd);
  if (!written || ::rename(temporary.c_str(), path.c_str()) != 0) {
    absl::Status error = Errno("write", path);
    ::unlink(temporary.c_str());
    return error;
  }
  return absl::OkStatus();
}

absl::StatusOr<StoredSession> LoadSession(const std::string& path, bool even_if_open) {
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return absl::NotFoundError(absl::StrCat("no session (", path, "): run 'casefile login'"));
    return Errno("read", path);
  }
  struct stat st {};
  std::string contents;
  if (::fstat(fd, &st) == 0 && (even_if_open || ((st.st_mode & 077) == 0 && st.st_uid == ::getuid()))) {
    char buffer[4096];
    for (ssize_t n; (n = ::read(fd, buffer, sizeof(buffer))) > 0;) contents.append(buffer, n);
  } else {
    ::close(fd);
    return absl::FailedPreconditionError(absl::StrFormat(
        "session file %s is open to other users or not yours (mode %04o): not used; run 'casefile logout' "
        "and 'casefile login' again",
        path, st.st_mode & 07777));
  }
  ::close(fd);
  StoredSession session;
  for (absl::string_view line : absl::StrSplit(contents, '\n', absl::SkipWhitespace())) {
    if (line[0] == '#') continue;
    std::pair<absl::string_view, absl::string_view> kv = absl::StrSplit(line, absl::MaxSplits(' ', 1));
    const std::string value(absl::StripAsciiWhitespace(kv.second));
    if (kv.first == "server") session.server = value;
    if (kv.first == "user") session.user = value;
    if (kv.first == "expires") session.expires = value;
    if (kv.first == "token") session.token = value;
  }
  if (session.server.empty() || session.token.empty())
    return absl::InvalidArgumentError(absl::StrCat(path, " is not a session file: run 'casefile login'"));
  return session;
}

}  // namespace casefile::cli
