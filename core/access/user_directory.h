// UserDirectory: the people who may sign in with a password (SessionService),
// from a users file loaded at start-up (casefiled --users).
//
// Users file: one `<user> <argon2id hash> <role>[:<team>,...] <display name...>`
// per line; blank lines and lines starting with '#' are ignored. The hash is
// what `casefile admin hash-password` prints. For example:
//   hughes4471 $argon2id$v=19$m=65536,t=2,p=1$...$... investigator:cait DC 4471 Hughes
//
// Thread-safe after construction (read-only).
#ifndef CASEFILE_CORE_ACCESS_USER_DIRECTORY_H_
#define CASEFILE_CORE_ACCESS_USER_DIRECTORY_H_

#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/access/caller.h"

namespace casefile {

struct UserAccount {
  // Who the user is once signed in (peer empty).
  Caller caller;
  std::string password_hash;  // Argon2id, libsodium string form
};

class UserDirectory {
 public:
  // InvalidArgument naming the line and the field ("users:3: field 2
  // (password hash): ...") for a malformed file.
  static absl::StatusOr<UserDirectory> Parse(absl::string_view contents, absl::string_view source_name);
  // FailedPrecondition, saying to `chmod 600` it, when group or others have
  // any access to the file; NotFound when it cannot be read.
  static absl::StatusOr<UserDirectory> LoadFile(const std::string& path);

  // The account of `user`, or null.
  const UserAccount* Find(absl::string_view user) const;
  size_t size() const { return accounts_.size(); }

 private:
  absl::flat_hash_map<std::string, UserAccount> accounts_;
};

}  // namespace casefile

#endif  // CASEFILE_CORE_ACCESS_USER_DIRECTORY_H_
