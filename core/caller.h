// Caller: who is making a request, as established by authentication, and the
// one table of which role may do what.
//
// Thread-safe: value type and pure functions.
#ifndef CASEFILE_CORE_CALLER_H_
#define CASEFILE_CORE_CALLER_H_

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace casefile {

enum class Role { kInvestigator, kOutOfHours, kOperator, kAuditor, kAdmin };

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
};

struct Caller {
  std::string user;          // stable user id, recorded as author
  std::string display_name;  // "DC 4471 Hughes"
  Role role = Role::kInvestigator;
  // The client's address as the server saw it (grpc peer()); recorded in
  // the audit trail. Empty outside a call.
  std::string peer = {};
};

// "investigator", "out_of_hours", "operator", "auditor", "admin".
absl::string_view RoleName(Role role);
std::optional<Role> ParseRole(absl::string_view name);

// OK, or PermissionDenied naming the role and what it may not do.
absl::Status Authorize(const Caller& caller, Action action);

}  // namespace casefile

#endif  // CASEFILE_CORE_CALLER_H_
