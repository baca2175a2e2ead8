// Sign-in for people: login (SessionService.SignIn, keeping the session for
// the commands that follow) and logout (SignOut, removing it).
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include <google/protobuf/util/time_util.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "casefile/v1/session.grpc.pb.h"
#include "cli/command.h"
#include "cli/output.h"
#include "cli/password_prompt.h"
#include "cli/session_file.h"
#include "cli/terminal_safe.h"

namespace casefile::cli {
namespace {

using google::protobuf::util::TimeUtil;

int Login(const Args& args, const Connection& conn) {
  std::string user = args.Get("user");
  if (user.empty() && std::getenv("USER") != nullptr) user = std::getenv("USER");
  if (user.empty()) return ReportUsageError(absl::InvalidArgumentError("--user: is required ($USER is not set)"), "login");
  absl::StatusOr<std::string> path = SessionFilePath();
  if (!path.ok()) return ReportUsageError(path.status(), "login");
  absl::StatusOr<std::string> password =
      ReadPassword(args.Has("password-stdin") ? PasswordSource::kStdin : PasswordSource::kTerminal,
                   absl::StrCat("password for ", user, " on ", conn.server(), ": "));
  if (!password.ok()) return ReportUsageError(password.status(), "login");

  v1::SignInRequest request;
  request.set_user(user);
  request.set_password(*std::move(password));
  v1::Session session;
  grpc::ClientContext context;  // no credentials: signing in is the way in
  grpc::Status status = v1::SessionService::NewStub(conn.channel())->SignIn(&context, request, &session);
  request.clear_password();
  if (!status.ok()) return ReportRpcError(status);
  const absl::Time expires = absl::FromUnixNanos(TimeUtil::TimestampToNanoseconds(session.expire_time()));
  // The session this one replaces ends now rather than at its timeout.
  if (absl::StatusOr<StoredSession> old = LoadSession(*path); old.ok() && old->server == conn.server()) {
    grpc::ClientContext old_context;
    old_context.AddMetadata("authorization", "Bearer " + old->token);
    v1::SignOutResponse ignored;
    (void)v1::SessionService::NewStub(conn.channel())->SignOut(&old_context, {}, &ignored);
  }
  if (absl::Status s = SaveSession(*path, {conn.server(), session.user(), absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", expires, absl::UTCTimeZone()), session.token()});
      !s.ok()) {
    std::fprintf(stderr, "error: signed in, but %s\n", TerminalSafe(s.message()).c_str());
    return kExitServerError;
  }
  session.clear_token();  // kept in the file only
  if (args.Has("json")) {
    std::cout << ToJson(session) << "\n";
    return kExitOk;
  }
  std::cout << "signed in as " << TerminalSafe(session.user()) << " (" << TerminalSafe(session.display_name()) << ", "
            << TerminalSafe(session.role());
  if (session.teams_size() > 0) std::cout << ", teams " << TerminalSafe(absl::StrJoin(session.teams(), ","));
  std::cout << ") until " << absl::FormatTime("%Y-%m-%d %H:%M %Z", expires, absl::UTCTimeZone()) << ", or "
            << absl::FormatDuration(absl::Seconds(session.idle_timeout_seconds())) << " unused\n"
            << "session kept in " << TerminalSafe(*path) << "; 'casefile logout' ends it\n";
  return kExitOk;
}

int Logout(const Args& args, const Connection& conn) {
  absl::StatusOr<std::string> path = SessionFilePath();
  if (!path.ok()) return ReportUsageError(path.status(), "logout");
  // A file others could read is ended all the same: its token may be out.
  absl::StatusOr<StoredSession> stored = LoadSession(*path, /*even_if_open=*/true);
  if (absl::IsNotFound(stored.status())) {
    std::cout << "not signed in (no " << TerminalSafe(*path) << ")\n";
    return kExitOk;
  }
  if (!stored.ok()) {
    std::remove(path->c_str());
    std::fprintf(stderr, "error: %s; removed it\n", TerminalSafe(stored.status().message()).c_str());
    return kExitServerError;
  }
  if (stored->server != conn.server()) {
    return ReportUsageError(absl::InvalidArgumentError(absl::StrCat(
                                "the session is for server ", stored->server, ": run 'casefile logout --server ",
                                stored->server, "'")),
                            "logout");
  }
  grpc::ClientContext context;
  context.AddMetadata("authorization", "Bearer " + stored->token);
  v1::SignOutResponse response;
  grpc::Status status = v1::SessionService::NewStub(conn.channel())->SignOut(&context, {}, &response);
  if (status.error_code() == grpc::StatusCode::UNAVAILABLE) {
    ReportRpcError(status);
    std::fprintf(stderr, "the session file is kept, so that 'casefile logout' can try again\n");
    return kExitServerError;
  }
  std::remove(path->c_str());
  if (status.error_code() == grpc::StatusCode::UNAUTHENTICATED) {
    std::cout << "the session of " << TerminalSafe(stored->user) << " had already ended; removed "
              << TerminalSafe(*path) << "\n";
    return kExitOk;
  }
  if (!status.ok()) return ReportRpcError(status);
  std::cout << "signed out " << TerminalSafe(stored->user) << "; removed " << TerminalSafe(*path) << "\n";
  return kExitOk;
}

}  // namespace

void AddSessionCommands(CommandLine& line) {
  CLI::App* c = line.Add("login", "sign in with your user name and password; later commands use the session", Login);
  AddValueOption(c, "--user", "USER", "who you are ($USER without it)");
  AddSwitch(c, "--password-stdin", "read the password from the first line of standard input");
  c->footer("Asks for the password on the terminal (not echoed), or reads it from standard input with\n"
            "--password-stdin. The session is kept in $XDG_CONFIG_HOME/casefile/session (else\n"
            "~/.config/casefile/session), readable by you only, and used by every command to the same\n"
            "server given no --token (nor CASEFILE_TOKEN). It ends after the server's idle timeout\n"
            "(15 minutes unused by default) or maximum age (8 hours), when casefiled restarts, or with\n"
            "'casefile logout'. Signing in again ends the session it replaces. Five wrong passwords\n"
            "lock the name for a while.");

  c = line.Add("logout", "end the session of 'casefile login' and remove its file", Logout);
  c->footer("Signs the session out on the server and removes the session file. A session that had\n"
            "already ended is only removed.");
}

}  // namespace casefile::cli
