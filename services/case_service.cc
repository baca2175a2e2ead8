#include "services/case_service.h"

#include <vector>

#include "core/resource_names.h"
#include "services/entry_stream_reactor.h"
#include "services/grpc_status.h"
#include "services/unary_call.h"
#include "storage/proto_wire.h"

namespace casefile {
namespace {

// Raw streaming methods receive the request undecoded.
template <typename Message>
absl::StatusOr<Message> ParseRequest(const grpc::ByteBuffer& buffer) {
  std::vector<grpc::Slice> slices;
  Message message;
  if (!buffer.Dump(&slices).ok()) return absl::InvalidArgumentError("unreadable request");
  std::string bytes;
  for (const grpc::Slice& s : slices) bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
  if (!message.ParseFromString(bytes)) return absl::InvalidArgumentError("malformed request message");
  return message;
}

}  // namespace

CaseServiceImpl::CaseServiceImpl(const TokenAuthenticator* auth, CaseChronology* chronology,
                                 ChangeFeed* feed)
    : auth_(auth), chronology_(chronology), feed_(feed) {}

grpc::ServerUnaryReactor* CaseServiceImpl::CreateCase(grpc::CallbackServerContext* context,
                                                      const v1::CreateCaseRequest* request,
                                                      v1::Case* response) {
  return RespondUnary(*auth_, context, response, [&](const Caller& caller, Reply<v1::Case> reply) {
    chronology_->CreateCase(caller, *request, std::move(reply));
  });
}

grpc::ServerUnaryReactor* CaseServiceImpl::GetCase(grpc::CallbackServerContext* context,
                                                   const v1::GetCaseRequest* request,
                                                   v1::Case* response) {
  return RespondUnary(*auth_, context, response, [&](const Caller& caller, Reply<v1::Case> reply) {
    reply(chronology_->GetCase(caller, request->name()));
  });
}

grpc::ServerUnaryReactor* CaseServiceImpl::ListCases(grpc::CallbackServerContext* context,
                                                     const v1::ListCasesRequest* request,
                                                     v1::ListCasesResponse* response) {
  return RespondUnary(*auth_, context, response,
                      [&](const Caller& caller, Reply<v1::ListCasesResponse> reply) {
                        reply(chronology_->ListCases(caller, *request));
                      });
}

grpc::ServerUnaryReactor* CaseServiceImpl::AppendEntry(grpc::CallbackServerContext* context,
                                                       const v1::AppendEntryRequest* request,
                                                       v1::Entry* response) {
  return RespondUnary(*auth_, context, response, [&](const Caller& caller, Reply<v1::Entry> reply) {
    chronology_->AppendEntry(caller, *request, std::move(reply));
  });
}

grpc::ServerUnaryReactor* CaseServiceImpl::CorrectEntry(grpc::CallbackServerContext* context,
                                                        const v1::CorrectEntryRequest* request,
                                                        v1::Entry* response) {
  return RespondUnary(*auth_, context, response, [&](const Caller& caller, Reply<v1::Entry> reply) {
    chronology_->CorrectEntry(caller, *request, std::move(reply));
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
  chronology_->OpenCaseFile(*caller, *request, "GetCaseFile",
                            [reactor](absl::StatusOr<v1::Case> c) {
                              if (!c.ok()) return reactor->Fail(ToGrpcStatus(c.status()));
                              EntryStreamReactor::Plan plan;
                              plan.case_id = c->name().substr(6);
                              plan.last = c->version();
                              plan.entries_field = v1::GetCaseFileResponse::kEntriesFieldNumber;
                              storage::AppendLengthDelimited(
                                  plan.header, v1::GetCaseFileResponse::kCaseFieldNumber,
                                  c->SerializeAsString());
                              reactor->Begin(std::move(plan));
                            });
  return reactor;
}

grpc::ServerWriteReactor<grpc::ByteBuffer>* CaseServiceImpl::WatchCase(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* raw_request) {
  auto* reactor = new EntryStreamReactor(chronology_, feed_);
  auto request = ParseRequest<v1::WatchCaseRequest>(*raw_request);
  auto caller = request.ok() ? auth_->Authenticate(*context) : request.status();
  auto c = caller.ok() ? chronology_->OpenWatch(*caller, *request) : caller.status();
  if (!c.ok()) {
    reactor->Fail(ToGrpcStatus(c.status()));
    return reactor;
  }
  EntryStreamReactor::Plan plan;
  plan.case_id = c->name().substr(6);
  plan.first = request->after_version() + 1;
  plan.live = true;
  plan.entries_field = v1::WatchCaseResponse::kEntriesFieldNumber;
  reactor->Begin(std::move(plan));
  return reactor;
}

}  // namespace casefile
