// Test support: the GoogleTest fixture of the end-to-end tests — a real
// casefiled in a temporary folder of the test's own, a stub of each of its
// services, and the calls most tests make (create a case, append an entry,
// read a case file) as the callers of kInvestigatorToken and the other
// tokens of casefiled_process.h.
//
// Not thread-safe: the members are the test's. gRPC stubs are, so a test may
// share them with threads of its own.
#ifndef CASEFILE_TESTS_SUPPORT_CASEFILED_FIXTURE_H_
#define CASEFILE_TESTS_SUPPORT_CASEFILED_FIXTURE_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "absl/status/status.h"
#include "casefile/v1/admin.grpc.pb.h"
#include "casefile/v1/attention.grpc.pb.h"
#include "casefile/v1/audit.grpc.pb.h"
#include "casefile/v1/case_service.grpc.pb.h"
#include "casefile/v1/import.grpc.pb.h"
#include "casefile/v1/person.grpc.pb.h"
#include "casefile/v1/session.grpc.pb.h"
#include "gtest/gtest.h"
#include "tests/support/casefiled_process.h"

namespace casefile::testing {

// A case file as GetCaseFile streams it.
struct CaseFile {
  grpc::Status status;
  v1::Case c;                       // from the first message
  std::vector<v1::Entry> entries;   // of every message, in order
  std::vector<size_t> chunk_bytes;  // the size of each message
};

// Reads the whole of case `name` through `stub` as `token` says, for `purpose`.
// A free function so that a test reads from a second server too.
CaseFile ReadCaseFile(v1::CaseService::Stub& stub, const std::string& name, const std::string& purpose,
                      const std::string& token = kInvestigatorToken);

class CasefiledTest : public ::testing::Test {
 protected:
  // Starts casefiled (StartServer()). A fixture that must write to the data
  // folder before casefiled opens it, or whose tests start it with flags of
  // their own, overrides SetUp and calls StartServer when it is ready.
  void SetUp() override;

  // Flags every start of this fixture's casefiled gets, after those of
  // CasefiledProcess::Start (e.g. shorter thresholds for a whole test file).
  virtual std::vector<std::string> ExtraFlags() const { return {}; }

  // Starts casefiled with its store in dir_/data, with ExtraFlags() and then
  // `more_flags`, and points server_ and the stubs at it. A casefiled this
  // fixture started before is killed first (SIGKILL, as a crash would: stop
  // it with server_->Terminate() for a clean stop), since only one process
  // may open the store; so a test restarts the server by calling it again.
  [[nodiscard]] absl::Status StartServer(const std::vector<std::string>& more_flags = {});

  // A context whose calls carry `token` (empty: no credentials).
  static std::unique_ptr<grpc::ClientContext> Context(const std::string& token) {
    return CasefiledProcess::Context(token);
  }

  // The request for a case titled `title`; the case id and request id are
  // set when not empty.
  static v1::CreateCaseRequest NewCase(const std::string& title, const std::string& case_id = "",
                                       const std::string& request_id = "");

  // CreateCase as `token`: the status, and the case in *made when given.
  grpc::Status TryCreateCase(const v1::CreateCaseRequest& request, v1::Case* made = nullptr,
                             const std::string& token = kInvestigatorToken);
  // A case casefiled must accept (a test failure if it refuses); the case made.
  v1::Case CreateCase(const v1::CreateCaseRequest& request, const std::string& token = kInvestigatorToken);

  // AppendEntry as `token`: the status, and the new entry in *appended when given.
  grpc::Status TryAppend(const v1::AppendEntryRequest& request, v1::Entry* appended = nullptr,
                         const std::string& token = kInvestigatorToken);
  // The same for `entry` appended to case `parent`.
  grpc::Status TryAppend(const std::string& parent, const v1::Entry& entry, v1::Entry* appended = nullptr,
                         const std::string& token = kInvestigatorToken);
  // An entry casefiled must accept (a test failure if it refuses); the entry made.
  v1::Entry Append(const std::string& parent, const v1::Entry& entry, const std::string& token = kInvestigatorToken);

  // Declared first, so that casefiled is stopped before its folder goes.
  TempDir dir_;
  std::unique_ptr<CasefiledProcess> server_;
  std::unique_ptr<v1::CaseService::Stub> cases_;
  std::unique_ptr<v1::PersonService::Stub> persons_;
  std::unique_ptr<v1::ImportService::Stub> imports_;
  std::unique_ptr<v1::AttentionService::Stub> attention_;
  std::unique_ptr<v1::AuditService::Stub> audit_;
  std::unique_ptr<v1::AdminService::Stub> admin_;
  std::unique_ptr<v1::SessionService::Stub> sessions_;
};

}  // namespace casefile::testing

#endif  // CASEFILE_TESTS_SUPPORT_CASEFILED_FIXTURE_H_
