#include "core/chronology/case_ownership.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "google/protobuf/util/time_util.h"
#include "storage/case_write_index.h"

namespace casefile {
namespace {

std::string Who(absl::string_view owner, absl::string_view team) {
  return absl::StrCat("owner ", owner.empty() ? "(none)" : owner, ", team ", team.empty() ? "(none)" : team);
}

}  // namespace

void SetFirstOwner(const Caller& creator, v1::Case& c) {
  c.set_owner(creator.user);
  c.set_team(creator.teams.empty() ? "" : creator.teams.front());
}

absl::Status MarkCaseWritten(storage::LmdbTxn& txn, absl::string_view case_id, v1::Case& c, absl::Time now) {
  using google::protobuf::util::TimeUtil;
  const storage::WritePlace before = storage::WritePlaceOf(c);
  const google::protobuf::Timestamp at = TimeUtil::NanosecondsToTimestamp(absl::ToUnixNanos(now));
  if (!c.has_update_time() || c.update_time() < at) *c.mutable_update_time() = at;
  return storage::MoveCaseWritePlace(txn, case_id, before, storage::WritePlaceOf(c));
}

absl::StatusOr<std::string> Reassign(storage::LmdbTxn& txn, absl::string_view case_id, v1::Case& c,
                                     absl::string_view owner, absl::string_view team) {
  const storage::WritePlace before = storage::WritePlaceOf(c);
  const std::string was = Who(c.owner(), c.team());
  if (!owner.empty()) c.set_owner(std::string(owner));
  if (!team.empty()) c.set_team(std::string(team));
  if (c.owner() == before.owner && c.team() == before.team)
    return absl::InvalidArgumentError(absl::StrCat("owner: the case is already with ", was, "; nothing to change"));
  if (auto s = storage::MoveCaseWritePlace(txn, case_id, before, storage::WritePlaceOf(c)); !s.ok()) return s;
  return absl::StrCat("Assigned to ", Who(c.owner(), c.team()), ".\nBefore: ", was, ".");
}

absl::Status MayAssign(const Caller& caller, const v1::Case& c) {
  if (caller.role == Role::kAdmin) return absl::OkStatus();
  if (!c.team().empty() && std::find(caller.teams.begin(), caller.teams.end(), c.team()) != caller.teams.end())
    return absl::OkStatus();
  return absl::PermissionDeniedError(
      c.team().empty() ? absl::StrCat(c.name(), " has no team yet: an admin assigns it")
                       : absl::StrCat("only investigators of team ", c.team(), " (the case's) and admins may assign ",
                                      c.name()));
}

}  // namespace casefile
