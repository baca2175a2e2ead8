#include "core/caller.h"

#include "absl/strings/str_cat.h"

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
  }
  return "do that";
}

// The whole permission model. Out-of-hours staff and auditors only read;
// operators migrate and review but do not write live entries. Only auditors
// (and admins) read the audit trail; only admins back up the store.
bool Allowed(Role role, Action action) {
  switch (role) {
    case Role::kAdmin:
      return true;
    case Role::kInvestigator:
      return action == Action::kReadCase || action == Action::kCreateCase ||
             action == Action::kWriteEntry || action == Action::kReadPersons;
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

absl::string_view RoleName(Role role) {
  switch (role) {
    case Role::kInvestigator: return "investigator";
    case Role::kOutOfHours: return "out_of_hours";
    case Role::kOperator: return "operator";
    case Role::kAuditor: return "auditor";
    case Role::kAdmin: return "admin";
  }
  return "unknown";
}

std::optional<Role> ParseRole(absl::string_view name) {
  for (Role r : {Role::kInvestigator, Role::kOutOfHours, Role::kOperator, Role::kAuditor,
                 Role::kAdmin}) {
    if (RoleName(r) == name) return r;
  }
  return std::nullopt;
}

absl::Status Authorize(const Caller& caller, Action action) {
  if (Allowed(caller.role, action)) return absl::OkStatus();
  return absl::PermissionDeniedError(
      absl::StrCat("role ", RoleName(caller.role), " may not ", ActionName(action)));
}

}  // namespace casefile
