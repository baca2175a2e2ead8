#include "core/access/user_directory.h"

#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "core/access/column_lines.h"
#include "core/access/password_hash.h"

namespace casefile {
namespace {

// User ids: 1 to 64 of a-z, A-Z, 0-9, '.', '-', '_' (they go into audit
// records and log lines).
bool IsValidUserId(absl::string_view user) {
  if (user.empty() || user.size() > 64) return false;
  for (char c : user) {
    if (!absl::ascii_isalnum(c) && c != '.' && c != '-' && c != '_') return false;
  }
  return true;
}

}  // namespace

absl::StatusOr<UserDirectory> UserDirectory::Parse(absl::string_view contents,
                                                   absl::string_view source_name) {
  UserDirectory directory;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(contents, '\n')) {
    ++line_number;
    line = absl::StripAsciiWhitespace(line);
    if (line.empty() || line[0] == '#') continue;
    // Three whitespace-separated fields, then the display name as written.
    const std::vector<absl::string_view> parts = SplitColumns(line, 3);
    auto bad = [&](int field, absl::string_view name, absl::string_view why) {
      return absl::InvalidArgumentError(
          absl::StrCat(source_name, ":", line_number, ": field ", field, " (", name, "): ", why));
    };
    if (!IsValidUserId(parts[0]))
      return bad(1, "user", "not a user id (1 to 64 of a-z, A-Z, 0-9, '.', '-', '_')");
    if (parts.size() < 2) return bad(2, "password hash", "missing; expected '<user> <hash> <role> <display name>'");
    if (!IsArgon2idHash(parts[1]))
      return bad(2, "password hash", "not an Argon2id hash (make one with 'casefile admin hash-password')");
    if (parts.size() < 3) return bad(3, "role", "missing; expected '<user> <hash> <role> <display name>'");
    absl::StatusOr<RoleAndTeams> role = ParseRoleAndTeams(parts[2]);
    if (!role.ok()) return bad(3, "role", role.status().message());
    if (parts.size() < 4) return bad(4, "display name", "missing (e.g. 'DC 4471 Hughes')");
    UserAccount account{Caller{std::string(parts[0]), std::string(parts[3]), role->role, "", role->teams},
                        std::string(parts[1])};
    if (!directory.accounts_.emplace(std::string(parts[0]), std::move(account)).second)
      return bad(1, "user", absl::StrCat("'", parts[0], "' is listed twice"));
  }
  if (directory.accounts_.empty())
    return absl::InvalidArgumentError(absl::StrCat(source_name, ": no users defined"));
  return directory;
}

absl::StatusOr<UserDirectory> UserDirectory::LoadFile(const std::string& path) {
  std::ifstream in(path);
  struct stat st {};
  if (!in || ::stat(path.c_str(), &st) != 0)
    return absl::NotFoundError(absl::StrCat("cannot read users file ", path));
  // Hashes are slow to guess, not impossible: keep them from other accounts
  // of the machine, as the tokens file is kept.
  if ((st.st_mode & 077) != 0) {
    return absl::FailedPreconditionError(absl::StrFormat(
        "users file %s is open to other users (mode %04o); it holds password hashes: run "
        "'chmod 600 %s' and start again",
        path, st.st_mode & 07777, path));
  }
  std::stringstream contents;
  contents << in.rdbuf();
  return Parse(contents.str(), path);
}

const UserAccount* UserDirectory::Find(absl::string_view user) const {
  auto it = accounts_.find(user);
  return it == accounts_.end() ? nullptr : &it->second;
}

}  // namespace casefile
