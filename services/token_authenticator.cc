#include "services/token_authenticator.h"

#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "core/access/column_lines.h"

namespace casefile {
namespace {

// Tokens file entries for client certificates: "cert:<common name>".
constexpr absl::string_view kCertificatePrefix = "cert:";

}  // namespace

absl::StatusOr<TokenAuthenticator> TokenAuthenticator::Parse(absl::string_view contents,
                                                             absl::string_view source_name) {
  TokenAuthenticator auth;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(contents, '\n')) {
    ++line_number;
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line[0] == '#') continue;
    // Three whitespace-separated fields, then the display name as written.
    const std::vector<absl::string_view> parts = SplitColumns(line, 3);
    auto bad = [&](absl::string_view why) {
      return absl::InvalidArgumentError(absl::StrCat(source_name, ":", line_number, ": ", why));
    };
    if (parts.size() < 3) return bad("expected '<token> <user> <role> [display name]'");
    absl::StatusOr<RoleAndTeams> role = ParseRoleAndTeams(parts[2]);
    if (!role.ok()) return bad(role.status().message());
    if (parts[0].size() < 16) return bad("token is shorter than 16 characters");
    Caller caller{std::string(parts[1]),
                  std::string(parts.size() > 3 ? parts[3] : parts[1]),
                  role->role, "", role->teams};
    if (!auth.callers_.emplace(std::string(parts[0]), std::move(caller)).second)
      return bad("duplicate token");
  }
  if (auth.callers_.empty())
    return absl::InvalidArgumentError(absl::StrCat(source_name, ": no tokens defined"));
  return auth;
}

absl::StatusOr<TokenAuthenticator> TokenAuthenticator::LoadFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read tokens file ", path));
  // Tokens are passwords: a file that other users of the machine can read
  // (or change) gives their holders' roles away.
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    return absl::NotFoundError(absl::StrCat("cannot read tokens file ", path));
  if ((st.st_mode & 077) != 0) {
    return absl::FailedPreconditionError(absl::StrFormat(
        "tokens file %s is open to other users (mode %04o); it holds passwords: run "
        "'chmod 600 %s' and start again",
        path, st.st_mode & 07777, path));
  }
  std::stringstream contents;
  contents << in.rdbuf();
  return Parse(contents.str(), path);
}

absl::StatusOr<Caller> TokenAuthenticator::Authenticate(
    const grpc::ServerContextBase& context) const {
  const auto& metadata = context.client_metadata();
  auto it = metadata.find("authorization");
  if (it == metadata.end()) {
    // Mutual TLS: gRPC has verified the certificate against --client_ca.
    std::shared_ptr<const grpc::AuthContext> auth = context.auth_context();
    if (auth != nullptr && auth->IsPeerAuthenticated()) {
      for (const grpc::string_ref& name : auth->FindPropertyValues("x509_common_name")) {
        auto found = callers_.find(absl::StrCat(kCertificatePrefix, absl::string_view(name.data(), name.size())));
        if (found == callers_.end()) return absl::UnauthenticatedError("client certificate not mapped to a user");
        Caller caller = found->second;
        caller.peer = context.peer();
        return caller;
      }
    }
    return absl::UnauthenticatedError(
        "missing 'authorization: Bearer <token>' metadata (set CASEFILE_TOKEN or --token, or run 'casefile login')");
  }
  absl::string_view value(it->second.data(), it->second.size());
  if (!absl::ConsumePrefix(&value, "Bearer ") && !absl::ConsumePrefix(&value, "bearer ")) {
    return absl::UnauthenticatedError("authorization metadata must be 'Bearer <token>'");
  }
  absl::StatusOr<Caller> caller = AuthenticateToken(absl::StripAsciiWhitespace(value));
  if (caller.ok()) caller->peer = context.peer();  // for the audit trail
  return caller;
}

absl::StatusOr<Caller> TokenAuthenticator::AuthenticateToken(absl::string_view token) const {
  if (absl::StartsWith(token, kCertificatePrefix)) return absl::UnauthenticatedError("unknown token");
  auto it = callers_.find(token);
  if (it != callers_.end()) return it->second;
  if (sessions_ != nullptr) {
    absl::StatusOr<Caller> session = sessions_->Use(token);
    if (session.ok() || !absl::IsNotFound(session.status())) return session;
  }
  return absl::UnauthenticatedError("unknown token");
}

std::function<absl::Status()> TokenAuthenticator::SessionCheck(const grpc::ServerContextBase& context) const {
  std::string token = BearerToken(context);
  if (sessions_ == nullptr || token.empty() || IsServiceToken(token)) return {};
  return [sessions = sessions_, token = std::move(token)] { return sessions->Check(token); };
}

bool TokenAuthenticator::IsServiceToken(absl::string_view token) const {
  return !absl::StartsWith(token, kCertificatePrefix) && callers_.contains(token);
}

std::string TokenAuthenticator::BearerToken(const grpc::ServerContextBase& context) {
  const auto& metadata = context.client_metadata();
  auto it = metadata.find("authorization");
  if (it == metadata.end()) return "";
  absl::string_view value(it->second.data(), it->second.size());
  if (!absl::ConsumePrefix(&value, "Bearer ") && !absl::ConsumePrefix(&value, "bearer ")) return "";
  return std::string(absl::StripAsciiWhitespace(value));
}

}  // namespace casefile
