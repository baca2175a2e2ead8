#include "tests/support/casefiled_process.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "absl/strings/str_cat.h"
#include "client/server_child.h"
#include "gtest/gtest.h"

namespace casefile::testing {

TempDir::TempDir() {
  std::string pattern = ::testing::TempDir() + "casefile-XXXXXX";
  char* made = mkdtemp(pattern.data());
  path_ = made != nullptr ? made : "";
}

TempDir::~TempDir() {
  std::error_code ec;
  if (!path_.empty()) std::filesystem::remove_all(path_, ec);
}

absl::StatusOr<std::unique_ptr<CasefiledProcess>> CasefiledProcess::Start(
    const std::string& dir, const std::vector<std::string>& extra_flags) {
  const std::string tokens = dir + "/tokens";
  std::ofstream(tokens) << kInvestigatorToken << " inv1 investigator:cait Investigator One\n"
                        << kSecondInvestigatorToken << " inv2 investigator Investigator Two\n"
                        << kTeamMateToken << " inv3 investigator:cait,pvp-east Investigator Three\n"
                        << kOutOfHoursToken << " ooh1 out_of_hours EDT Officer\n"
                        << kOperatorToken << " op1 operator Migration Operator\n"
                        << kAuditorToken << " aud1 auditor Auditor\n"
                        << kAdminToken << " adm1 admin Administrator\n"
                        << kSupervisorToken << " sup1 supervisor:cait DS Supervisor One\n"
                        << kOtherSupervisorToken << " sup2 supervisor:pvp-east DS Supervisor Two\n";
  // casefiled refuses a tokens file that others can read.
  std::filesystem::permissions(tokens, std::filesystem::perms::owner_read |
                                           std::filesystem::perms::owner_write);
  std::vector<std::string> args = {CASEFILED_PATH, "--data_dir=" + dir + "/data", "--tokens_file=" + tokens,
                                   "--listen=127.0.0.1:0", "--shutdown_grace_seconds=2"};
  args.insert(args.end(), extra_flags.begin(), extra_flags.end());
  auto child = client::StartServerChild(std::move(args), {dir + "/port", dir + "/server.log"});
  if (!child.ok()) return child.status();
  return std::unique_ptr<CasefiledProcess>(new CasefiledProcess(dir, child->pid, child->port));
}

CasefiledProcess::CasefiledProcess(std::string dir, pid_t pid, int port)
    : dir_(std::move(dir)),
      pid_(pid),
      port_(port),
      channel_(grpc::CreateChannel(address(), grpc::InsecureChannelCredentials())) {}

CasefiledProcess::~CasefiledProcess() { Kill(); }

std::string CasefiledProcess::address() const { return absl::StrCat("127.0.0.1:", port_); }

int CasefiledProcess::Wait() {
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = 0;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void CasefiledProcess::Kill() {
  if (pid_ == 0) return;
  kill(pid_, SIGKILL);
  Wait();
}

int CasefiledProcess::Terminate() {
  if (pid_ == 0) return -1;
  kill(pid_, SIGTERM);
  return Wait();
}

std::unique_ptr<v1::CaseService::Stub> CasefiledProcess::CaseStub() const {
  return v1::CaseService::NewStub(channel_);
}

std::unique_ptr<grpc::ClientContext> CasefiledProcess::Context(const std::string& token) {
  auto context = std::make_unique<grpc::ClientContext>();
  if (!token.empty()) context->AddMetadata("authorization", "Bearer " + token);
  context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
  return context;
}

std::string CasefiledProcess::Log() const { return client::ReadWholeFile(dir_ + "/server.log"); }

}  // namespace casefile::testing
