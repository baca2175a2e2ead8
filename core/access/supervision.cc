#include "core/access/supervision.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace casefile {

absl::Status MaySupervise(const Caller& caller, absl::string_view team) {
  if (auto s = Authorize(caller, Action::kSupervise); !s.ok()) return s;
  if (caller.role == Role::kAdmin) return absl::OkStatus();
  if (!team.empty() && std::find(caller.teams.begin(), caller.teams.end(), team) != caller.teams.end())
    return absl::OkStatus();
  return absl::PermissionDeniedError(team.empty() ? std::string("only admins supervise cases with no team")
                                                  : absl::StrCat("only supervisors of team ", team,
                                                                 " and admins may supervise it"));
}

}  // namespace casefile
