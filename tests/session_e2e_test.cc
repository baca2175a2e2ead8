// Sign-in with a password (SessionService) against the real casefiled: a
// session reads like a token and is audited under its user, wrong passwords
// and unknown names get the same answer, repeated failures lock, sign-out
// ends the session, and a users file others can read is refused at start.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "casefile/v1/audit.grpc.pb.h"
#include "casefile/v1/session.grpc.pb.h"
#include "client/server_child.h"
#include "core/access/password_hash.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/casefiled_fixture.h"
#include "tests/support/cli_runner.h"

namespace casefile::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kPassword[] = "correct horse battery staple";

// Writes a users file (mode 0600) with hughes4471 (investigator, team cait)
// and edt1 (out of hours), both with kPassword; returns its path.
std::string WriteUsersFile(const std::string& dir) {
  const std::string path = dir + "/users";
  const std::string hash = *HashPassword(kPassword);
  std::ofstream(path) << "# sign-in users\n"
                      << "hughes4471 " << hash << " investigator:cait DC 4471 Hughes\n"
                      << "edt1 " << hash << " out_of_hours EDT Officer\n";
  fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write);
  return path;
}

// Each test starts casefiled with the users file and flags it needs.
class SessionE2eTest : public CasefiledTest {
 protected:
  void SetUp() override {}

  void Start(std::vector<std::string> flags = {}) {
    flags.push_back("--users=" + WriteUsersFile(dir_.path()));
    ASSERT_EQ(StartServer(flags), absl::OkStatus());
  }

  grpc::Status SignIn(const std::string& user, const std::string& password, v1::Session* session = nullptr,
                      const std::string& client_address = "", const std::string& token = "") {
    v1::SignInRequest request;
    request.set_user(user);
    request.set_password(password);
    request.set_client_address(client_address);
    v1::Session ignored;
    return sessions_->SignIn(Context(token).get(), request, session ? session : &ignored);
  }
  grpc::Status SignOut(const std::string& token) {
    v1::SignOutResponse response;
    return sessions_->SignOut(Context(token).get(), {}, &response);
  }
  grpc::Status GetCase(const std::string& name, const std::string& token) {
    v1::GetCaseRequest request;
    request.set_name(name);
    v1::Case c;
    return cases_->GetCase(Context(token).get(), request, &c);
  }
  std::string MakeCase() { return CreateCase(NewCase("Concern for Ellie WATSON")).name(); }
  // Audit events of `kind`, as "user|role|peer|outcome".
  std::vector<std::string> Events(const std::string& kind, const std::string& user = "") {
    v1::ListAuditEventsRequest request;
    request.set_kind(kind);
    request.set_user(user);
    v1::ListAuditEventsResponse response;
    grpc::Status s = audit_->ListAuditEvents(Context(kAuditorToken).get(), request, &response);
    EXPECT_TRUE(s.ok()) << s.error_message();
    std::vector<std::string> out;
    for (const v1::AuditEvent& e : response.audit_events()) {
      std::string peer = e.peer();
      // The client's port changes from run to run.
      if (absl::StartsWith(peer, "ipv4:127.0.0.1:")) peer = "ipv4:127.0.0.1:PORT";
      if (size_t via = peer.find(" via ipv4:127.0.0.1:"); via != std::string::npos)
        peer = peer.substr(0, via) + " via ipv4:127.0.0.1:PORT";
      out.push_back(absl::StrCat(e.user(), "|", e.role(), "|", peer, "|", e.outcome()));
    }
    return out;
  }
};

TEST_F(SessionE2eTest, SignInGivesASessionThatReadsAsTheUserAndIsAudited) {
  Start();
  const std::string case_name = MakeCase();
  v1::Session session;
  grpc::Status s = SignIn("hughes4471", kPassword, &session);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(session.token().size(), 43u);  // 256 bits, URL-safe base64
  EXPECT_EQ(session.token().find_first_not_of(
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
            std::string::npos);
  EXPECT_EQ(session.user(), "hughes4471");
  EXPECT_EQ(session.display_name(), "DC 4471 Hughes");
  EXPECT_EQ(session.role(), "investigator");
  EXPECT_THAT(session.teams(), ElementsAre("cait"));
  EXPECT_EQ(session.idle_timeout_seconds(), 15 * 60);
  EXPECT_GT(session.expire_time().seconds(), 0);

  s = GetCase(case_name, session.token());
  EXPECT_TRUE(s.ok()) << s.error_message();
  EXPECT_THAT(Events("SignIn"), ElementsAre("hughes4471|investigator|ipv4:127.0.0.1:PORT|OK"));
  EXPECT_THAT(Events("GetCase", "hughes4471"), ElementsAre("hughes4471|investigator|ipv4:127.0.0.1:PORT|OK"));
  // The role comes from the users file: out-of-hours staff may not create cases.
  v1::Session edt;
  ASSERT_TRUE(SignIn("edt1", kPassword, &edt).ok());
  v1::CreateCaseRequest create;
  create.mutable_case_()->set_title("x");
  v1::Case created;
  s = cases_->CreateCase(Context(edt.token()).get(), create, &created);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(s.error_message(), "role out_of_hours may not create cases");
}

TEST_F(SessionE2eTest, WrongPasswordAndUnknownUserGetTheSameAnswerAndAreAudited) {
  Start();
  grpc::Status wrong = SignIn("hughes4471", "not the password");
  grpc::Status unknown = SignIn("nobody", kPassword);
  EXPECT_EQ(wrong.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(unknown.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(wrong.error_message(), "wrong user name or password");
  // What the handler noted for the audit record never reaches the client.
  grpc::ClientContext context;
  v1::SignInRequest request;
  request.set_user("hughes4471");
  request.set_password("guess");
  v1::Session ignored;
  EXPECT_EQ(sessions_->SignIn(&context, request, &ignored).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(context.GetServerTrailingMetadata().count("casefile-audit-user"), 0u);
  EXPECT_EQ(context.GetServerTrailingMetadata().count("casefile-audit-peer"), 0u);
  EXPECT_EQ(unknown.error_message(), wrong.error_message());
  // A name not in the users file is not recorded: it may be a password.
  EXPECT_THAT(Events("SignIn"), ElementsAre("hughes4471|unknown|ipv4:127.0.0.1:PORT|UNAUTHENTICATED",
                                            "unknown|unknown|ipv4:127.0.0.1:PORT|UNAUTHENTICATED",
                                            "hughes4471|unknown|ipv4:127.0.0.1:PORT|UNAUTHENTICATED"));
  EXPECT_THAT(server_->Log(),
              HasSubstr("refused casefile.v1.SessionService/SignIn: UNAUTHENTICATED (user hughes4471, role unknown"));
  EXPECT_THAT(server_->Log(), ::testing::Not(HasSubstr("not the password")));
  EXPECT_EQ(SignIn("", kPassword).error_message(), "user: is required");
  EXPECT_EQ(SignIn("edt1", "").error_message(), "password: is required");
}

TEST_F(SessionE2eTest, RepeatedFailuresLockTheUserNameEvenForTheRightPassword) {
  Start({"--sign_in_max_failures=3", "--sign_in_lockout=10m"});
  for (int i = 0; i < 3; ++i) EXPECT_EQ(SignIn("hughes4471", "guess").error_code(), grpc::StatusCode::UNAUTHENTICATED);
  grpc::Status locked = SignIn("hughes4471", kPassword);
  EXPECT_EQ(locked.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(locked.error_message(), "too many failed sign-ins for this user name: try again in 10m");
  // An unknown name locks the same way (a lock tells nothing about who exists).
  for (int i = 0; i < 3; ++i) SignIn("nobody", "guess");
  EXPECT_EQ(SignIn("nobody", "guess").error_message(), "too many failed sign-ins for this user name: try again in 10m");
  // Another user is not locked by them.
  EXPECT_TRUE(SignIn("edt1", kPassword).ok());
  std::vector<std::string> events = Events("SignIn");
  ASSERT_EQ(events.size(), 9u);
  EXPECT_EQ(events[3], "hughes4471|unknown|ipv4:127.0.0.1:PORT|RESOURCE_EXHAUSTED");
}

TEST_F(SessionE2eTest, RepeatedFailuresFromOneAddressLockIt) {
  Start({"--sign_in_max_failures_per_address=4", "--sign_in_lockout=2m"});
  for (const char* user : {"a", "b", "c", "d"}) SignIn(user, "guess");
  grpc::Status locked = SignIn("edt1", kPassword);
  EXPECT_EQ(locked.error_code(), grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_EQ(locked.error_message(), "too many failed sign-ins from this address: try again in 2m");
}

TEST_F(SessionE2eTest, SignOutEndsTheSession) {
  Start();
  const std::string case_name = MakeCase();
  v1::Session session;
  ASSERT_TRUE(SignIn("hughes4471", kPassword, &session).ok());
  grpc::Status s = SignOut(session.token());
  EXPECT_TRUE(s.ok()) << s.error_message();
  s = GetCase(case_name, session.token());
  EXPECT_EQ(s.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(s.error_message(), "unknown token");
  EXPECT_EQ(SignOut(session.token()).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  // A service token has no session to end.
  EXPECT_EQ(SignOut(kInvestigatorToken).error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(SignOut("").error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_THAT(Events("SignOut"), ElementsAre("hughes4471|investigator|ipv4:127.0.0.1:PORT|OK",
                                             "unknown|unknown|ipv4:127.0.0.1:PORT|UNAUTHENTICATED",
                                             "inv1|investigator|ipv4:127.0.0.1:PORT|FAILED_PRECONDITION",
                                             "unknown|unknown|ipv4:127.0.0.1:PORT|UNAUTHENTICATED"));
}

// A watch opened with a session sends nothing once the session has ended: it
// ends at the next entry, UNAUTHENTICATED, without that entry.
TEST_F(SessionE2eTest, AWatchEndsWithItsSessionAndSendsNothingAfterSignOut) {
  Start();
  const std::string case_name = MakeCase();
  const auto append = [&](const std::string& text) {
    v1::AppendEntryRequest request;
    request.set_parent(case_name);
    request.mutable_entry()->set_kind(v1::ENTRY_KIND_NOTE);
    request.mutable_entry()->set_text(text);
    v1::Entry entry;
    grpc::Status s = cases_->AppendEntry(Context(kInvestigatorToken).get(), request, &entry);
    ASSERT_TRUE(s.ok()) << s.error_message();
  };
  append("seen while signed in");
  v1::Session session;
  ASSERT_TRUE(SignIn("hughes4471", kPassword, &session).ok());
  v1::WatchCaseRequest watch;
  watch.set_name(case_name);
  watch.set_purpose("watching overnight");
  auto context = Context(session.token());
  auto reader = cases_->WatchCase(context.get(), watch);
  v1::WatchCaseResponse batch;
  ASSERT_TRUE(reader->Read(&batch));
  ASSERT_EQ(batch.entries_size(), 1);
  EXPECT_EQ(batch.entries(0).text(), "seen while signed in");

  ASSERT_TRUE(SignOut(session.token()).ok());
  append("after sign-out: must not reach the watch");
  EXPECT_FALSE(reader->Read(&batch));
  grpc::Status ended = reader->Finish();
  EXPECT_EQ(ended.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(ended.error_message(), "session ended; sign in again");
}

TEST_F(SessionE2eTest, OnlyATrustedFrontEndRelaysTheClientAddress) {
  // op1 stands for casefile-web's service token here; edt1 is also listed,
  // but a person's session never relays.
  Start({"--trusted_frontend_users=op1,edt1", "--sign_in_max_failures_per_address=2"});
  v1::Session edt_session;
  ASSERT_TRUE(SignIn("edt1", kPassword, &edt_session).ok());
  EXPECT_EQ(SignIn("edt1", kPassword, nullptr, "203.0.113.7", edt_session.token()).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  grpc::Status s = SignIn("edt1", kPassword, nullptr, "203.0.113.7");
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_THAT(s.error_message(), HasSubstr("client_address: only a trusted front end may relay a sign-in"));
  EXPECT_EQ(SignIn("edt1", kPassword, nullptr, "203.0.113.7", kInvestigatorToken).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  s = SignIn("edt1", kPassword, nullptr, "203.0.113.7", kOperatorToken);
  EXPECT_TRUE(s.ok()) << s.error_message();
  // The relayed address is what the per-address lock counts.
  SignIn("x", "guess", nullptr, "198.51.100.9", kOperatorToken);
  SignIn("y", "guess", nullptr, "198.51.100.9", kOperatorToken);
  EXPECT_EQ(SignIn("edt1", kPassword, nullptr, "198.51.100.9", kOperatorToken).error_code(),
            grpc::StatusCode::RESOURCE_EXHAUSTED);
  EXPECT_TRUE(SignIn("edt1", kPassword, nullptr, "203.0.113.7", kOperatorToken).ok());
  EXPECT_TRUE(SignIn("edt1", kPassword).ok());
  std::vector<std::string> events = Events("SignIn", "edt1");
  EXPECT_THAT(events, ElementsAre("edt1|out_of_hours|ipv4:127.0.0.1:PORT|OK",
                                  "edt1|out_of_hours|203.0.113.7 via ipv4:127.0.0.1:PORT|OK",
                                  "edt1|unknown|198.51.100.9 via ipv4:127.0.0.1:PORT|RESOURCE_EXHAUSTED",
                                  "edt1|out_of_hours|203.0.113.7 via ipv4:127.0.0.1:PORT|OK",
                                  "edt1|out_of_hours|ipv4:127.0.0.1:PORT|OK"));
}

// Waits (up to 30 s) until the server's log holds `text` `times` times.
bool LogShows(const CasefiledProcess& server, const std::string& text, int times) {
  for (int i = 0; i < 300; ++i) {
    const std::string log = server.Log();
    int found = 0;
    for (size_t at = log.find(text); at != std::string::npos; at = log.find(text, at + 1)) ++found;
    if (found >= times) return true;
    usleep(100'000);
  }
  return false;
}

TEST_F(SessionE2eTest, SighupReloadsTheUsersFileAndEndsSessionsOfRemovedOrChangedUsers) {
  Start();
  const std::string case_name = MakeCase();
  v1::Session hughes, edt;
  ASSERT_TRUE(SignIn("hughes4471", kPassword, &hughes).ok());
  ASSERT_TRUE(SignIn("edt1", kPassword, &edt).ok());
  const std::string users = dir_.path() + "/users";
  const std::string hash = *HashPassword("ward password");
  {
    std::string kept = client::ReadWholeFile(users);
    kept = kept.substr(kept.find("edt1 "));  // hughes4471 leaves
    std::ofstream(users) << kept << "ward7 " << hash << " out_of_hours Ward Seven\n";
  }
  kill(server_->pid(), SIGHUP);
  ASSERT_TRUE(LogShows(*server_, "users file " + users + " reloaded: 2 users; 1 sessions", 1)) << server_->Log();
  EXPECT_TRUE(SignIn("ward7", "ward password").ok());
  EXPECT_EQ(SignIn("hughes4471", kPassword).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_EQ(GetCase(case_name, hughes.token()).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  EXPECT_TRUE(GetCase(case_name, edt.token()).ok());

  // A file that does not load leaves sign-in as it was.
  fs::permissions(users, fs::perms::others_read, fs::perm_options::add);
  kill(server_->pid(), SIGHUP);
  ASSERT_TRUE(LogShows(*server_, "SIGHUP: users file not reloaded, sign-in goes on with the users it had", 1))
      << server_->Log();
  EXPECT_TRUE(SignIn("ward7", "ward password").ok());
  EXPECT_TRUE(GetCase(case_name, edt.token()).ok());
}

TEST_F(SessionE2eTest, WithoutAUsersFileSignInIsNotSetUp) {
  ASSERT_EQ(StartServer(), absl::OkStatus());
  grpc::Status s = SignIn("edt1", kPassword);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(s.error_message(), "sign-in with a password is not set up on this server (casefiled --users)");
}

TEST_F(SessionE2eTest, AUsersFileOthersCanReadIsRefusedAtStart) {
  const std::string users = WriteUsersFile(dir_.path());
  fs::permissions(users, fs::perms::others_read, fs::perm_options::add);
  auto started = CasefiledProcess::Start(dir_.path(), {"--users=" + users});
  ASSERT_FALSE(started.ok());
  EXPECT_THAT(client::ReadWholeFile(dir_.path() + "/server.log"),
              HasSubstr(absl::StrCat("users file ", users, " is open to other users (mode 0604); it holds password "
                                     "hashes: run 'chmod 600 ", users, "' and start again")));
  // A malformed line is refused naming the line and the field.
  std::ofstream(users) << "hughes4471 secret investigator DC Hughes\n";
  fs::permissions(users, fs::perms::owner_read | fs::perms::owner_write);
  started = CasefiledProcess::Start(dir_.path(), {"--users=" + users});
  ASSERT_FALSE(started.ok());
  EXPECT_THAT(client::ReadWholeFile(dir_.path() + "/server.log"),
              HasSubstr(absl::StrCat(users, ":1: field 2 (password hash): not an Argon2id hash")));
}

TEST_F(SessionE2eTest, CliLoginKeepsTheSessionForLaterCommandsAndLogoutEndsIt) {
  Start();
  const std::string case_name = MakeCase();
  const std::string config = dir_.path() + "/config";
  const std::string env = "XDG_CONFIG_HOME=" + config;
  const std::string session_file = config + "/casefile/session";

  CliRun wrong = RunCasefileCliWithInput(*server_, "login --user hughes4471 --password-stdin", env, "guess\n");
  EXPECT_EQ(wrong.exit_code, 1) << wrong.out;
  EXPECT_EQ(wrong.out, "error: UNAUTHENTICATED: wrong user name or password\n");
  EXPECT_FALSE(fs::exists(session_file));

  CliRun login = RunCasefileCliWithInput(*server_, "login --user hughes4471 --password-stdin", env,
                                         std::string(kPassword) + "\n");
  ASSERT_EQ(login.exit_code, 0) << login.out;
  EXPECT_THAT(login.out, HasSubstr("signed in as hughes4471 (DC 4471 Hughes, investigator, teams cait) until "));
  EXPECT_THAT(login.out, HasSubstr(", or 15m unused\nsession kept in " + session_file));
  EXPECT_EQ(fs::status(session_file).permissions(), fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_EQ(fs::status(config + "/casefile").permissions(), fs::perms::owner_all);
  const std::string stored = client::ReadWholeFile(session_file);
  EXPECT_THAT(stored, HasSubstr("server " + server_->address() + "\nuser hughes4471\n"));

  // Later commands without a token read as the signed-in user.
  CliRun show = RunCasefileCliWithInput(*server_, "case get " + case_name.substr(6), env, "");
  EXPECT_EQ(show.exit_code, 0) << show.out;
  EXPECT_THAT(show.out, HasSubstr("Concern for Ellie WATSON"));
  EXPECT_THAT(Events("GetCase", "hughes4471"), ElementsAre("hughes4471|investigator|ipv4:127.0.0.1:PORT|OK"));

  // Signing in again ends the session it replaces.
  CliRun relogin = RunCasefileCliWithInput(*server_, "login --user hughes4471 --password-stdin", env,
                                           std::string(kPassword) + "\n");
  ASSERT_EQ(relogin.exit_code, 0) << relogin.out;
  const std::string first_token = stored.substr(stored.find("\ntoken ") + 7, 43);
  EXPECT_EQ(GetCase(case_name, first_token).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  const std::string restored = client::ReadWholeFile(session_file);
  EXPECT_NE(restored, stored);

  // A session for another server is not sent to this one.
  const std::string other_config = dir_.path() + "/other-config";
  fs::create_directories(other_config + "/casefile");
  fs::permissions(other_config + "/casefile", fs::perms::owner_all);
  {
    std::string other = restored;
    other.replace(other.find("server ") + 7, server_->address().size(), "127.0.0.1:1");
    std::ofstream(other_config + "/casefile/session") << other;
    fs::permissions(other_config + "/casefile/session", fs::perms::owner_read | fs::perms::owner_write);
  }
  CliRun elsewhere =
      RunCasefileCliWithInput(*server_, "case get " + case_name.substr(6), "XDG_CONFIG_HOME=" + other_config, "");
  EXPECT_EQ(elsewhere.exit_code, 1);
  EXPECT_THAT(elsewhere.out, HasSubstr("casefile: the session of 'casefile login' is for server 127.0.0.1:1, not " +
                                       server_->address() + ": not used\n"));

  // A session file others can read is not used.
  fs::permissions(session_file, fs::perms::group_read, fs::perm_options::add);
  CliRun open = RunCasefileCliWithInput(*server_, "case get " + case_name.substr(6), env, "");
  EXPECT_EQ(open.exit_code, 1);
  EXPECT_THAT(open.out, HasSubstr("casefile: session file " + session_file +
                                  " is open to other users or not yours (mode 0640): not used"));
  EXPECT_THAT(open.out, HasSubstr("error: UNAUTHENTICATED: missing 'authorization: Bearer <token>' metadata"));
  fs::permissions(session_file, fs::perms::group_read, fs::perm_options::remove);

  CliRun logout = RunCasefileCliWithInput(*server_, "logout", env, "");
  EXPECT_EQ(logout.exit_code, 0) << logout.out;
  EXPECT_EQ(logout.out, "signed out hughes4471; removed " + session_file + "\n");
  EXPECT_FALSE(fs::exists(session_file));
  EXPECT_THAT(Events("SignOut"), ElementsAre("hughes4471|investigator|ipv4:127.0.0.1:PORT|OK",
                                             "hughes4471|investigator|ipv4:127.0.0.1:PORT|OK"));
  // The token, kept by someone who copied the file, is refused.
  const std::string token = restored.substr(restored.find("\ntoken ") + 7, 43);
  EXPECT_EQ(GetCase(case_name, token).error_code(), grpc::StatusCode::UNAUTHENTICATED);
  CliRun again = RunCasefileCliWithInput(*server_, "logout", env, "");
  EXPECT_EQ(again.out, "not signed in (no " + session_file + ")\n");
}

TEST_F(SessionE2eTest, CliHashPasswordMakesAHashTheServerAccepts) {
  Start();  // hash-password needs none; the runner names one
  const std::string users = dir_.path() + "/new-users";
  CliRun hash = RunCasefileCliWithInput(*server_, "admin hash-password", "", "a new password\n");
  ASSERT_EQ(hash.exit_code, 0) << hash.out;
  ASSERT_TRUE(absl::StartsWith(hash.out, "$argon2id$v=19$m=65536,t=2,p=1$")) << hash.out;
  std::ofstream(users) << "ward7 " << hash.out.substr(0, hash.out.size() - 1) << " out_of_hours EDT Ward\n";
  fs::permissions(users, fs::perms::owner_read | fs::perms::owner_write);
  fs::create_directories(dir_.path() + "/second");
  auto started = CasefiledProcess::Start(dir_.path() + "/second", {"--users=" + users});
  ASSERT_TRUE(started.ok()) << started.status();
  server_ = *std::move(started);
  sessions_ = v1::SessionService::NewStub(server_->channel());
  EXPECT_TRUE(SignIn("ward7", "a new password").ok());
  EXPECT_EQ(SignIn("ward7", "a new password ").error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

}  // namespace
}  // namespace casefile::testing
