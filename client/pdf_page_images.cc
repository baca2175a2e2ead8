#include "client/pdf_page_images.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <filesystem>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"

extern char** environ;

namespace casefile::client {
namespace {

// Waits for the child that holds the write end of `pipe_end` (and nothing
// else does) to end: its end of the pipe closes when it exits, so poll sees
// the hang-up — no timer, no busy wait. False when `deadline` comes first.
bool WaitForExit(int pipe_end, absl::Time deadline) {
  char buffer[4096];
  while (true) {
    const absl::Duration left = deadline - absl::Now();
    if (left <= absl::ZeroDuration()) return false;
    pollfd ready{pipe_end, POLLIN, 0};
    const int polled = ::poll(&ready, 1, static_cast<int>(absl::ToInt64Milliseconds(left)) + 1);
    if (polled < 0 && errno == EINTR) continue;
    if (polled <= 0) return false;
    const ssize_t n = ::read(pipe_end, buffer, sizeof(buffer));  // pdftoppm -q prints nothing
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return true;
  }
}

// The number N of `page-N.png`, or 0.
int PageNumber(const std::string& file_name) {
  absl::string_view name = file_name;
  int n = 0;
  if (!absl::ConsumePrefix(&name, "page-") || !absl::ConsumeSuffix(&name, ".png") || !absl::SimpleAtoi(name, &n)) return 0;
  return n;
}

}  // namespace

absl::StatusOr<PdfPageImages> DrawPdfPages(const std::string& pdf_path, const std::string& folder,
                                           const PdfPageImageOptions& options) {
  int out[2];
  if (::pipe2(out, O_CLOEXEC) != 0) return absl::InternalError("cannot make a pipe for pdftoppm");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  // One page more than the cap, to know whether there are more.
  std::vector<std::string> args = {options.pdftoppm,
                                   "-q",
                                   "-png",
                                   "-scale-to",
                                   absl::StrCat(options.long_side_pixels),
                                   "-f",
                                   "1",
                                   "-l",
                                   absl::StrCat(options.max_pages + 1),
                                   pdf_path,
                                   folder + "/page"};
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = ::posix_spawn(&pid, options.pdftoppm.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out[1]);
  if (spawned != 0) {
    ::close(out[0]);
    return absl::InternalError(absl::StrCat("cannot run ", options.pdftoppm));
  }
  const bool exited = WaitForExit(out[0], absl::Now() + options.timeout);
  ::close(out[0]);
  if (!exited) ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!exited)
    return absl::DeadlineExceededError(
        absl::StrCat("pdftoppm took longer than ", absl::FormatDuration(options.timeout)));
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return absl::InternalError("pdftoppm could not draw it");
  std::vector<std::pair<int, std::string>> pages;
  std::error_code error;
  for (const auto& file : std::filesystem::directory_iterator(folder, error)) {
    const int n = PageNumber(file.path().filename().string());
    if (n > 0) pages.emplace_back(n, file.path().string());
  }
  std::sort(pages.begin(), pages.end());
  PdfPageImages images;
  for (auto& [n, path] : pages) {
    if (n > options.max_pages) {
      images.more_pages = true;
      continue;
    }
    images.paths.push_back(std::move(path));
  }
  return images;
}

}  // namespace casefile::client
