// The permission matrix end to end: every RPC of every casefile.v1 service,
// called by every role and with no credentials, against the real casefiled.
// Each call carries a deliberately incomplete request, so that a role that may
// make the call gets the exact error its request earns (INVALID_ARGUMENT,
// NOT_FOUND, ...) and a role that may not gets PERMISSION_DENIED (or
// UNAUTHENTICATED without credentials) before the request is looked at.
//
// The table is checked against the services compiled into this binary (an
// RPC added without a row fails) and against BUILD.md's "Permission matrix"
// (a ✓ there for exactly the roles allowed here).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "casefile/v1/admin.grpc.pb.h"
#include "casefile/v1/attention.grpc.pb.h"
#include "casefile/v1/audit.grpc.pb.h"
#include "casefile/v1/case_service.grpc.pb.h"
#include "casefile/v1/document_service.grpc.pb.h"
#include "casefile/v1/import.grpc.pb.h"
#include "casefile/v1/person.grpc.pb.h"
#include "casefile/v1/report.grpc.pb.h"
#include "casefile/v1/session.grpc.pb.h"
#include "casefile/v1/supervision_service.grpc.pb.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/dynamic_message.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "tests/support/casefiled_fixture.h"

namespace casefile::testing {
namespace {

using Code = grpc::StatusCode;
constexpr Code kDenied = Code::PERMISSION_DENIED;
constexpr Code kNoCredentials = Code::UNAUTHENTICATED;

// The callers, in the column order of BUILD.md's table.
const std::vector<std::pair<std::string, std::string>> kCallers = {
    {"investigator", kInvestigatorToken}, {"out_of_hours", kOutOfHoursToken}, {"operator", kOperatorToken},
    {"auditor", kAuditorToken},           {"admin", kAdminToken},           {"supervisor", kSupervisorToken},
};

// One RPC: its request (text format) and what each caller gets, in kCallers
// order, then without credentials.
struct Row {
  std::string method;  // "casefile.v1.CaseService/GetCase"
  std::string request;
  std::vector<Code> by_role;
  Code without_credentials = kNoCredentials;
};

const Code I = Code::INVALID_ARGUMENT, N = Code::NOT_FOUND, D = kDenied, F = Code::FAILED_PRECONDITION;

const std::vector<Row>& Matrix() {
  static const std::vector<Row> rows = {
      // inv, ooh, op, aud, admin, supervisor
      {"casefile.v1.CaseService/CreateCase", "", {I, D, D, D, I, I}},
      {"casefile.v1.CaseService/GetCase", "name: 'cases/NOPE'", {N, N, N, N, N, N}},
      {"casefile.v1.CaseService/ListCases", "page_size: -1", {I, I, I, I, I, I}},
      {"casefile.v1.CaseService/AppendEntry", "parent: 'cases/NOPE'", {I, D, D, D, I, I}},
      {"casefile.v1.CaseService/CorrectEntry", "name: 'cases/NOPE/entries/1'", {I, D, D, D, I, I}},
      {"casefile.v1.CaseService/GetCaseFile", "name: 'cases/NOPE' purpose: 'matrix'", {N, N, N, N, N, N}},
      {"casefile.v1.CaseService/WatchCase", "name: 'cases/NOPE' purpose: 'matrix'", {N, N, N, N, N, N}},
      {"casefile.v1.CaseService/SetCaseRestriction", "name: 'cases/NOPE'", {N, D, D, D, N, N}},
      {"casefile.v1.CaseService/ReviewCase", "name: 'cases/NOPE'", {I, D, D, D, I, I}},
      {"casefile.v1.CaseService/CorrectSubjects", "name: 'cases/NOPE'", {I, D, D, D, I, I}},
      {"casefile.v1.CaseService/AssignCase", "name: 'cases/NOPE'", {I, D, D, D, I, I}},
      {"casefile.v1.DocumentService/AttachDocument",
       "start { entry: 'cases/NOPE/entries/1' file_name: 'x.txt' purpose: 'matrix' }", {N, D, D, D, N, N}},
      {"casefile.v1.DocumentService/GetDocument", "name: 'cases/NOPE/entries/1/documents/1' purpose: 'matrix'",
       {N, N, N, N, N, N}},
      {"casefile.v1.DocumentService/ListDocuments", "parent: 'cases/NOPE' purpose: 'matrix'", {N, N, N, N, N, N}},
      {"casefile.v1.DocumentService/SearchDocuments", "parent: 'cases/NOPE' query: 'x' purpose: 'matrix'",
       {N, N, N, N, N, N}},
      {"casefile.v1.PersonService/SearchPersons", "", {I, I, I, I, I, I}},
      {"casefile.v1.PersonService/GetPerson", "name: 'persons/P0000000000000000'", {N, N, N, N, N, N}},
      {"casefile.v1.PersonService/ListPersons", "page_size: -1", {I, I, I, I, I, I}},
      {"casefile.v1.PersonService/GetPersonFile", "name: 'persons/P0000000000000000' purpose: 'matrix'",
       {N, N, N, N, N, N}},
      {"casefile.v1.ImportService/ImportFolder", "", {D, D, I, D, I, D}},
      {"casefile.v1.ImportService/GetImport", "name: 'imports/imp-999999'", {D, D, N, D, N, D}},
      {"casefile.v1.ImportService/ListReviewItems", "page_size: -1", {D, D, I, D, I, D}},
      {"casefile.v1.ImportService/GetReviewItem", "name: 'reviewItems/nope'", {D, D, N, D, N, D}},
      {"casefile.v1.ImportService/ResolveReviewItem", "name: 'reviewItems/nope'", {D, D, I, D, I, D}},
      {"casefile.v1.ImportService/SeparateRecord", "", {D, D, I, D, I, D}},
      {"casefile.v1.ImportService/ListRejectedRecords", "parent: 'imports/imp-999999'", {D, D, N, D, N, D}},
      {"casefile.v1.ImportService/ListImports", "page_size: -1", {D, D, I, D, I, D}},
      {"casefile.v1.AttentionService/ListAttentionItems", "", {I, I, I, I, I, I}},
      {"casefile.v1.AttentionService/WatchAttention", "lists: 99", {I, I, I, I, I, I}},
      // Supervisors read their teams' reports (sup1 supervises cait); the whole
      // unit's is admins' alone (ReportE2eTest).
      {"casefile.v1.ReportService/GetInspectionReport", "team: 'cait'", {D, D, D, D, I, I}},
      {"casefile.v1.ReportService/ListReportCases", "team: 'cait'", {D, D, D, D, I, I}},
      {"casefile.v1.AuditService/ListAuditEvents", "page_size: -1", {D, D, D, I, I, D}},
      {"casefile.v1.AuditService/VerifyAuditLog", "", {D, D, D, Code::OK, Code::OK, D}},
      // Supervisors decide their teams' approvals and hold their tasking meetings.
      {"casefile.v1.SupervisionService/RequestApproval", "parent: 'cases/NOPE'", {I, D, D, D, I, I}},
      {"casefile.v1.SupervisionService/ApproveRequest", "name: 'cases/NOPE/entries/1'", {D, D, D, D, I, I}},
      {"casefile.v1.SupervisionService/ReturnRequest", "name: 'cases/NOPE/entries/1'", {D, D, D, D, I, I}},
      {"casefile.v1.SupervisionService/CloseCase", "name: 'cases/NOPE'", {I, D, D, D, I, I}},
      {"casefile.v1.SupervisionService/ReopenCase", "name: 'cases/NOPE'", {I, D, D, D, I, I}},
      {"casefile.v1.SupervisionService/GetTasking", "", {D, D, D, D, I, I}},
      {"casefile.v1.SupervisionService/MarkTaskingHeld", "", {D, D, D, D, I, I}},
      {"casefile.v1.AdminService/Backup", "", {D, D, D, D, I, D}},
      {"casefile.v1.AdminService/EraseCase", "name: 'cases/NOPE' reason: 'matrix'", {D, D, D, D, N, D}},
      // The way in needs no credentials; this casefiled has no users file, so
      // every sign-in is FAILED_PRECONDITION (session_e2e_test signs in for
      // real). A service token has no session to end.
      {"casefile.v1.SessionService/SignIn", "user: 'nobody' password: 'x'", {F, F, F, F, F, F}, F},
      {"casefile.v1.SessionService/SignOut", "", {F, F, F, F, F, F}},
  };
  return rows;
}

// The .proto files of the public contract that declare services, each
// reached through one of its messages (so that its generated code is linked
// in and registered).
std::vector<const google::protobuf::FileDescriptor*> ContractFiles() {
  return {v1::CreateCaseRequest::descriptor()->file(),     v1::SearchPersonsRequest::descriptor()->file(),
          v1::GetImportRequest::descriptor()->file(),      v1::ListAttentionItemsRequest::descriptor()->file(),
          v1::ListAuditEventsRequest::descriptor()->file(), v1::BackupRequest::descriptor()->file(),
          v1::SignInRequest::descriptor()->file(),        v1::GetTaskingRequest::descriptor()->file(),
          v1::GetDocumentRequest::descriptor()->file(),    v1::GetInspectionReportRequest::descriptor()->file()};
}

// The serialized request of `method` from its text format.
std::string RequestBytes(const std::string& method, const std::string& text) {
  const std::string service = method.substr(0, method.find('/'));
  ContractFiles();  // registers them
  const auto* pool = google::protobuf::DescriptorPool::generated_pool();
  const google::protobuf::ServiceDescriptor* found = pool->FindServiceByName(service);
  EXPECT_NE(found, nullptr) << service;
  if (found == nullptr) return "";
  const auto* descriptor = found->FindMethodByName(method.substr(method.find('/') + 1));
  EXPECT_NE(descriptor, nullptr) << method;
  if (descriptor == nullptr) return "";
  std::unique_ptr<google::protobuf::Message> request(
      google::protobuf::MessageFactory::generated_factory()->GetPrototype(descriptor->input_type())->New());
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(text, request.get())) << method << ": " << text;
  return request->SerializeAsString();
}

// Calls `method` as a stream of one request (any RPC kind goes over the wire
// so) and returns how it ended. A stream still open after its first message
// is cancelled and counted as OK.
Code Call(const std::shared_ptr<grpc::Channel>& channel, const std::string& method, const std::string& request,
          const std::string& token) {
  grpc::GenericStub stub(channel);
  grpc::CompletionQueue cq;
  auto context = CasefiledProcess::Context(token);
  auto call = stub.PrepareCall(context.get(), "/" + method, &cq);
  void* tag = nullptr;
  bool ok = false;
  auto step = [&](int want) {
    EXPECT_TRUE(cq.Next(&tag, &ok));
    EXPECT_EQ(tag, reinterpret_cast<void*>(want));
    return ok;
  };
  call->StartCall(reinterpret_cast<void*>(1));
  step(1);
  grpc::Slice slice(request);
  grpc::ByteBuffer buffer(&slice, 1);
  call->Write(buffer, reinterpret_cast<void*>(2));
  step(2);
  call->WritesDone(reinterpret_cast<void*>(3));
  step(3);
  grpc::ByteBuffer response;
  call->Read(&response, reinterpret_cast<void*>(4));
  const bool got_message = step(4);
  if (got_message && method.find("/Watch") != std::string::npos) context->TryCancel();
  while (got_message) {
    call->Read(&response, reinterpret_cast<void*>(4));
    if (!step(4)) break;
  }
  grpc::Status status;
  call->Finish(&status, reinterpret_cast<void*>(5));
  step(5);
  if (got_message && status.error_code() == Code::CANCELLED) return Code::OK;
  return status.error_code();
}

class PermissionMatrixE2eTest : public CasefiledTest {};

TEST_F(PermissionMatrixE2eTest, EveryRpcByEveryRoleAndWithoutCredentials) {
  for (const Row& row : Matrix()) {
    const std::string request = RequestBytes(row.method, row.request);
    ASSERT_EQ(row.by_role.size(), kCallers.size()) << row.method;
    for (size_t i = 0; i < kCallers.size(); ++i) {
      EXPECT_EQ(Call(server_->channel(), row.method, request, kCallers[i].second), row.by_role[i])
          << row.method << " as " << kCallers[i].first;
    }
    EXPECT_EQ(Call(server_->channel(), row.method, request, ""), row.without_credentials)
        << row.method << " without credentials";
  }
}

TEST(PermissionMatrixTableTest, HasARowForEveryRpcOfEveryService) {
  std::set<std::string> served, files;
  for (const google::protobuf::FileDescriptor* f : ContractFiles()) {
    files.insert(f->name());
    for (int s = 0; s < f->service_count(); ++s) {
      const google::protobuf::ServiceDescriptor* service = f->service(s);
      for (int m = 0; m < service->method_count(); ++m)
        served.insert(absl::StrCat(service->full_name(), "/", service->method(m)->name()));
    }
  }
  // ... and those are all the contract's files with a service in them.
  std::set<std::string> on_disk;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(CASEFILE_SOURCE_DIR) + "/proto/casefile/v1")) {
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    if (text.str().find("\nservice ") != std::string::npos)
      on_disk.insert("casefile/v1/" + entry.path().filename().string());
  }
  EXPECT_EQ(files, on_disk);
  std::set<std::string> in_table;
  for (const Row& row : Matrix()) in_table.insert(row.method);
  EXPECT_EQ(in_table, served);
}

// BUILD.md's table: for each RPC with ✓ marks, they stand in exactly the
// columns of the roles that are not refused here.
TEST(PermissionMatrixTableTest, MatchesTheTableInBuildMd) {
  std::ifstream in(std::string(CASEFILE_SOURCE_DIR) + "/BUILD.md");
  ASSERT_TRUE(in) << "BUILD.md";
  std::stringstream text;
  text << in.rdbuf();
  const std::string doc = text.str();
  const size_t start = doc.find("### Permission matrix");
  ASSERT_NE(start, std::string::npos);
  std::vector<std::string> lines;
  bool in_rows = false;
  for (absl::string_view line : absl::StrSplit(absl::string_view(doc).substr(start), '\n')) {
    if (absl::StartsWith(line, "|---")) {
      in_rows = true;
      continue;
    }
    if (in_rows && !absl::StartsWith(line, "|")) break;
    if (in_rows) lines.emplace_back(line);
  }
  ASSERT_FALSE(lines.empty());
  for (const Row& row : Matrix()) {
    const std::string full_service = row.method.substr(0, row.method.find('/'));
    const std::string service = full_service.substr(full_service.rfind('.') + 1);  // "CaseService"
    const std::string rpc = row.method.substr(row.method.find('/') + 1);
    const std::string* doc_row = nullptr;
    for (const std::string& line : lines) {
      std::vector<std::string> cells = absl::StrSplit(line, '|');
      if (cells.size() < 3) continue;
      const std::string& first = cells[1];
      std::vector<std::string> words = absl::StrSplit(first, absl::ByAnyChar(" ,()"), absl::SkipEmpty());
      const bool names_service = std::find(words.begin(), words.end(), service) != words.end();
      const bool names_rpc = std::find(words.begin(), words.end(), rpc) != words.end();
      if (names_service && names_rpc) doc_row = &line;
    }
    ASSERT_NE(doc_row, nullptr) << row.method << " has no row in BUILD.md's permission matrix";
    std::vector<std::string> cells = absl::StrSplit(*doc_row, '|');
    if (doc_row->find("✓") == std::string::npos) continue;  // "no credentials needed" rows
    ASSERT_GE(cells.size(), 2 + kCallers.size()) << *doc_row;
    for (size_t i = 0; i < kCallers.size(); ++i) {
      const bool ticked = absl::StrContains(cells[2 + i], "✓");
      EXPECT_EQ(ticked, row.by_role[i] != kDenied) << row.method << " for " << kCallers[i].first;
    }
  }
}

}  // namespace
}  // namespace casefile::testing
