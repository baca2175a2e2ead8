#include "tests/support/casefiled_fixture.h"

#include <utility>

namespace casefile::testing {

CaseFile ReadCaseFile(v1::CaseService::Stub& stub, const std::string& name, const std::string& purpose,
                      const std::string& token) {
  v1::GetCaseFileRequest request;
  request.set_name(name);
  request.set_purpose(purpose);
  auto context = CasefiledProcess::Context(token);
  auto reader = stub.GetCaseFile(context.get(), request);
  CaseFile file;
  v1::GetCaseFileResponse chunk;
  while (reader->Read(&chunk)) {
    file.chunk_bytes.push_back(chunk.ByteSizeLong());
    if (chunk.has_case_()) file.c = chunk.case_();
    for (const v1::Entry& e : chunk.entries()) file.entries.push_back(e);
  }
  file.status = reader->Finish();
  return file;
}

void CasefiledTest::SetUp() {
  const absl::Status started = StartServer();
  ASSERT_TRUE(started.ok()) << started;
}

absl::Status CasefiledTest::StartServer(const std::vector<std::string>& more_flags) {
  server_.reset();
  std::vector<std::string> flags = ExtraFlags();
  flags.insert(flags.end(), more_flags.begin(), more_flags.end());
  auto started = CasefiledProcess::Start(dir_.path(), flags);
  if (!started.ok()) return started.status();
  server_ = *std::move(started);
  const std::shared_ptr<grpc::Channel> channel = server_->channel();
  cases_ = v1::CaseService::NewStub(channel);
  persons_ = v1::PersonService::NewStub(channel);
  imports_ = v1::ImportService::NewStub(channel);
  attention_ = v1::AttentionService::NewStub(channel);
  audit_ = v1::AuditService::NewStub(channel);
  admin_ = v1::AdminService::NewStub(channel);
  sessions_ = v1::SessionService::NewStub(channel);
  return absl::OkStatus();
}

v1::CreateCaseRequest CasefiledTest::NewCase(const std::string& title, const std::string& case_id,
                                             const std::string& request_id) {
  v1::CreateCaseRequest request;
  request.mutable_case_()->set_title(title);
  request.set_case_id(case_id);
  request.set_request_id(request_id);
  return request;
}

grpc::Status CasefiledTest::TryCreateCase(const v1::CreateCaseRequest& request, v1::Case* made,
                                          const std::string& token) {
  v1::Case ignored;
  return cases_->CreateCase(Context(token).get(), request, made != nullptr ? made : &ignored);
}

v1::Case CasefiledTest::CreateCase(const v1::CreateCaseRequest& request, const std::string& token) {
  v1::Case made;
  const grpc::Status status = TryCreateCase(request, &made, token);
  EXPECT_TRUE(status.ok()) << status.error_message();
  return made;
}

grpc::Status CasefiledTest::TryAppend(const v1::AppendEntryRequest& request, v1::Entry* appended,
                                      const std::string& token) {
  v1::Entry ignored;
  return cases_->AppendEntry(Context(token).get(), request, appended != nullptr ? appended : &ignored);
}

grpc::Status CasefiledTest::TryAppend(const std::string& parent, const v1::Entry& entry, v1::Entry* appended,
                                      const std::string& token) {
  v1::AppendEntryRequest request;
  request.set_parent(parent);
  *request.mutable_entry() = entry;
  return TryAppend(request, appended, token);
}

v1::Entry CasefiledTest::Append(const std::string& parent, const v1::Entry& entry, const std::string& token) {
  v1::Entry appended;
  const grpc::Status status = TryAppend(parent, entry, &appended, token);
  EXPECT_TRUE(status.ok()) << status.error_message();
  return appended;
}

}  // namespace casefile::testing
