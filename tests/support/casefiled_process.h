// Test support: a real casefiled child process on a loopback port, in its own
// temporary data folder, with one token per role — for end-to-end tests.
#ifndef CASEFILE_TESTS_SUPPORT_CASEFILED_PROCESS_H_
#define CASEFILE_TESTS_SUPPORT_CASEFILED_PROCESS_H_

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "absl/status/statusor.h"
#include "casefile/v1/case_service.grpc.pb.h"

namespace casefile::testing {

// Tokens written into every test server's tokens file. inv1 and inv3 are in
// team "cait"; inv2 is in no team.
inline constexpr char kInvestigatorToken[] = "investigator-token-0001";
inline constexpr char kSecondInvestigatorToken[] = "investigator-token-0002";
inline constexpr char kTeamMateToken[] = "investigator-token-0003";
inline constexpr char kOutOfHoursToken[] = "out-of-hours-token-0001";
inline constexpr char kOperatorToken[] = "operator-token-000000001";
inline constexpr char kAuditorToken[] = "auditor-token-0000000001";
inline constexpr char kAdminToken[] = "admin-token-000000000001";
// sup1 supervises team cait; sup2 supervises pvp-east.
inline constexpr char kSupervisorToken[] = "supervisor-token-0000001";
inline constexpr char kOtherSupervisorToken[] = "supervisor-token-0000002";

// A fresh directory under the test temp dir, removed on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

class CasefiledProcess {
 public:
  // Starts casefiled on 127.0.0.1 (a free port) with its store in `dir`/data,
  // and waits until it serves. `dir` must outlive the process.
  static absl::StatusOr<std::unique_ptr<CasefiledProcess>> Start(
      const std::string& dir, const std::vector<std::string>& extra_flags = {});
  ~CasefiledProcess();  // SIGKILL if still running

  std::string address() const;
  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  // SIGKILL, as a crash would; waits for the process to be gone.
  void Kill();
  // SIGTERM; returns the exit code (or 128+signal).
  int Terminate();

  std::unique_ptr<v1::CaseService::Stub> CaseStub() const;
  std::shared_ptr<grpc::Channel> channel() const { return channel_; }
  // A context whose calls carry `token` (empty: no credentials).
  static std::unique_ptr<grpc::ClientContext> Context(const std::string& token);
  // The server's stderr so far.
  std::string Log() const;

 private:
  CasefiledProcess(std::string dir, pid_t pid, int port);
  int Wait();

  std::string dir_;
  pid_t pid_;
  int port_;
  std::shared_ptr<grpc::Channel> channel_;
};

}  // namespace casefile::testing

#endif  // CASEFILE_TESTS_SUPPORT_CASEFILED_PROCESS_H_
