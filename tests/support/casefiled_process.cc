#include "tests/support/casefiled_process.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace casefile::testing {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

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
  const std::string port_file = dir + "/port";
  std::filesystem::remove(port_file);
  std::ofstream(tokens) << kInvestigatorToken << " inv1 investigator Investigator One\n"
                        << kSecondInvestigatorToken << " inv2 investigator Investigator Two\n"
                        << kOutOfHoursToken << " ooh1 out_of_hours EDT Officer\n"
                        << kOperatorToken << " op1 operator Migration Operator\n"
                        << kAuditorToken << " aud1 auditor Auditor\n"
                        << kAdminToken << " adm1 admin Administrator\n";
  std::vector<std::string> args = {CASEFILED_PATH,
                                   "--data_dir=" + dir + "/data",
                                   "--tokens_file=" + tokens,
                                   "--listen=127.0.0.1:0",
                                   "--port_file=" + port_file,
                                   "--shutdown_grace_seconds=2"};
  args.insert(args.end(), extra_flags.begin(), extra_flags.end());
  pid_t pid = fork();
  if (pid < 0) return absl::InternalError("fork failed");
  if (pid == 0) {
    std::string log = dir + "/server.log";
    freopen(log.c_str(), "a", stderr);
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(argv[0], argv.data());
    _exit(127);
  }
  // Wait for the port file: written only once the server is serving.
  for (int i = 0; i < 3000; ++i) {
    std::string port = ReadFile(port_file);
    if (!port.empty()) {
      return std::unique_ptr<CasefiledProcess>(new CasefiledProcess(dir, pid, std::atoi(port.c_str())));
    }
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) {
      return absl::InternalError(absl::StrCat("casefiled exited at start: ", ReadFile(dir + "/server.log")));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  return absl::DeadlineExceededError("casefiled did not start within 30 s");
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

std::string CasefiledProcess::Log() const { return ReadFile(dir_ + "/server.log"); }

}  // namespace casefile::testing
