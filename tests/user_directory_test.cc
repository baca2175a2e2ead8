#include "core/access/user_directory.h"

#include <sys/stat.h>

#include <cstdio>

#include "core/access/password_hash.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace casefile {
namespace {

using ::testing::ElementsAre;

// A well-formed hash (of "pw"); parsing does not check it against anything.
const std::string& Hash() {
  static const std::string hash = *HashPassword("pw");
  return hash;
}

TEST(UserDirectoryTest, ParsesUsersWithRoleTeamsAndDisplayName) {
  auto users = UserDirectory::Parse(
      "# people who sign in\n\n  hughes4471   " + Hash() + "  investigator:cait,pvp-east  DC 4471  Hughes \n" +
          "edt1\t" + Hash() + "\tout_of_hours\tEDT Officer\n",
      "users");
  ASSERT_TRUE(users.ok()) << users.status();
  EXPECT_EQ(users->size(), 2u);
  const UserAccount* hughes = users->Find("hughes4471");
  ASSERT_NE(hughes, nullptr);
  EXPECT_EQ(hughes->caller.user, "hughes4471");
  EXPECT_EQ(hughes->caller.display_name, "DC 4471  Hughes");
  EXPECT_EQ(hughes->caller.role, Role::kInvestigator);
  EXPECT_THAT(hughes->caller.teams, ElementsAre("cait", "pvp-east"));
  EXPECT_EQ(hughes->password_hash, Hash());
  EXPECT_TRUE(VerifyPassword(hughes->password_hash, "pw"));
  EXPECT_FALSE(VerifyPassword(hughes->password_hash, "pw "));
  EXPECT_EQ(users->Find("edt1")->caller.role, Role::kOutOfHours);
  EXPECT_EQ(users->Find("nobody"), nullptr);
}

TEST(UserDirectoryTest, ErrorsNameTheLineAndTheField) {
  auto error = [](const std::string& contents) {
    return std::string(UserDirectory::Parse(contents, "users").status().message());
  };
  EXPECT_EQ(error("\nhughes4471 secret investigator DC Hughes\n"),
            "users:2: field 2 (password hash): not an Argon2id hash (make one with 'casefile admin hash-password')");
  EXPECT_EQ(error("hughes4471\n"),
            "users:1: field 2 (password hash): missing; expected '<user> <hash> <role> <display name>'");
  EXPECT_EQ(error("hughes4471 " + Hash() + "\n"),
            "users:1: field 3 (role): missing; expected '<user> <hash> <role> <display name>'");
  EXPECT_EQ(error("hughes4471 " + Hash() + " detective DC Hughes\n"), "users:1: field 3 (role): unknown role 'detective'");
  EXPECT_EQ(error("hughes4471 " + Hash() + " investigator:CAIT DC Hughes\n"),
            "users:1: field 3 (role): team 'CAIT' is not a team name (a-z, 0-9, '-', '_'; 1 to 63 characters)");
  EXPECT_EQ(error("hughes4471 " + Hash() + " investigator\n"),
            "users:1: field 4 (display name): missing (e.g. 'DC 4471 Hughes')");
  EXPECT_EQ(error("hughes/4471 " + Hash() + " investigator DC Hughes\n"),
            "users:1: field 1 (user): not a user id (1 to 64 of a-z, A-Z, 0-9, '.', '-', '_')");
  EXPECT_EQ(error("a " + Hash() + " admin A\n# x\na " + Hash() + " admin A\n"),
            "users:3: field 1 (user): 'a' is listed twice");
  EXPECT_EQ(error("# nobody yet\n"), "users: no users defined");
}

TEST(UserDirectoryTest, LoadFileRefusesAFileOthersCanReadAndNamesAMissingOne) {
  const std::string path = ::testing::TempDir() + "/user_directory_test_users";
  {
    FILE* f = std::fopen(path.c_str(), "w");
    std::fputs(("a " + Hash() + " admin A\n").c_str(), f);
    std::fclose(f);
  }
  ASSERT_EQ(chmod(path.c_str(), 0640), 0);
  auto refused = UserDirectory::LoadFile(path);
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(refused.status().message(), "users file " + path +
                                            " is open to other users (mode 0640); it holds password hashes: run "
                                            "'chmod 600 " + path + "' and start again");
  ASSERT_EQ(chmod(path.c_str(), 0600), 0);
  EXPECT_TRUE(UserDirectory::LoadFile(path).ok());
  std::remove(path.c_str());
  EXPECT_EQ(UserDirectory::LoadFile(path).status().message(), "cannot read users file " + path);
}

}  // namespace
}  // namespace casefile
