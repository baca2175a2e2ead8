#include "core/access/caller.h"
#include "core/access/supervision.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace casefile {
namespace {

constexpr Role kRoles[] = {Role::kInvestigator, Role::kOutOfHours, Role::kOperator,
                           Role::kAuditor, Role::kAdmin, Role::kSupervisor};
constexpr Action kActions[] = {Action::kReadCase, Action::kCreateCase, Action::kWriteEntry,
                               Action::kImport,   Action::kReview,     Action::kReadPersons};

TEST(CallerTest, RoleNamesRoundTrip) {
  EXPECT_EQ(RoleName(Role::kInvestigator), "investigator");
  EXPECT_EQ(RoleName(Role::kOutOfHours), "out_of_hours");
  EXPECT_EQ(RoleName(Role::kOperator), "operator");
  EXPECT_EQ(RoleName(Role::kAuditor), "auditor");
  EXPECT_EQ(RoleName(Role::kAdmin), "admin");
  EXPECT_EQ(RoleName(Role::kSupervisor), "supervisor");
  for (Role r : kRoles) EXPECT_EQ(ParseRole(RoleName(r)), r);
  EXPECT_EQ(ParseRole("Investigator"), std::nullopt);
  EXPECT_EQ(ParseRole(""), std::nullopt);
  EXPECT_EQ(ParseRole("root"), std::nullopt);
}

// The whole permission table, role by role, in the order of kActions:
// read, create, write, import, review, persons.
TEST(CallerTest, EveryRoleAgainstEveryAction) {
  const std::vector<std::pair<Role, std::string>> table = {
      {Role::kInvestigator, "RCW--P"}, {Role::kOutOfHours, "R----P"},
      {Role::kOperator, "R--IVP"},     {Role::kAuditor, "R----P"},
      {Role::kAdmin, "RCWIVP"},        {Role::kSupervisor, "RCW--P"},
  };
  const char* what[] = {"read case files",       "create cases",        "write chronology entries",
                        "import legacy records", "decide review items", "search persons"};
  for (const auto& [role, allowed] : table) {
    Caller caller{"u1", "User One", role};
    for (int a = 0; a < 6; ++a) {
      SCOPED_TRACE(absl::StrCat(RoleName(role), " ", what[a]));
      absl::Status s = Authorize(caller, kActions[a]);
      if (allowed[a] != '-') {
        EXPECT_TRUE(s.ok()) << s;
      } else {
        EXPECT_EQ(s, absl::PermissionDeniedError(
                         absl::StrCat("role ", RoleName(role), " may not ", what[a])));
      }
    }
  }
}

}  // namespace
}  // namespace casefile

namespace casefile {
namespace {

// Supervising is the supervisor's (and admin's) alone, and only of their own teams.
TEST(CallerTest, SupervisorsSuperviseTheirTeamsOnly) {
  const Caller supervisor{"sup1", "DS One", Role::kSupervisor, "", {"cait", "pvp-east"}};
  EXPECT_TRUE(Authorize(supervisor, Action::kAssignCase).ok());  // an investigator's actions too
  EXPECT_EQ(Authorize(supervisor, Action::kImport),
            absl::PermissionDeniedError("role supervisor may not import legacy records"));
  EXPECT_TRUE(MaySupervise(supervisor, "cait").ok());
  EXPECT_TRUE(MaySupervise(supervisor, "pvp-east").ok());
  EXPECT_EQ(MaySupervise(supervisor, "eds"),
            absl::PermissionDeniedError("only supervisors of team eds and admins may supervise it"));
  EXPECT_EQ(MaySupervise(supervisor, ""), absl::PermissionDeniedError("only admins supervise cases with no team"));
  const Caller investigator{"inv1", "DC One", Role::kInvestigator, "", {"cait"}};
  EXPECT_EQ(MaySupervise(investigator, "cait"),
            absl::PermissionDeniedError("role investigator may not supervise teams"));
  const Caller admin{"adm1", "Admin", Role::kAdmin};
  EXPECT_TRUE(MaySupervise(admin, "cait").ok());
  EXPECT_TRUE(MaySupervise(admin, "").ok());
}

}  // namespace
}  // namespace casefile
