// ReadPassword: a password for `casefile login` and `casefile admin
// hash-password`, asked on the terminal without echo, or read as the first
// line of standard input for scripts.
//
// Thread-compatible: uses the process's terminal.
#ifndef CASEFILE_CLI_PASSWORD_PROMPT_H_
#define CASEFILE_CLI_PASSWORD_PROMPT_H_

#include <string>

#include "absl/status/statusor.h"

namespace casefile::cli {

enum class PasswordSource {
  kTerminal,  // /dev/tty, without echo; FailedPrecondition when there is none
  kStdin,     // the first line of standard input, without its line end
};

// InvalidArgument when the password is empty.
absl::StatusOr<std::string> ReadPassword(PasswordSource source, const std::string& prompt);

}  // namespace casefile::cli

#endif  // CASEFILE_CLI_PASSWORD_PROMPT_H_
