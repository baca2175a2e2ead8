#include "services/session_service.h"

#include <google/protobuf/util/time_util.h>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "core/access/password_hash.h"
#include "services/audit_note.h"
#include "services/grpc_status.h"

namespace casefile {
namespace {

using google::protobuf::util::TimeUtil;

// Longer inputs are refused before any hashing: Argon2id's cost grows with them.
constexpr size_t kMaxUserLength = 256;
constexpr size_t kMaxPasswordLength = 1024;
constexpr size_t kMaxClientAddressLength = 256;

// "ipv4:127.0.0.1:51324" → "ipv4:127.0.0.1", "ipv6:[::1]:5" → "ipv6:[::1]":
// the client's port changes with every connection, its host does not.
std::string PeerHost(absl::string_view peer) {
  if (!absl::StartsWith(peer, "ipv4:") && !absl::StartsWith(peer, "ipv6:")) return std::string(peer);
  size_t colon = peer.rfind(':');
  return std::string(colon > 4 ? peer.substr(0, colon) : peer);
}

bool IsPrintableAscii(absl::string_view text) {
  for (char c : text) {
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

grpc::Status Refuse(grpc::ServerContext& context, absl::string_view audit_user,
                    absl::string_view audit_peer, const absl::Status& status) {
  AddAuditNote(context, audit_user, audit_peer);
  return ToGrpcStatus(status);
}

}  // namespace

SessionServiceImpl::SessionServiceImpl(const TokenAuthenticator* auth, std::shared_ptr<const UserDirectory> users,
                                       SessionTable* sessions, SignInThrottle* throttle, AuditTrail* audit,
                                       SessionServiceOptions options)
    : auth_(auth),
      users_(std::move(users)),
      sessions_(sessions),
      throttle_(throttle),
      audit_(audit),
      options_(std::move(options)) {
  // A password nobody knows, hashed once at start with the cost new hashes get.
  if (Users() == nullptr) return;
  absl::StatusOr<std::string> dummy = HashPassword(absl::WebSafeBase64Escape(RandomBytes(32)));
  if (dummy.ok()) dummy_hash_ = *std::move(dummy);
}

std::shared_ptr<const UserDirectory> SessionServiceImpl::Users() const {
  absl::MutexLock lock(&users_mu_);
  return users_;
}

size_t SessionServiceImpl::ReplaceUsers(std::shared_ptr<const UserDirectory> users) {
  {
    absl::MutexLock lock(&users_mu_);
    users_ = users;
  }
  return sessions_->CloseUnless([&](const Caller& caller) {
    const UserAccount* account = users != nullptr ? users->Find(caller.user) : nullptr;
    return account != nullptr && account->caller.role == caller.role && account->caller.teams == caller.teams &&
           account->caller.display_name == caller.display_name;
  });
}

absl::StatusOr<SessionServiceImpl::Attempt> SessionServiceImpl::AttemptOf(
    const grpc::ServerContext& context, const v1::SignInRequest& request) const {
  const std::string peer = context.peer();
  if (request.client_address().empty()) return Attempt{PeerHost(peer), peer};
  // A front end proves itself with its service token or client certificate,
  // never with a person's session.
  absl::StatusOr<Caller> relay = auth_->Authenticate(context);
  const std::string token = TokenAuthenticator::BearerToken(context);
  if (!relay.ok() || !options_.trusted_frontend_users.contains(relay->user) ||
      (!token.empty() && !auth_->IsServiceToken(token))) {
    return absl::PermissionDeniedError(
        "client_address: only a trusted front end may relay a sign-in (casefiled "
        "--trusted_frontend_users names its service token's user)");
  }
  if (request.client_address().size() > kMaxClientAddressLength || !IsPrintableAscii(request.client_address())) {
    return absl::InvalidArgumentError(absl::StrCat("client_address: printable characters without spaces, at most ",
                                                   kMaxClientAddressLength));
  }
  return Attempt{request.client_address(), absl::StrCat(request.client_address(), " via ", peer)};
}

bool SessionServiceImpl::CheckPassword(const UserAccount* account, absl::string_view password) {
  {
    absl::MutexLock lock(&checks_mu_);
    checks_mu_.Await(absl::Condition(
        +[](SessionServiceImpl* self) ABSL_NO_THREAD_SAFETY_ANALYSIS {
          return self->checks_running_ < self->options_.max_concurrent_checks;
        },
        this));
    ++checks_running_;
  }
  // The same work whether or not the user exists.
  const bool matches = VerifyPassword(account != nullptr ? account->password_hash : dummy_hash_, password);
  absl::MutexLock lock(&checks_mu_);
  --checks_running_;
  return matches && account != nullptr;
}

grpc::Status SessionServiceImpl::SignIn(grpc::ServerContext* context, const v1::SignInRequest* request,
                                        v1::Session* response) {
  const std::string peer = context->peer();
  const std::shared_ptr<const UserDirectory> users = Users();
  if (users == nullptr) {
    return ToGrpcStatus(absl::FailedPreconditionError(
        "sign-in with a password is not set up on this server (casefiled --users)"));
  }
  if (request->user().empty()) return Refuse(*context, "unknown", peer, absl::InvalidArgumentError("user: is required"));
  if (request->user().size() > kMaxUserLength)
    return Refuse(*context, "unknown", peer, absl::InvalidArgumentError("user: longer than 256 bytes"));
  if (request->password().empty())
    return Refuse(*context, "unknown", peer, absl::InvalidArgumentError("password: is required"));
  if (request->password().size() > kMaxPasswordLength)
    return Refuse(*context, "unknown", peer, absl::InvalidArgumentError("password: longer than 1024 bytes"));
  absl::StatusOr<Attempt> attempt = AttemptOf(*context, *request);
  if (!attempt.ok()) return Refuse(*context, "unknown", peer, attempt.status());

  const UserAccount* account = users->Find(request->user());
  // Only names in the users file reach the audit trail.
  const std::string audit_user = account != nullptr ? account->caller.user : "unknown";
  if (absl::Status locked = throttle_->Check(request->user(), attempt->address); !locked.ok())
    return Refuse(*context, audit_user, attempt->audit_peer, locked);
  if (!CheckPassword(account, request->password())) {
    throttle_->RecordFailure(request->user(), attempt->address);
    return Refuse(*context, audit_user, attempt->audit_peer,
                  absl::UnauthenticatedError("wrong user name or password"));
  }
  throttle_->RecordSuccess(request->user());

  Caller caller = account->caller;
  caller.peer = attempt->audit_peer;
  OpenedSession session = sessions_->Open(caller);
  if (absl::Status s = audit_->RecordNow(audit_->NewEvent(caller, "SignIn")); !s.ok()) {
    sessions_->Close(session.token);  // no session without its record
    return ToGrpcStatus(s);
  }
  response->set_token(std::move(session.token));
  response->set_user(caller.user);
  response->set_display_name(caller.display_name);
  response->set_role(std::string(RoleName(caller.role)));
  for (const std::string& team : caller.teams) response->add_teams(team);
  *response->mutable_expire_time() = TimeUtil::NanosecondsToTimestamp(absl::ToUnixNanos(session.expire_time));
  response->set_idle_timeout_seconds(absl::ToInt64Seconds(sessions_->options().idle_timeout));
  return grpc::Status::OK;
}

grpc::Status SessionServiceImpl::SignOut(grpc::ServerContext* context, const v1::SignOutRequest* request,
                                         v1::SignOutResponse* response) {
  absl::StatusOr<Caller> caller = auth_->Authenticate(*context);
  if (!caller.ok()) return ToGrpcStatus(caller.status());
  if (!sessions_->Close(TokenAuthenticator::BearerToken(*context))) {
    return ToGrpcStatus(absl::FailedPreconditionError(
        "the call's credentials are a service token or certificate, not a session from SignIn: nothing to sign out"));
  }
  return ToGrpcStatus(audit_->RecordNow(audit_->NewEvent(*caller, "SignOut")));
}

}  // namespace casefile
