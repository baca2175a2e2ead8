#include "cli/password_prompt.h"

#include <fcntl.h>
#include <signal.h>
#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <string>

namespace casefile::cli {
namespace {

// The terminal's settings while echo is off, put back if the user presses
// Ctrl-C (or the process is stopped) at the prompt, so the shell echoes again.
int g_tty = -1;
termios g_saved_tty;

void RestoreTerminalAndDie(int signal) {
  if (g_tty >= 0) ::tcsetattr(g_tty, TCSAFLUSH, &g_saved_tty);
  ::signal(signal, SIG_DFL);
  ::raise(signal);
}

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
    struct sigaction restore {}, old_int {}, old_term {}, old_hup {};
    if (quiet) {
      g_tty = tty;
      g_saved_tty = saved;
      restore.sa_handler = RestoreTerminalAndDie;
      ::sigaction(SIGINT, &restore, &old_int);
      ::sigaction(SIGTERM, &restore, &old_term);
      ::sigaction(SIGHUP, &restore, &old_hup);
      termios no_echo = saved;
      no_echo.c_lflag &= ~static_cast<tcflag_t>(ECHO);
      ::tcsetattr(tty, TCSAFLUSH, &no_echo);
    }
    password = ReadLine(tty);
    if (quiet) {
      ::tcsetattr(tty, TCSAFLUSH, &saved);
      ::sigaction(SIGINT, &old_int, nullptr);
      ::sigaction(SIGTERM, &old_term, nullptr);
      ::sigaction(SIGHUP, &old_hup, nullptr);
      g_tty = -1;
    }
    (void)!::write(tty, "\n", 1);
    ::close(tty);
  }
  if (password.empty()) return absl::InvalidArgumentError("the password is empty");
  return password;
}

}  // namespace casefile::cli
