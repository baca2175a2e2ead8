#include "services/refusal_log.h"

#include <map>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/strip.h"
#include "google/protobuf/descriptor.h"
#include "services/audit_note.h"
#include "services/server_log.h"

namespace casefile {
namespace {

using grpc::experimental::InterceptionHookPoints;

// "request: not a valid casefile.v1.GetPersonRequest message; ...".
std::string UnparsedRequestMessage(absl::string_view method) {
  // "/casefile.v1.PersonService/GetPerson" → "casefile.v1.PersonService.GetPerson".
  std::string full_name = absl::StrReplaceAll(absl::StripPrefix(method, "/"), {{"/", "."}});
  const google::protobuf::MethodDescriptor* descriptor =
      google::protobuf::DescriptorPool::generated_pool()->FindMethodByName(full_name);
  return absl::StrCat("request: not a valid ",
                      descriptor != nullptr ? descriptor->input_type()->full_name() : "request",
                      " message; every text field must be valid UTF-8");
}

bool IsServerFault(grpc::StatusCode code) {
  return code == grpc::StatusCode::INTERNAL || code == grpc::StatusCode::UNKNOWN ||
         code == grpc::StatusCode::DATA_LOSS || code == grpc::StatusCode::UNAVAILABLE ||
         code == grpc::StatusCode::DEADLINE_EXCEEDED;
}

// What a handler left in the trailing metadata for this record (audit_note.h),
// taken off so that it never reaches the client.
struct AuditNoteFields {
  std::optional<std::string> user;
  std::optional<std::string> peer;
};
AuditNoteFields TakeAuditNote(std::multimap<std::string, std::string>* trailers) {
  AuditNoteFields note;
  if (trailers == nullptr) return note;
  if (auto it = trailers->find(kAuditNoteUser); it != trailers->end()) note.user = it->second;
  if (auto it = trailers->find(kAuditNotePeer); it != trailers->end()) note.peer = it->second;
  trailers->erase(kAuditNoteUser);
  trailers->erase(kAuditNotePeer);
  return note;
}

class RefusalLog final : public grpc::experimental::Interceptor {
 public:
  RefusalLog(const TokenAuthenticator* auth, AuditTrail* audit,
             grpc::experimental::ServerRpcInfo* info)
      : auth_(auth), audit_(audit), info_(info) {}

  void Intercept(grpc::experimental::InterceptorBatchMethods* methods) override {
    // A unary request that failed to parse reaches here as no message.
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::POST_RECV_MESSAGE) &&
        info_->type() == grpc::experimental::ServerRpcInfo::Type::UNARY &&
        methods->GetRecvMessage() == nullptr) {
      unparsed_ = true;
    }
    if (methods->QueryInterceptionHookPoint(InterceptionHookPoints::PRE_SEND_STATUS)) {
      grpc::Status status = methods->GetSendStatus();
      if (unparsed_ && status.error_code() == grpc::StatusCode::UNIMPLEMENTED &&
          status.error_message().empty()) {
        status = grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, UnparsedRequestMessage(Method()));
        methods->ModifySendStatus(status);
      }
      AuditNoteFields note = TakeAuditNote(methods->GetSendTrailingMetadata());
      if (!status.ok() && status.error_code() != grpc::StatusCode::CANCELLED) {
        v1::AuditEvent event = Log(status, note);
        if (audit_ != nullptr) {
          // The status is sent once the refusal's record is durable.
          audit_->Record(std::move(event), [methods](absl::Status) { methods->Proceed(); });
          return;
        }
      }
    }
    methods->Proceed();
  }

 private:
  absl::string_view Method() const {
    const char* method = info_->method();
    return method != nullptr ? method : "";
  }

  // Logs the refusal and returns its audit record.
  v1::AuditEvent Log(const grpc::Status& status, const AuditNoteFields& note) {
    // Refusals are rare: the caller is looked up again only for them.
    std::optional<Caller> caller;
    std::string peer = "unknown";
    if (grpc::ServerContextBase* context = info_->server_context(); context != nullptr) {
      if (absl::StatusOr<Caller> known = auth_->Authenticate(*context); known.ok()) {
        caller = *std::move(known);
      }
      peer = context->peer();
    }
    // The handler knows better whom the call was about (a failed sign-in).
    if (note.user) caller.reset();
    if (note.peer) peer = *note.peer;
    const std::string user = note.user ? *note.user : caller ? caller->user : "unknown";
    const std::string role = caller ? std::string(RoleName(caller->role)) : "unknown";
    const std::string code =
        absl::StatusCodeToString(static_cast<absl::StatusCode>(status.error_code()));
    // What a client chose (the method's name) is escaped: no forged lines.
    ServerLog("%s %s: %s (user %s, role %s, peer %s)",
              IsServerFault(status.error_code()) ? "failed" : "refused",
              absl::CHexEscape(absl::StripPrefix(Method(), "/")), code, user, role,
              absl::CHexEscape(peer));
    // "/casefile.v1.CaseService/GetCase" → "GetCase".
    absl::string_view kind = Method();
    if (size_t slash = kind.rfind('/'); slash != absl::string_view::npos)
      kind = kind.substr(slash + 1);
    v1::AuditEvent event;
    if (audit_ != nullptr) {
      event = caller ? audit_->NewEvent(*caller, kind) : audit_->NewAnonymousEvent(peer, kind);
      if (note.user) event.set_user(user);
      event.set_outcome(code);
    }
    return event;
  }

  const TokenAuthenticator* const auth_;
  AuditTrail* const audit_;
  grpc::experimental::ServerRpcInfo* const info_;
  bool unparsed_ = false;
};

}  // namespace

grpc::experimental::Interceptor* RefusalLogFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  return new RefusalLog(auth_, audit_, info);
}

}  // namespace casefile
