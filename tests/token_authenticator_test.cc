#include "services/token_authenticator.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "tests/scratch_dir.h"

namespace casefile {
namespace {

constexpr char kGoodFile[] =
    "# casefile tokens: <token> <user> <role> <display name...>\n"
    "tok-investigator-0001 dc4471 investigator:cait,pvp-east DC 4471 Hughes\n"
    "\n"
    "   # an indented comment\n"
    "tok-out-of-hours-0002\tooh01\tout_of_hours\n"
    "tok-operator-00000003 op01 operator  Migration   Operator  \n"
    "tok-auditor-000000004 aud01 auditor Auditor\r\n"
    "tok-admin-00000000005 root admin Administrator\n";

TEST(TokenAuthenticatorTest, ParsesAGoodFile) {
  auto auth = TokenAuthenticator::Parse(kGoodFile, "tokens.txt");
  ASSERT_TRUE(auth.ok()) << auth.status();
  EXPECT_EQ(auth->size(), 5u);

  auto dc = auth->AuthenticateToken("tok-investigator-0001");
  ASSERT_TRUE(dc.ok()) << dc.status();
  EXPECT_EQ(dc->user, "dc4471");
  EXPECT_EQ(dc->display_name, "DC 4471 Hughes");
  EXPECT_EQ(dc->role, Role::kInvestigator);
  EXPECT_EQ(dc->teams, (std::vector<std::string>{"cait", "pvp-east"}));

  auto ooh = auth->AuthenticateToken("tok-out-of-hours-0002");
  ASSERT_TRUE(ooh.ok());
  EXPECT_EQ(ooh->user, "ooh01");
  EXPECT_EQ(ooh->display_name, "ooh01");  // no display name: the user id
  EXPECT_EQ(ooh->role, Role::kOutOfHours);
  EXPECT_TRUE(ooh->teams.empty());

  auto op = auth->AuthenticateToken("tok-operator-00000003");
  ASSERT_TRUE(op.ok());
  EXPECT_EQ(op->display_name, "Migration   Operator");  // inner spacing kept, ends trimmed
  EXPECT_EQ(op->role, Role::kOperator);

  auto aud = auth->AuthenticateToken("tok-auditor-000000004");
  ASSERT_TRUE(aud.ok());
  EXPECT_EQ(aud->display_name, "Auditor");  // CRLF line ending
  EXPECT_EQ(aud->role, Role::kAuditor);
  EXPECT_EQ(auth->AuthenticateToken("tok-admin-00000000005")->role, Role::kAdmin);
}

// Columns aligned with several spaces or tabs are still columns.
TEST(TokenAuthenticatorTest, FieldsMayBeSeparatedByRunsOfWhitespace) {
  auto auth = TokenAuthenticator::Parse(
      "tok-investigator-0001   dc4471 \t investigator    DC 4471 Hughes\n"
      "tok-auditor-000000004\t\taud01\t\tauditor\n",
      "tokens.txt");
  ASSERT_TRUE(auth.ok()) << auth.status();
  auto dc = auth->AuthenticateToken("tok-investigator-0001");
  ASSERT_TRUE(dc.ok());
  EXPECT_EQ(dc->user, "dc4471");
  EXPECT_EQ(dc->role, Role::kInvestigator);
  EXPECT_EQ(dc->display_name, "DC 4471 Hughes");
  auto aud = auth->AuthenticateToken("tok-auditor-000000004");
  ASSERT_TRUE(aud.ok());
  EXPECT_EQ(aud->user, "aud01");
  EXPECT_EQ(aud->display_name, "aud01");
}

TEST(TokenAuthenticatorTest, UnknownTokenIsUnauthenticated) {
  auto auth = TokenAuthenticator::Parse(kGoodFile, "tokens.txt");
  ASSERT_TRUE(auth.ok());
  EXPECT_EQ(auth->AuthenticateToken("tok-nobody-000000000").status(),
            absl::UnauthenticatedError("unknown token"));
  EXPECT_EQ(auth->AuthenticateToken("").status(), absl::UnauthenticatedError("unknown token"));
  // Tokens are compared exactly.
  EXPECT_FALSE(auth->AuthenticateToken("TOK-INVESTIGATOR-0001").ok());
  EXPECT_FALSE(auth->AuthenticateToken("tok-investigator-000").ok());
}

TEST(TokenAuthenticatorTest, MalformedLinesNameSourceAndLine) {
  struct Case {
    const char* contents;
    const char* error;
  };
  for (const Case& c : {
           Case{"tok-investigator-0001 dc4471\n",
                "tokens.txt:1: expected '<token> <user> <role> [display name]'"},
           Case{"# header\n\ntok-investigator-0001\n",
                "tokens.txt:3: expected '<token> <user> <role> [display name]'"},
           Case{"tok-investigator-0001 dc4471 superuser Hughes\n",
                "tokens.txt:1: unknown role 'superuser'"},
           Case{"tok-investigator-0001 dc4471 Investigator\n",
                "tokens.txt:1: unknown role 'Investigator'"},
           Case{"tok-investigator-0001 dc4471 investigator:CAIT\n",
                "tokens.txt:1: team 'CAIT' is not a team name (a-z, 0-9, '-', '_'; 1 to 63 "
                "characters)"},
           Case{"tok-investigator-0001 dc4471 investigator:cait,\n",
                "tokens.txt:1: team '' is not a team name (a-z, 0-9, '-', '_'; 1 to 63 "
                "characters)"},
           Case{"tok-investigator-0001 dc4471 chief:cait\n", "tokens.txt:1: unknown role 'chief'"},
           Case{"tok-investigator-0001 dc4471 investigator\nshort dc2 investigator\n",
                "tokens.txt:2: token is shorter than 16 characters"},
           Case{"tok-investigator-0001 dc4471 investigator\n"
                "tok-investigator-0001 dc9999 admin\n",
                "tokens.txt:2: duplicate token"},
           Case{"", "tokens.txt: no tokens defined"},
           Case{"# only comments\n\n   \n", "tokens.txt: no tokens defined"},
       }) {
    auto auth = TokenAuthenticator::Parse(c.contents, "tokens.txt");
    EXPECT_EQ(auth.status(), absl::InvalidArgumentError(c.error)) << c.contents;
  }
}

TEST(TokenAuthenticatorTest, SixteenCharacterTokenIsLongEnough) {
  auto auth = TokenAuthenticator::Parse("0123456789abcdef u1 auditor\n", "t");
  ASSERT_TRUE(auth.ok()) << auth.status();
  EXPECT_TRUE(auth->AuthenticateToken("0123456789abcdef").ok());
  EXPECT_EQ(TokenAuthenticator::Parse("0123456789abcde u1 auditor\n", "t").status(),
            absl::InvalidArgumentError("t:1: token is shorter than 16 characters"));
}

TEST(TokenAuthenticatorTest, LoadFileReadsAndNamesThePath) {
  ScratchDir dir;
  const std::string good = dir.Sub("tokens.txt");
  std::ofstream(good) << kGoodFile;
  std::filesystem::permissions(good, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  auto auth = TokenAuthenticator::LoadFile(good);
  ASSERT_TRUE(auth.ok()) << auth.status();
  EXPECT_EQ(auth->size(), 5u);

  const std::string bad = dir.Sub("bad.txt");
  std::ofstream(bad) << "# x\ntok-investigator-0001 dc4471 chief\n";
  std::filesystem::permissions(bad, std::filesystem::perms::owner_read);
  EXPECT_EQ(TokenAuthenticator::LoadFile(bad).status(),
            absl::InvalidArgumentError(bad + ":2: unknown role 'chief'"));

  const std::string missing = dir.Sub("missing.txt");
  EXPECT_EQ(TokenAuthenticator::LoadFile(missing).status(),
            absl::NotFoundError("cannot read tokens file " + missing));
}

// Tokens are passwords: any access for group or others refuses the file,
// with the command that fixes it.
TEST(TokenAuthenticatorTest, LoadFileRefusesAFileOthersCanReach) {
  ScratchDir dir;
  const std::string path = dir.Sub("tokens");
  std::ofstream(path) << kGoodFile;
  for (auto [mode, shown] : {std::pair{0644, "0644"}, std::pair{0640, "0640"},
                             std::pair{0604, "0604"}, std::pair{0602, "0602"},
                             std::pair{0620, "0620"}}) {
    ASSERT_EQ(chmod(path.c_str(), mode), 0);
    EXPECT_EQ(TokenAuthenticator::LoadFile(path).status(),
              absl::FailedPreconditionError(absl::StrCat(
                  "tokens file ", path, " is open to other users (mode ", shown,
                  "); it holds passwords: run 'chmod 600 ", path, "' and start again")))
        << shown;
  }
  for (int mode : {0600, 0400}) {
    ASSERT_EQ(chmod(path.c_str(), mode), 0);
    EXPECT_TRUE(TokenAuthenticator::LoadFile(path).ok()) << mode;
  }
}

// A session token from SignIn is accepted like a file token until it ends.
TEST(TokenAuthenticatorTest, AcceptsLiveSessionTokens) {
  auto auth = TokenAuthenticator::Parse(kGoodFile, "tokens.txt");
  ASSERT_TRUE(auth.ok()) << auth.status();
  absl::Time now = absl::FromUnixSeconds(1'800'000'000);
  SessionTable sessions({.idle_timeout = absl::Minutes(15), .max_age = absl::Hours(8)}, [&now] { return now; });
  const std::string token =
      sessions.Open(Caller{"hughes4471", "DC 4471 Hughes", Role::kOutOfHours, "", {"eds"}}).token;
  EXPECT_EQ(auth->AuthenticateToken(token).status().message(), "unknown token");  // not yet accepted
  auth->AcceptSessions(&sessions);
  auto caller = auth->AuthenticateToken(token);
  ASSERT_TRUE(caller.ok()) << caller.status();
  EXPECT_EQ(caller->user, "hughes4471");
  EXPECT_EQ(caller->role, Role::kOutOfHours);
  EXPECT_EQ(caller->teams, std::vector<std::string>{"eds"});
  EXPECT_TRUE(auth->AuthenticateToken("tok-investigator-0001").ok());  // file tokens still work
  EXPECT_EQ(auth->AuthenticateToken("no-such-token-at-all").status().message(), "unknown token");
  now += absl::Minutes(15);
  EXPECT_EQ(auth->AuthenticateToken(token).status().message(),
            "session ended: unused for longer than the idle timeout; sign in again");
  EXPECT_EQ(auth->AuthenticateToken(token).status().message(), "unknown token");
}

}  // namespace
}  // namespace casefile
