// Caller: who is making a request, as established by authentication, and the
// one table of which role may do what.
//
// Thread-safe: value type and pure functions.
#ifndef CASEFILE_CORE_ACCESS_CALLER_H_
#define CASEFILE_CORE_ACCESS_CALLER_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace casefile {

// A supervisor (a detective sergeant or inspector) is over the teams of their
// role column: an investigator there, who also decides approvals and holds the
// tasking meeting (core/access/supervision.h).
enum class Role { kInvestigator, kOutOfHours, kOperator, kAuditor, kAdmin, kSupervisor };

// Everything a request can ask for; each RPC maps to exactly one.
enum class Action {
  kReadCase,     // GetCase, ListCases, GetCaseFile, WatchCase
  kCreateCase,   // CreateCase
  kWriteEntry,   // AppendEntry, CorrectEntry
  kImport,       // ImportService uploads and reports
  kReview,       // review queue decisions
  kReadPersons,  // PersonService
  kBackup,       // AdminService.Backup (admin only)
  kAudit,        // AuditService: list audit events, verify the chain
  kRestrictCase, // SetCaseRestriction (need to know)
  kReviewRetention,  // ReviewCase (retention review)
  kEraseCase,    // AdminService.EraseCase (admin only)
  kAssignCase,   // AssignCase (then only for the case's team: core/chronology/case_ownership.h)
  kSupervise,    // approvals, tasking, reports (then only for their teams: core/access/supervision.h)
  kReadReports,  // ReportService: the inspection report and the cases behind it
};

struct Caller {
  std::string user;          // stable user id, recorded as author
  std::string display_name;  // "DC 4471 Hughes"
  Role role = Role::kInvestigator;
  // The client's address as the server saw it (grpc peer()); recorded in
  // the audit trail. Empty outside a call.
  std::string peer = {};
  // Teams the user belongs to ("cait", "eds"): a restricted case names the
  // users and teams that need to know it (core/access/need_to_know.h).
  std::vector<std::string> teams = {};
};

// "investigator", "out_of_hours", "operator", "auditor", "admin", "supervisor".
absl::string_view RoleName(Role role);
std::optional<Role> ParseRole(absl::string_view name);

// Team names: 1 to 63 of a-z, 0-9, '-', '_'.
bool IsValidTeamName(absl::string_view name);
// A user id as a request names one (a restriction's users, an owner): 1 to 63 of letters,
// digits, '-', '_', '.', '@'.
bool IsValidUserIdInRequest(absl::string_view user);

// "<role>" or "<role>:<team>[,<team>...]" (a tokens or users file's role
// column): the role and the teams. InvalidArgument saying what is wrong.
struct RoleAndTeams {
  Role role;
  std::vector<std::string> teams;
};
absl::StatusOr<RoleAndTeams> ParseRoleAndTeams(absl::string_view text);

// OK, or PermissionDenied naming the role and what it may not do.
absl::Status Authorize(const Caller& caller, Action action);

}  // namespace casefile

#endif  // CASEFILE_CORE_ACCESS_CALLER_H_
