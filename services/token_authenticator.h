// TokenAuthenticator: maps the bearer token of a call to the Caller it
// belongs to, from a tokens file loaded at start-up.
//
// Tokens file: one `<token> <user> <role>[:<team>,...] <display name...>` per
// line; blank lines and lines starting with '#' are ignored. Roles:
// investigator, out_of_hours, operator, auditor, admin; teams name who needs
// to know a restricted case (e.g. `investigator:cait`). A "token" `cert:<common name>` maps
// the client certificate of that subject (mutual TLS, casefiled --client_ca)
// instead: it is never accepted as a bearer token.
//
// With AcceptSessions, the bearer token of a live sign-in session
// (SessionService.SignIn, core/access/session_table.h) is accepted too, as the
// signed-in user with the role and teams of the users file.
//
// Thread-safe after construction (read-only; the session table locks itself).
#ifndef CASEFILE_SERVICES_TOKEN_AUTHENTICATOR_H_
#define CASEFILE_SERVICES_TOKEN_AUTHENTICATOR_H_

#include <functional>
#include <string>

#include <grpcpp/server_context.h>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/access/caller.h"
#include "core/access/session_table.h"

namespace casefile {

class TokenAuthenticator {
 public:
  // InvalidArgument naming the line for a malformed file.
  static absl::StatusOr<TokenAuthenticator> Parse(absl::string_view contents,
                                                  absl::string_view source_name);
  // FailedPrecondition, saying to `chmod 600` it, when group or others have
  // any access to the file.
  static absl::StatusOr<TokenAuthenticator> LoadFile(const std::string& path);

  // The caller of the bearer token, or, without one, of the verified client
  // certificate's common name. Unauthenticated when neither is there or known.
  absl::StatusOr<Caller> Authenticate(const grpc::ServerContextBase& context) const;
  absl::StatusOr<Caller> AuthenticateToken(absl::string_view token) const;

  size_t size() const { return callers_.size(); }

  // Also accept the tokens of `sessions` (which must outlive this object).
  // REQUIRES: called before the server serves.
  void AcceptSessions(SessionTable* sessions) { sessions_ = sessions; }

  // For a call made with a session's token: a check that the session is
  // still live (SessionTable::Check), for streams that outlast the call's
  // start. Empty for a service token or a client certificate.
  std::function<absl::Status()> SessionCheck(const grpc::ServerContextBase& context) const;

  // Whether `token` is one of the tokens file's (not a session's).
  bool IsServiceToken(absl::string_view token) const;

  // The token of the call's 'authorization: Bearer <token>' metadata, or
  // empty when it has none.
  static std::string BearerToken(const grpc::ServerContextBase& context);

 private:
  absl::flat_hash_map<std::string, Caller> callers_;
  SessionTable* sessions_ = nullptr;
};

}  // namespace casefile

#endif  // CASEFILE_SERVICES_TOKEN_AUTHENTICATOR_H_
