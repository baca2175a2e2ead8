// End-to-end tests of AdminService.Backup: an online backup taken while
// appends go on, restored into a new data folder as BUILD.md describes, holds
// every case file exactly as it was at one moment (a consistent prefix of the
// writes); and only admins may take one.
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

#include <google/protobuf/util/message_differencer.h>
#include <google/protobuf/util/time_util.h>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "casefile/v1/admin.grpc.pb.h"
#include "casefile/v1/audit.grpc.pb.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/casefiled_fixture.h"
#include "tests/support/cli_runner.h"
#include "tests/support/import_client.h"

namespace casefile::testing {
namespace {

namespace fs = std::filesystem;
using ::google::protobuf::util::MessageDifferencer;
using ::testing::HasSubstr;

const std::string kSample = CASEFILE_SOURCE_DIR "/tests/data/legacy/sample";

// Of the original or of the restored server.
CaseFile GetCaseFile(const CasefiledProcess& server, const std::string& name) {
  return ReadCaseFile(*server.CaseStub(), name, "backup check");
}

std::vector<std::string> ListCaseNames(const CasefiledProcess& server) {
  std::vector<std::string> names;
  v1::ListCasesRequest request;
  request.set_page_size(1000);
  while (true) {
    v1::ListCasesResponse response;
    grpc::Status status = server.CaseStub()->ListCases(
        CasefiledProcess::Context(kInvestigatorToken).get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    for (const v1::Case& c : response.cases()) names.push_back(c.name());
    if (!status.ok() || response.next_page_token().empty()) break;
    request.set_page_token(response.next_page_token());
  }
  return names;
}

// Every audit event, oldest first, as the auditor sees them.
std::vector<v1::AuditEvent> AuditEvents(const CasefiledProcess& server, const std::string& kind = "") {
  auto stub = v1::AuditService::NewStub(server.channel());
  std::vector<v1::AuditEvent> events;
  v1::ListAuditEventsRequest request;
  request.set_kind(kind);
  request.set_page_size(1000);
  while (true) {
    v1::ListAuditEventsResponse response;
    grpc::Status status = stub->ListAuditEvents(CasefiledProcess::Context(kAuditorToken).get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    events.insert(events.end(), response.audit_events().begin(), response.audit_events().end());
    if (!status.ok() || response.next_page_token().empty()) break;
    request.set_page_token(response.next_page_token());
  }
  return events;
}

v1::VerifyAuditLogResponse VerifyAuditLog(const CasefiledProcess& server) {
  v1::VerifyAuditLogResponse response;
  grpc::Status status = v1::AuditService::NewStub(server.channel())
                            ->VerifyAuditLog(CasefiledProcess::Context(kAuditorToken).get(),
                                             v1::VerifyAuditLogRequest(), &response);
  EXPECT_TRUE(status.ok()) << status.error_message();
  return response;
}

grpc::Status Backup(const CasefiledProcess& server, const std::string& token, const std::string& path,
                    v1::BackupResponse* response) {
  v1::BackupRequest request;
  request.set_path(path);
  return v1::AdminService::NewStub(server.channel())
      ->Backup(CasefiledProcess::Context(token).get(), request, response);
}

// Appends to its own cases, round robin, until stopped; remembers the order
// of what was acknowledged.
class Appender {
 public:
  Appender(const CasefiledProcess& server, std::vector<std::string> cases, int id)
      : stub_(server.CaseStub()), cases_(std::move(cases)), id_(id), thread_([this] { Run(); }) {}
  ~Appender() { Stop(); }

  void Stop() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
  }
  int acknowledged() const { return acknowledged_.load(); }
  // (case, entry number) of each acknowledged append, in order. After Stop.
  const std::vector<std::pair<std::string, int64_t>>& log() const { return log_; }
  bool failed() const { return failed_; }

 private:
  void Run() {
    for (int i = 0; !stop_; ++i) {
      v1::AppendEntryRequest request;
      request.set_parent(cases_[i % cases_.size()]);
      request.mutable_entry()->set_kind(v1::ENTRY_KIND_NOTE);
      request.mutable_entry()->set_text(absl::StrCat("appender ", id_, " append ", i, " while backing up"));
      request.set_request_id(absl::StrCat("appender-", id_, "-", i));
      v1::Entry entry;
      grpc::Status status =
          stub_->AppendEntry(CasefiledProcess::Context(kInvestigatorToken).get(), request, &entry);
      if (!status.ok()) {
        ADD_FAILURE() << status.error_message();
        failed_ = true;
        return;
      }
      log_.emplace_back(request.parent(), entry.number());
      ++acknowledged_;
    }
  }

  std::unique_ptr<v1::CaseService::Stub> stub_;
  std::vector<std::string> cases_;
  const int id_;
  std::atomic<bool> stop_{false};
  std::atomic<int> acknowledged_{0};
  std::vector<std::pair<std::string, int64_t>> log_;
  bool failed_ = false;
  std::thread thread_;
};

void WaitForMore(const Appender& a, int from, int more) {
  while (a.acknowledged() < from + more && !a.failed()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
}

class BackupE2eTest : public CasefiledTest {};

TEST_F(BackupE2eTest, RestoredBackupHoldsEveryCaseFileAsItWasAtOneMoment) {
  CasefiledProcess& server = *server_;

  // Imported cases (entries with legacy sources) and cases made by hand.
  ImportOutcome imported = UploadFolder(server.channel(), kOperatorToken, kSample, false,
                                        [](const std::string& path) { return path != "truth.json"; });
  ASSERT_TRUE(imported.status.ok()) << imported.status.error_message();
  ASSERT_GE(imported.report.cases_size(), 2);
  std::vector<std::string> made;
  for (int i = 0; i < 4; ++i) {
    v1::Case c;
    grpc::Status status = TryCreateCase(NewCase(absl::StrCat("Backup case ", i)), &c);
    ASSERT_TRUE(status.ok()) << status.error_message();
    made.push_back(c.name());
  }

  // Some bulk (12 MB), so that the copy takes long enough for appends to
  // commit while it runs.
  for (int i = 0; i < 60; ++i) {
    v1::AppendEntryRequest request;
    request.set_parent(made[3]);
    request.mutable_entry()->set_kind(v1::ENTRY_KIND_NOTE);
    request.mutable_entry()->set_text(std::string(200'000, 'a' + i % 26));
    v1::Entry entry;
    grpc::Status status = TryAppend(request, &entry);
    ASSERT_TRUE(status.ok()) << status.error_message();
  }

  // Two appenders, each on cases of its own, going on through the backup.
  Appender first(server, {made[0], made[1], imported.report.cases(0)}, 1);
  Appender second(server, {made[2], made[3], imported.report.cases(1)}, 2);
  WaitForMore(first, 0, 100);
  WaitForMore(second, 0, 100);
  const int first_before = first.acknowledged();
  const int second_before = second.acknowledged();
  const std::string backup_dir = dir_.path() + "/backup";
  v1::BackupResponse backup;
  grpc::Status status = Backup(server, kAdminToken, backup_dir, &backup);
  ASSERT_TRUE(status.ok()) << status.error_message();
  const int first_after = first.acknowledged();
  const int second_after = second.acknowledged();
  WaitForMore(first, first_after, 100);
  WaitForMore(second, second_after, 100);
  first.Stop();
  second.Stop();
  ASSERT_FALSE(first.failed() || second.failed());
  EXPECT_EQ(backup.file(), backup_dir + "/data.mdb");
  EXPECT_EQ(backup.size_bytes(), static_cast<int64_t>(fs::file_size(backup.file())));
  // Readable by the server's user only.
  EXPECT_EQ(fs::status(backup.file()).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_EQ(fs::status(backup_dir).permissions() & fs::perms::all, fs::perms::owner_all);
  std::printf("backup of %lld bytes; appends acknowledged while it ran: %d and %d\n",
              static_cast<long long>(backup.size_bytes()), first_after - first_before,
              second_after - second_before);
  EXPECT_THAT(server.Log(), HasSubstr(absl::StrCat("backup by adm1 to ", backup_dir, "/data.mdb: ")));

  // The originals, read after the appends stopped.
  const std::vector<std::string> names = ListCaseNames(server);
  std::map<std::string, CaseFile> originals;
  for (const std::string& name : names) {
    originals[name] = GetCaseFile(server, name);
    ASSERT_TRUE(originals[name].status.ok()) << name << ": " << originals[name].status.error_message();
  }

  // Restore (BUILD.md): a new data folder holding the backup's data.mdb.
  const absl::Time restored_start = absl::Now();
  TempDir restored_dir;
  fs::create_directories(restored_dir.path() + "/data");
  fs::copy_file(backup.file(), restored_dir.path() + "/data/data.mdb");
  auto restored_started = CasefiledProcess::Start(restored_dir.path());
  ASSERT_TRUE(restored_started.ok()) << restored_started.status();
  CasefiledProcess& restored = **restored_started;
  ASSERT_EQ(ListCaseNames(restored), names);

  std::map<std::string, int64_t> restored_version;
  int64_t entries_checked = 0;
  for (const std::string& name : names) {
    const CaseFile& original = originals[name];
    CaseFile copy = GetCaseFile(restored, name);
    ASSERT_TRUE(copy.status.ok()) << name << ": " << copy.status.error_message();
    const int64_t n = copy.c.version();
    restored_version[name] = n;
    // Entries 1..n, no gaps, each exactly the original's (sources included).
    ASSERT_EQ(static_cast<int64_t>(copy.entries.size()), n) << name;
    ASSERT_LE(n, static_cast<int64_t>(original.entries.size())) << name;
    for (int64_t i = 0; i < n; ++i) {
      EXPECT_EQ(copy.entries[i].number(), i + 1) << name;
      EXPECT_TRUE(MessageDifferencer::Equals(copy.entries[i], original.entries[i]))
          << name << " entry " << i + 1 << ":\n" << copy.entries[i].DebugString() << "vs\n"
          << original.entries[i].DebugString();
      ++entries_checked;
    }
    // The case itself as it was at version n.
    v1::Case expected = original.c;
    expected.set_version(n);
    expected.set_etag(absl::StrCat(name, "@", n));
    // Last written by its latest write (update_time never goes back, so the
    // latest of the times of creation and of entries 1..n).
    *expected.mutable_update_time() = original.c.create_time();
    for (int64_t i = 0; i < n; ++i) {
      if (expected.update_time() < original.entries[i].record_time())
        *expected.mutable_update_time() = original.entries[i].record_time();
    }
    EXPECT_TRUE(MessageDifferencer::Equals(copy.c, expected)) << copy.c.DebugString() << "vs\n"
                                                              << expected.DebugString();
  }
  EXPECT_GT(entries_checked, 200);

  // The audit chain came along: it verifies, and what it held at the restart
  // is the original's chain as it was when the backup began, record for
  // record (the restored server's own records follow).
  const std::vector<v1::AuditEvent> original_events = AuditEvents(server);
  const v1::VerifyAuditLogResponse verified = VerifyAuditLog(restored);
  EXPECT_TRUE(verified.ok()) << verified.reason();
  const std::vector<v1::AuditEvent> restored_events = AuditEvents(restored);
  size_t from_backup = 0;
  while (from_backup < restored_events.size() &&
         google::protobuf::util::TimeUtil::TimestampToNanoseconds(restored_events[from_backup].event_time()) <
             absl::ToUnixNanos(restored_start)) {
    ++from_backup;
  }
  EXPECT_GT(from_backup, 200u);
  ASSERT_LE(from_backup, original_events.size());
  for (size_t i = 0; i < from_backup; ++i) {
    EXPECT_TRUE(MessageDifferencer::Equals(restored_events[i], original_events[i])) << "audit record " << i + 1;
  }
  // The original went on recording after the backup began (appends, reads).
  EXPECT_GT(original_events.size(), from_backup);
  EXPECT_TRUE(VerifyAuditLog(server).ok());
  // The backup itself is on record in the original, not in the copy.
  const std::vector<v1::AuditEvent> backups = AuditEvents(server, "Backup");
  ASSERT_EQ(backups.size(), 1u);
  EXPECT_EQ(backups[0].user(), "adm1");
  EXPECT_THAT(backups[0].resources(), ::testing::ElementsAre(backup.file()));
  EXPECT_TRUE(AuditEvents(restored, "Backup").empty());

  // Each appender's acknowledged appends in the backup are a prefix of its
  // log: every one acknowledged before Backup was called, none acknowledged
  // after it returned, nothing missing in between.
  for (const Appender* a : {&first, &second}) {
    const int before = a == &first ? first_before : second_before;
    const int after = a == &first ? first_after : second_after;
    size_t in_backup = 0;
    while (in_backup < a->log().size() &&
           a->log()[in_backup].second <= restored_version[a->log()[in_backup].first]) {
      ++in_backup;
    }
    for (size_t i = in_backup; i < a->log().size(); ++i) {
      EXPECT_GT(a->log()[i].second, restored_version[a->log()[i].first])
          << "append " << i << " is in the backup but append " << in_backup << " is not";
    }
    EXPECT_GE(in_backup, static_cast<size_t>(before));
    EXPECT_LE(in_backup, static_cast<size_t>(after));
    EXPECT_GT(a->log().size(), in_backup);  // appends went on after it
  }
}

TEST_F(BackupE2eTest, OnlyAdminsBackUpAndThePathIsChecked) {
  CasefiledProcess& server = *server_;
  v1::BackupResponse response;

  for (const char* token : {kInvestigatorToken, kOutOfHoursToken, kOperatorToken, kAuditorToken}) {
    grpc::Status status = Backup(server, token, dir_.path() + "/denied", &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED) << token;
    EXPECT_THAT(status.error_message(), HasSubstr("may not back up the store")) << token;
  }
  EXPECT_FALSE(fs::exists(dir_.path() + "/denied"));
  EXPECT_THAT(server.Log(), HasSubstr("refused casefile.v1.AdminService/Backup: PERMISSION_DENIED "
                                      "(user inv1, role investigator"));
  EXPECT_EQ(Backup(server, "", dir_.path() + "/denied", &response).error_code(),
            grpc::StatusCode::UNAUTHENTICATED);

  fs::create_directories(dir_.path() + "/full");
  std::ofstream(dir_.path() + "/full/x") << "x";
  std::ofstream(dir_.path() + "/file") << "x";
  const std::vector<std::pair<std::string, std::string>> refused = {
      {"", "path: is required"},
      {"backups/today", "path: 'backups/today' must be an absolute path on the server"},
      {dir_.path() + "/full", absl::StrCat("path: '", dir_.path(), "/full' is not an empty folder")},
      {dir_.path() + "/file", absl::StrCat("path: '", dir_.path(), "/file' exists and is not a folder")},
      {dir_.path() + "/no/such", absl::StrCat("path: '", dir_.path(), "/no/such' cannot be created: ")},
      {dir_.path() + "/a\nb", "path: control character U+000A at byte"},
  };
  for (const auto& [path, message] : refused) {
    grpc::Status status = Backup(server, kAdminToken, path, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT) << path;
    EXPECT_THAT(status.error_message(), HasSubstr(message)) << path;
  }

  // An existing empty folder is fine (named in any spelling); the same
  // folder again is not.
  fs::create_directories(dir_.path() + "/empty");
  ASSERT_TRUE(Backup(server, kAdminToken, dir_.path() + "/full/../empty/", &response).ok());
  EXPECT_EQ(response.file(), dir_.path() + "/empty/data.mdb");
  EXPECT_GT(response.size_bytes(), 0);
  EXPECT_EQ(Backup(server, kAdminToken, dir_.path() + "/empty", &response).error_code(),
            grpc::StatusCode::INVALID_ARGUMENT);
}

TEST_F(BackupE2eTest, TheCliBacksUp) {
  auto run = [&](const std::string& token, const std::string& path, int* exit_code) {
    CliRun cli = RunCasefileCli(*server_, absl::StrCat("admin backup '", path, "'"), token);
    *exit_code = cli.exit_code;
    return cli.out;
  };
  int code = -1;
  const std::string path = dir_.path() + "/cli-backup";
  std::string out = run(kAdminToken, path, &code);
  EXPECT_EQ(code, 0) << out;
  EXPECT_EQ(out, absl::StrCat("backup written: ", path, "/data.mdb (", fs::file_size(path + "/data.mdb"),
                              " bytes)\n"));
  out = run(kInvestigatorToken, dir_.path() + "/other", &code);
  EXPECT_EQ(code, 1);
  EXPECT_EQ(out, "error: PERMISSION_DENIED: role investigator may not back up the store\n");
}

}  // namespace
}  // namespace casefile::testing
