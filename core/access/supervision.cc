#include "core/access/supervision.h"

#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"

namespace casefile {
namespace {

// Admins supervise every team; others the teams of their role column. No
// team (a case with none, the whole unit) is for admins alone.
bool SupervisesTeam(const Caller& caller, absl::string_view team) {
  if (caller.role == Role::kAdmin) return true;
  return !team.empty() && std::find(caller.teams.begin(), caller.teams.end(), team) != caller.teams.end();
}

}  // namespace

absl::Status MaySupervise(const Caller& caller, absl::string_view team) {
  if (auto s = Authorize(caller, Action::kSupervise); !s.ok()) return s;
  if (SupervisesTeam(caller, team)) return absl::OkStatus();
  return absl::PermissionDeniedError(team.empty() ? std::string("only admins supervise cases with no team")
                                                  : absl::StrCat("only supervisors of team ", team,
                                                                 " and admins may supervise it"));
}

absl::Status MayReadReports(const Caller& caller, absl::string_view team) {
  if (auto s = Authorize(caller, Action::kReadReports); !s.ok()) return s;
  if (SupervisesTeam(caller, team)) return absl::OkStatus();
  return absl::PermissionDeniedError(team.empty() ? std::string("only admins read the whole unit's report: name a team")
                                                  : absl::StrCat("only supervisors of team ", team,
                                                                 " and admins may read its report"));
}

}  // namespace casefile
