#include "cli/password_prompt.h"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <string>

namespace casefile::cli {
namespace {

// One line from `fd`, without its "\n" (or "\r\n").
std::string ReadLine(int fd) {
  std::string line;
  char c;
  while (::read(fd, &c, 1) == 1 && c != '\n') line.push_back(c);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace

absl::StatusOr<std::string> ReadPassword(PasswordSource source, const std::string& prompt) {
  std::string password;
  if (source == PasswordSource::kStdin) {
    password = ReadLine(STDIN_FILENO);
  } else {
    int tty = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
    if (tty < 0) return absl::FailedPreconditionError("no terminal to ask for the password on: use --password-stdin");
    (void)!::write(tty, prompt.data(), prompt.size());
    termios saved {};
    const bool quiet = ::tcgetattr(tty, &saved) == 0;
    if (quiet) {
      termios no_echo = saved;
      no_echo.c_lflag &= ~static_cast<tcflag_t>(ECHO);
      ::tcsetattr(tty, TCSAFLUSH, &no_echo);
    }
    password = ReadLine(tty);
    if (quiet) ::tcsetattr(tty, TCSAFLUSH, &saved);
    (void)!::write(tty, "\n", 1);
    ::close(tty);
  }
  if (password.empty()) return absl::InvalidArgumentError("the password is empty");
  return password;
}

}  // namespace casefile::cli
