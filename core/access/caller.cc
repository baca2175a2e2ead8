#include "core/access/caller.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace casefile {
namespace {

absl::string_view ActionName(Action action) {
  switch (action) {
    case Action::kReadCase: return "read case files";
    case Action::kCreateCase: return "create cases";
    case Action::kWriteEntry: return "write chronology entries";
    case Action::kImport: return "import legacy records";
    case Action::kReview: return "decide review items";
    case Action::kReadPersons: return "search persons";
    case Action::kBackup: return "back up the store";
    case Action::kAudit: return "read the audit trail";
    case Action::kRestrictCase: return "restrict cases";
    case Action::kReviewRetention: return "review cases for retention";
    case Action::kEraseCase: return "erase cases";
    case Action::kAssignCase: return "assign cases";
    case Action::kSupervise: return "supervise teams";
    case Action::kReadReports: return "read inspection reports";
  }
  return "do that";
}

// The whole permission model. Out-of-hours staff and auditors only read;
// operators migrate and review but do not write live entries. Only auditors
// (and admins) read the audit trail; only admins back up the store and erase
// cases. Supervisors do what investigators do, supervise their teams and
// read the inspection report of those teams (kReadReports; the team rule is
// MaySupervise, core/access/supervision.h).
bool Allowed(Role role, Action action) {
  switch (role) {
    case Role::kAdmin:
      return true;
    case Role::kSupervisor:
      if (action == Action::kSupervise || action == Action::kReadReports) return true;
      [[fallthrough]];
    case Role::kInvestigator:
      return action == Action::kReadCase || action == Action::kCreateCase ||
             action == Action::kWriteEntry || action == Action::kReadPersons ||
             action == Action::kRestrictCase || action == Action::kReviewRetention ||
             action == Action::kAssignCase;
    case Role::kOutOfHours:
      return action == Action::kReadCase || action == Action::kReadPersons;
    case Role::kAuditor:
      return action == Action::kReadCase || action == Action::kReadPersons ||
             action == Action::kAudit;
    case Role::kOperator:
      return action == Action::kReadCase || action == Action::kImport ||
             action == Action::kReview || action == Action::kReadPersons;
  }
  return false;
}

}  // namespace

bool IsValidTeamName(absl::string_view name) {
  if (name.empty() || name.size() > 63) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
  }
  return true;
}

bool IsValidUserIdInRequest(absl::string_view user) {
  if (user.empty() || user.size() > 63) return false;
  for (char c : user) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
          c == '.' || c == '@'))
      return false;
  }
  return true;
}

absl::string_view RoleName(Role role) {
  switch (role) {
    case Role::kInvestigator: return "investigator";
    case Role::kOutOfHours: return "out_of_hours";
    case Role::kOperator: return "operator";
    case Role::kAuditor: return "auditor";
    case Role::kAdmin: return "admin";
    case Role::kSupervisor: return "supervisor";
  }
  return "unknown";
}

std::optional<Role> ParseRole(absl::string_view name) {
  for (Role r : {Role::kInvestigator, Role::kOutOfHours, Role::kOperator, Role::kAuditor,
                 Role::kAdmin, Role::kSupervisor}) {
    if (RoleName(r) == name) return r;
  }
  return std::nullopt;
}

absl::StatusOr<RoleAndTeams> ParseRoleAndTeams(absl::string_view text) {
  std::pair<absl::string_view, absl::string_view> role_teams = absl::StrSplit(text, absl::MaxSplits(':', 1));
  std::optional<Role> role = ParseRole(role_teams.first);
  if (!role) return absl::InvalidArgumentError(absl::StrCat("unknown role '", role_teams.first, "'"));
  RoleAndTeams result{*role, {}};
  if (text.find(':') == absl::string_view::npos) return result;
  for (absl::string_view team : absl::StrSplit(role_teams.second, ',')) {
    if (!IsValidTeamName(team)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "team '", team, "' is not a team name (a-z, 0-9, '-', '_'; 1 to 63 characters)"));
    }
    result.teams.emplace_back(team);
  }
  return result;
}

absl::Status Authorize(const Caller& caller, Action action) {
  if (Allowed(caller.role, action)) return absl::OkStatus();
  return absl::PermissionDeniedError(
      absl::StrCat("role ", RoleName(caller.role), " may not ", ActionName(action)));
}

}  // namespace casefile
