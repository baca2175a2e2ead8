// TaskingAgenda: a team's daily tasking meeting, read from indexes kept on
// write — the team's cases by last write (storage/case_write_index.h), the
// attention index — never by reading every entry: the cases written since
// the last meeting (with how many entries each got), the approvals waiting,
// what needs attention in the team's cases, and the open cases with no write
// for some days. The meeting's time is kept per team (MarkHeld).
// Supervisors of the team and admins (core/access/supervision.h); each read
// is audited (GetTasking, naming the cases on the agenda).
//
// Thread-safe.
#ifndef CASEFILE_CORE_CHRONOLOGY_TASKING_H_
#define CASEFILE_CORE_CHRONOLOGY_TASKING_H_

#include "casefile/v1/supervision_service.pb.h"
#include "core/access/caller.h"
#include "core/audit/audit_trail.h"
#include "core/safeguarding/attention_lists.h"
#include "storage/store.h"

namespace casefile {

class TaskingAgenda {
 public:
  // All must outlive this object.
  TaskingAgenda(storage::Store* store, Clock clock, const AttentionLists* attention);

  void Get(const Caller& caller, const v1::GetTaskingRequest& request, Reply<v1::Tasking> reply);
  // Records the meeting as held now; replies with the agenda from now.
  void MarkHeld(const Caller& caller, const v1::MarkTaskingHeldRequest& request, Reply<v1::Tasking> reply);

 private:
  absl::StatusOr<v1::Tasking> Read(const Caller& caller, const v1::GetTaskingRequest& request) const;

  storage::Store* const store_;
  const Clock clock_;
  const AttentionLists* const attention_;
  AuditTrail audit_;
};

}  // namespace casefile

#endif  // CASEFILE_CORE_CHRONOLOGY_TASKING_H_
