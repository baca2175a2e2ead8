// SessionServiceImpl: the gRPC adapter of casefile.v1.SessionService. SignIn
// checks a user name and password against the users file (core/
// user_directory.h) and opens a session (core/access/session_table.h) whose token
// the authenticator then accepts; SignOut ends the session of the call's token.
//
// SignIn needs no credentials, except that only a trusted front end
// (casefiled --trusted_frontend_users: the user of its service token or client
// certificate, never of a session) may name the
// client it relays (SignInRequest.client_address); anyone else doing so is
// PERMISSION_DENIED. That address (or else the gRPC peer's host) is what the
// per-address lockout counts and the audit record names ("<client> via
// <front end's peer>").
//
// A successful sign-in or sign-out is an audit record here (kind "SignIn" /
// "SignOut"). A refused sign-in is recorded by the refusal interceptor
// (services/refusal_log.h); SignIn hands it the user (a name that is not in
// the users file as "unknown": it may be a password typed in the wrong box)
// and the address through AuditNote. Never the password.
//
// ReplaceUsers swaps in a reloaded users file (casefiled on SIGHUP).
//
// Uses the synchronous API: checking an Argon2id hash takes about a tenth of
// a second of one core, and at most `max_concurrent_checks` run at once (each
// needs 64 MiB).
//
// Thread-safe.
#ifndef CASEFILE_SERVICES_SESSION_SERVICE_H_
#define CASEFILE_SERVICES_SESSION_SERVICE_H_

#include <memory>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/synchronization/mutex.h"
#include "casefile/v1/session.grpc.pb.h"
#include "core/access/session_table.h"
#include "core/access/sign_in_throttle.h"
#include "core/access/user_directory.h"
#include "core/audit/audit_trail.h"
#include "services/token_authenticator.h"

namespace casefile {

struct SessionServiceOptions {
  // Users (of the tokens file) allowed to relay client_address.
  absl::flat_hash_set<std::string> trusted_frontend_users;
  // Password checks running at once; more wait their turn.
  int max_concurrent_checks = 4;
};

class SessionServiceImpl final : public v1::SessionService::Service {
 public:
  // All must outlive the service; `users` may be null (no sign-in: SignIn is
  // FAILED_PRECONDITION).
  SessionServiceImpl(const TokenAuthenticator* auth, std::shared_ptr<const UserDirectory> users, SessionTable* sessions,
                     SignInThrottle* throttle, AuditTrail* audit, SessionServiceOptions options);

  // Signs in against `users` from now on (a users file reloaded on SIGHUP)
  // and ends the sessions of users it no longer has, or has with another
  // role, teams or name; returns how many it ended.
  size_t ReplaceUsers(std::shared_ptr<const UserDirectory> users);

  grpc::Status SignIn(grpc::ServerContext* context, const v1::SignInRequest* request,
                      v1::Session* response) override;
  grpc::Status SignOut(grpc::ServerContext* context, const v1::SignOutRequest* request,
                       v1::SignOutResponse* response) override;

 private:
  // Whose the sign-in is and from where, for the lockout and the audit trail.
  struct Attempt {
    std::string address;     // lockout key: client_address or the peer's host
    std::string audit_peer;  // "ipv4:10.1.2.3:51234" or "<client> via <peer>"
  };
  absl::StatusOr<Attempt> AttemptOf(const grpc::ServerContext& context, const v1::SignInRequest& request) const;
  bool CheckPassword(const UserAccount* account, absl::string_view password);

  const TokenAuthenticator* const auth_;
  std::shared_ptr<const UserDirectory> Users() const;

  mutable absl::Mutex users_mu_;
  std::shared_ptr<const UserDirectory> users_ ABSL_GUARDED_BY(users_mu_);
  SessionTable* const sessions_;
  SignInThrottle* const throttle_;
  AuditTrail* const audit_;
  const SessionServiceOptions options_;
  // Checked for a user name that is not in the file, so that an unknown name
  // takes as long to refuse as a wrong password.
  std::string dummy_hash_;
  absl::Mutex checks_mu_;
  int checks_running_ ABSL_GUARDED_BY(checks_mu_) = 0;
};

}  // namespace casefile

#endif  // CASEFILE_SERVICES_SESSION_SERVICE_H_
