// SessionFile: where `casefile login` keeps its session for the commands that
// follow: $XDG_CONFIG_HOME/casefile/session (else ~/.config/casefile/session),
// the folder mode 0700, the file 0600. It names the server the session is for,
// so that its token is never sent to another one.
//
// File format, one `<key> <value>` per line ('#' lines are comments):
//   server 127.0.0.1:50051
//   user hughes4471
//   expires 2026-12-04T10:26:00Z
//   token <43 characters>
//
// Thread-compatible: plain functions.
#ifndef CASEFILE_CLI_SESSION_FILE_H_
#define CASEFILE_CLI_SESSION_FILE_H_

#include <string>

#include "absl/status/statusor.h"

namespace casefile::cli {

struct StoredSession {
  std::string server;
  std::string user;
  std::string expires;  // RFC 3339, for people reading the file
  std::string token;
};

// The session file's path; InvalidArgument when neither XDG_CONFIG_HOME nor
// HOME is set.
absl::StatusOr<std::string> SessionFilePath();

// Writes `session` to `path` (replacing it whole), making its folder (0700)
// if missing and the file 0600.
absl::Status SaveSession(const std::string& path, const StoredSession& session);

// The session in `path`. NotFound when there is none; FailedPrecondition,
// saying so, when the file is open to other users or owned by someone else
// (unless `even_if_open`, for logout, which ends such a session);
// InvalidArgument when it is not a session file.
absl::StatusOr<StoredSession> LoadSession(const std::string& path, bool even_if_open = false);

}  // namespace casefile::cli

#endif  // CASEFILE_CLI_SESSION_FILE_H_
