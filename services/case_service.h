// CaseServiceImpl: the gRPC adapter of casefile.v1.CaseService. Each handler
// authenticates, calls CaseChronology, and maps the status — no rules here.
// Unary calls use the callback API so a durable append holds no thread while
// it waits for its group commit; the two streams send stored bytes as they are.
//
// Thread-safe.
#ifndef CASEFILE_SERVICES_CASE_SERVICE_H_
#define CASEFILE_SERVICES_CASE_SERVICE_H_

#include "casefile/v1/case_service.grpc.pb.h"
#include "core/chronology/case_chronology.h"
#include "core/chronology/change_feed.h"
#include "services/token_authenticator.h"

namespace casefile {

// Every method is raw: the service parses its requests itself, so that text
// that is not UTF-8 is answered with the field it is in (request_parse.h).
using CaseServiceBase = v1::CaseService::WithRawCallbackMethod_CreateCase<
    v1::CaseService::WithRawCallbackMethod_GetCase<
        v1::CaseService::WithRawCallbackMethod_ListCases<
            v1::CaseService::WithRawCallbackMethod_AppendEntry<
                v1::CaseService::WithRawCallbackMethod_CorrectEntry<
                    v1::CaseService::WithRawCallbackMethod_GetCaseFile<
                        v1::CaseService::WithRawCallbackMethod_WatchCase<
                            v1::CaseService::WithRawCallbackMethod_SetCaseRestriction<
                                v1::CaseService::WithRawCallbackMethod_ReviewCase<
                                    v1::CaseService::WithRawCallbackMethod_CorrectSubjects<
                                        v1::CaseService::WithRawCallbackMethod_AssignCase<
                                            v1::CaseService::CallbackService>>>>>>>>>>>;

class CaseServiceImpl final : public CaseServiceBase {
 public:
  // All three must outlive the service.
  CaseServiceImpl(const TokenAuthenticator* auth, CaseChronology* chronology, ChangeFeed* feed);

  grpc::ServerUnaryReactor* CreateCase(grpc::CallbackServerContext* context,
      const grpc::ByteBuffer* request, grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* GetCase(grpc::CallbackServerContext* context,
      const grpc::ByteBuffer* request, grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* ListCases(grpc::CallbackServerContext* context,
      const grpc::ByteBuffer* request, grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* AppendEntry(grpc::CallbackServerContext* context,
      const grpc::ByteBuffer* request, grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* CorrectEntry(grpc::CallbackServerContext* context,
      const grpc::ByteBuffer* request, grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* SetCaseRestriction(grpc::CallbackServerContext* context,
      const grpc::ByteBuffer* request, grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* ReviewCase(grpc::CallbackServerContext* context,
      const grpc::ByteBuffer* request, grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* CorrectSubjects(grpc::CallbackServerContext* context,
      const grpc::ByteBuffer* request, grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* AssignCase(grpc::CallbackServerContext* context,
      const grpc::ByteBuffer* request, grpc::ByteBuffer* response) override;
  grpc::ServerWriteReactor<grpc::ByteBuffer>* GetCaseFile(grpc::CallbackServerContext* context,
                                                          const grpc::ByteBuffer* request) override;
  grpc::ServerWriteReactor<grpc::ByteBuffer>* WatchCase(grpc::CallbackServerContext* context,
                                                        const grpc::ByteBuffer* request) override;

 private:
  const TokenAuthenticator* const auth_;
  CaseChronology* const chronology_;
  ChangeFeed* const feed_;
};

}  // namespace casefile

#endif  // CASEFILE_SERVICES_CASE_SERVICE_H_
