#include "services/case_service.h"

#include <vector>

#include "core/input/resource_names.h"
#include "services/case_file_opening.h"
#include "services/entry_stream_reactor.h"
#include "services/grpc_status.h"
#include "services/request_parse.h"
#include "services/unary_call.h"
#include "storage/proto_wire.h"

namespace casefile {

CaseServiceImpl::CaseServiceImpl(const TokenAuthenticator* auth, CaseChronology* chronology,
                                 ChangeFeed* feed)
    : auth_(auth), chronology_(chronology), feed_(feed) {}

grpc::ServerUnaryReactor* CaseServiceImpl::CreateCase(grpc::CallbackServerContext* context,
                                                      const grpc::ByteBuffer* request,
                                                      grpc::ByteBuffer* response) {
  return RespondRawUnary<v1::CreateCaseRequest, v1::Case>(
      *auth_, context, request, response,
      [this](const Caller& caller, v1::CreateCaseRequest request, Reply<v1::Case> reply) {
        chronology_->CreateCase(caller, std::move(request), std::move(reply));
      });
}

grpc::ServerUnaryReactor* CaseServiceImpl::GetCase(grpc::CallbackServerContext* context,
                                                   const grpc::ByteBuffer* request,
                                                   grpc::ByteBuffer* response) {
  return RespondRawUnary<v1::GetCaseRequest, v1::Case>(
      *auth_, context, request, response,
      [this](const Caller& caller, v1::GetCaseRequest request, Reply<v1::Case> reply) {
        reply = chronology_->audit().AfterRecording(caller, "GetCase", std::move(reply));
        reply(chronology_->GetCase(caller, request.name()));
      });
}

grpc::ServerUnaryReactor* CaseServiceImpl::ListCases(grpc::CallbackServerContext* context,
                                                     const grpc::ByteBuffer* request,
                                                     grpc::ByteBuffer* response) {
  return RespondRawUnary<v1::ListCasesRequest, v1::ListCasesResponse>(
      *auth_, context, request, response,
      [this](const Caller& caller, v1::ListCasesRequest request,
             Reply<v1::ListCasesResponse> reply) {
        reply = chronology_->audit().AfterRecording(caller, "ListCases", std::move(reply));
        reply(chronology_->ListCases(caller, request));
      });
}

grpc::ServerUnaryReactor* CaseServiceImpl::AppendEntry(grpc::CallbackServerContext* context,
                                                       const grpc::ByteBuffer* request,
                                                       grpc::ByteBuffer* response) {
  return RespondRawUnary<v1::AppendEntryRequest, v1::Entry>(
      *auth_, context, request, response,
      [this](const Caller& caller, v1::AppendEntryRequest request, Reply<v1::Entry> reply) {
        chronology_->AppendEntry(caller, std::move(request), std::move(reply));
      });
}

grpc::ServerUnaryReactor* CaseServiceImpl::CorrectEntry(grpc::CallbackServerContext* context,
                                                        const grpc::ByteBuffer* request,
                                                        grpc::ByteBuffer* response) {
  return RespondRawUnary<v1::CorrectEntryRequest, v1::Entry>(
      *auth_, context, request, response,
      [this](const Caller& caller, v1::CorrectEntryRequest request, Reply<v1::Entry> reply) {
        chronology_->CorrectEntry(caller, std::move(request), std::move(reply));
      });
}

grpc::ServerUnaryReactor* CaseServiceImpl::SetCaseRestriction(grpc::CallbackServerContext* context,
                                                              const grpc::ByteBuffer* request,
                                                              grpc::ByteBuffer* response) {
  return RespondRawUnary<v1::SetCaseRestrictionRequest, v1::Case>(
      *auth_, context, request, response,
      [this](const Caller& caller, v1::SetCaseRestrictionRequest request, Reply<v1::Case> reply) {
        chronology_->SetCaseRestriction(caller, std::move(request), std::move(reply));
      });
}

grpc::ServerUnaryReactor* CaseServiceImpl::ReviewCase(grpc::CallbackServerContext* context,
                                                      const grpc::ByteBuffer* request,
                                                      grpc::ByteBuffer* response) {
  return RespondRawUnary<v1::ReviewCaseRequest, v1::Case>(
      *auth_, context, request, response,
      [this](const Caller& caller, v1::ReviewCaseRequest request, Reply<v1::Case> reply) {
        chronology_->ReviewCase(caller, std::move(request), std::move(reply));
      });
}

grpc::ServerUnaryReactor* CaseServiceImpl::CorrectSubjects(grpc::CallbackServerContext* context,
                                                           const grpc::ByteBuffer* request,
                                                           grpc::ByteBuffer* response) {
  return RespondRawUnary<v1::CorrectSubjectsRequest, v1::Case>(
      *auth_, context, request, response,
      [this](const Caller& caller, v1::CorrectSubjectsRequest request, Reply<v1::Case> reply) {
        chronology_->CorrectSubjects(caller, std::move(request), std::move(reply));
      });
}

grpc::ServerUnaryReactor* CaseServiceImpl::AssignCase(grpc::CallbackServerContext* context,
                                                      const grpc::ByteBuffer* request,
                                                      grpc::ByteBuffer* response) {
  return RespondRawUnary<v1::AssignCaseRequest, v1::Case>(
      *auth_, context, request, response,
      [this](const Caller& caller, v1::AssignCaseRequest request, Reply<v1::Case> reply) {
        chronology_->AssignCase(caller, std::move(request), std::move(reply));
      });
}

grpc::ServerWriteReactor<grpc::ByteBuffer>* CaseServiceImpl::GetCaseFile(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* raw_request) {
  auto* reactor = new EntryStreamReactor(chronology_, feed_);
  auto request = ParseRequest<v1::GetCaseFileRequest>(*raw_request);
  auto caller = request.ok() ? auth_->Authenticate(*context) : request.status();
  if (!caller.ok()) {
    reactor->Fail(ToGrpcStatus(caller.status()));
    return reactor;
  }
  auto opening = std::make_shared<CaseFileOpening>(reactor);
  chronology_->OpenCaseFile(*caller, *request, "GetCaseFile",
                            [opening](absl::StatusOr<v1::Case> c) { opening->Opened(std::move(c)); });
  // While the access record commits: the first entries, sent once it is durable.
  auto case_id = ParseCaseName(request->name(), "name");
  if (case_id.ok() && request->order() == v1::GetCaseFileRequest::ORDER_OCCURRED && ValidateCaseFileView(*request).ok()) {
    auto start = [chronology = chronology_, request = *request, case_id = *case_id](std::optional<uint64_t> version) {
      return chronology->StartCaseFileViewUnchecked(request, case_id, version, EntryStreamReactor::kChunkBytes,
                                                    v1::GetCaseFileResponse::kEntriesFieldNumber);
    };
    opening->ReadView(start(std::nullopt), start);
    return reactor;
  }
  opening->Read(case_id.ok() ? chronology_->ReadCaseFileStartUnchecked(*case_id, EntryStreamReactor::kChunkBytes,
                                                                       v1::GetCaseFileResponse::kEntriesFieldNumber)
                             : storage::EncodedEntryChunk{"", 1});
  return reactor;
}

grpc::ServerWriteReactor<grpc::ByteBuffer>* CaseServiceImpl::WatchCase(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* raw_request) {
  auto* reactor = new EntryStreamReactor(chronology_, feed_);
  auto request = ParseRequest<v1::WatchCaseRequest>(*raw_request);
  auto caller = request.ok() ? auth_->Authenticate(*context) : request.status();
  if (!caller.ok()) {
    reactor->Fail(ToGrpcStatus(caller.status()));
    return reactor;
  }
  reactor->EndWithSession(auth_->SessionCheck(*context));
  chronology_->OpenWatch(*caller, *request,
                         [reactor, caller = *caller, first = request->after_version() + 1](absl::StatusOr<v1::Case> c) {
                           if (!c.ok()) return reactor->Fail(ToGrpcStatus(c.status()));
                           EntryStreamReactor::Plan plan;
                           plan.case_id = c->name().substr(6);
                           plan.first = first;
                           plan.live = true;
                           plan.watcher = caller;
                           plan.entries_field = v1::WatchCaseResponse::kEntriesFieldNumber;
                           reactor->Begin(std::move(plan));
                         });
  return reactor;
}

}  // namespace casefile
