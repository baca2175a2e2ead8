#include "core/access/need_to_know.h"

#include <algorithm>
#include <set>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "core/input/resource_names.h"
#include "storage/case_tables.h"

namespace casefile {
namespace {

constexpr int kMaxNamed = 100;

}  // namespace

bool MayKnow(const Caller& caller, const v1::Case& c) {
  if (!c.has_restriction() || caller.role == Role::kAdmin) return true;
  const v1::CaseRestriction& r = c.restriction();
  if (std::find(r.users().begin(), r.users().end(), caller.user) != r.users().end()) return true;
  for (const std::string& team : caller.teams) {
    if (std::find(r.teams().begin(), r.teams().end(), team) != r.teams().end()) return true;
  }
  return false;
}

absl::Status ValidateRestriction(const v1::CaseRestriction& restriction, absl::string_view field) {
  if (restriction.users().empty() && restriction.teams().empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": names no user or team; leave it unset for an unrestricted case"));
  }
  if (restriction.users_size() > kMaxNamed || restriction.teams_size() > kMaxNamed)
    return absl::InvalidArgumentError(absl::StrCat(field, ": at most ", kMaxNamed, " users and ", kMaxNamed, " teams"));
  std::set<absl::string_view> seen;
  for (int i = 0; i < restriction.users_size(); ++i) {
    const std::string& user = restriction.users(i);
    if (!IsValidUserIdInRequest(user))
      return absl::InvalidArgumentError(absl::StrCat(field, ".users[", i, "]: not a user id (letters, digits, '-', '_', '.', '@'; 1 to 63 characters)"));
    if (!seen.insert(user).second)
      return absl::InvalidArgumentError(absl::StrCat(field, ".users[", i, "]: named twice"));
  }
  seen.clear();
  for (int i = 0; i < restriction.teams_size(); ++i) {
    const std::string& team = restriction.teams(i);
    if (!IsValidTeamName(team))
      return absl::InvalidArgumentError(absl::StrCat(field, ".teams[", i, "]: not a team name (a-z, 0-9, '-', '_'; 1 to 63 characters)"));
    if (!seen.insert(team).second)
      return absl::InvalidArgumentError(absl::StrCat(field, ".teams[", i, "]: named twice"));
  }
  return absl::OkStatus();
}

absl::StatusOr<v1::Case> LoadKnownCase(const storage::LmdbTxn& txn, const Caller& caller,
                                       absl::string_view case_id) {
  auto c = storage::LoadCase(txn, case_id);
  if (!c.ok()) return c.status();
  if (!c->has_value() || !MayKnow(caller, **c))
    return absl::NotFoundError(absl::StrCat(CaseName(case_id), " not found"));
  return **std::move(c);
}

absl::StatusOr<bool> CaseVisibility::Knows(absl::string_view case_name) {
  if (auto it = known_.find(case_name); it != known_.end()) return it->second;
  bool knows = false;
  if (absl::StartsWith(case_name, "cases/")) {
    auto c = storage::LoadCase(txn_, case_name.substr(6));
    if (!c.ok()) return c.status();
    knows = c->has_value() && MayKnow(caller_, **c);
  }
  known_.emplace(case_name, knows);
  return knows;
}

}  // namespace casefile
