// RefusalLog: a server interceptor that writes one server-log line for each
// call that ends in anything but OK (or CANCELLED, a client going away): the
// user (or "unknown"), the role, the RPC method, the status code and the
// client's address. Never the token, the status message (it may quote input)
// or any case text. For example:
//   refused casefile.v1.CaseService/AppendEntry: PERMISSION_DENIED (user ooh1,
//   role out_of_hours, peer ipv4:127.0.0.1:51324)
//
// It also appends an audit record of the refusal (core/audit/audit_trail.h): who,
// from where, which RPC and the status code, never the message. The status
// goes out only once that record is durable. A call that ends in OK records
// itself where it happens, so every call leaves exactly one record. A handler
// may name the user and address a refusal was about (audit_note.h: a failed
// sign-in); the interceptor puts them in the record and takes the note off.
//
// It also gives a reason to grpc++'s own answer to a unary request that does
// not parse (proto3 refuses strings that are not UTF-8): UNIMPLEMENTED with no
// message becomes INVALID_ARGUMENT saying so. Services that parse their
// requests themselves (request_parse.h) name the field instead.
//
// Thread-safe: one interceptor per call; the factory is read-only.
#ifndef CASEFILE_SERVICES_REFUSAL_LOG_H_
#define CASEFILE_SERVICES_REFUSAL_LOG_H_

#include <grpcpp/support/server_interceptor.h>

#include "core/audit/audit_trail.h"
#include "services/token_authenticator.h"

namespace casefile {

class RefusalLogFactory final : public grpc::experimental::ServerInterceptorFactoryInterface {
 public:
  // Both must outlive the server; `audit` may be null (no audit records).
  RefusalLogFactory(const TokenAuthenticator* auth, AuditTrail* audit)
      : auth_(auth), audit_(audit) {}

  grpc::experimental::Interceptor* CreateServerInterceptor(
      grpc::experimental::ServerRpcInfo* info) override;

 private:
  const TokenAuthenticator* const auth_;
  AuditTrail* const audit_;
};

}  // namespace casefile

#endif  // CASEFILE_SERVICES_REFUSAL_LOG_H_
