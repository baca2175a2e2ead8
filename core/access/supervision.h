// Who supervises a team: the one rule for deciding approvals on a team's
// cases, holding its tasking meeting and reading its reports. Supervisors
// supervise the teams of their role column (`supervisor:pvp-east,cait`);
// admins supervise every team.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_CORE_ACCESS_SUPERVISION_H_
#define CASEFILE_CORE_ACCESS_SUPERVISION_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "core/access/caller.h"

namespace casefile {

// OK when `caller` supervises `team`; PermissionDenied naming the role, or
// the team, otherwise. An empty team (a case with none yet, or the whole
// unit) is supervised by admins only.
absl::Status MaySupervise(const Caller& caller, absl::string_view team);

// OK when `caller` may read the inspection report of `team` (empty: the
// whole unit): admins for any, supervisors for the teams they supervise.
absl::Status MayReadReports(const Caller& caller, absl::string_view team);

}  // namespace casefile

#endif  // CASEFILE_CORE_ACCESS_SUPERVISION_H_
