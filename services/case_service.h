// CaseServiceImpl: the gRPC adapter of casefile.v1.CaseService. Each handler
// authenticates, calls CaseChronology, and maps the status — no rules here.
// Unary calls use the callback API so a durable append holds no thread while
// it waits for its group commit; the two streams send stored bytes as they are.
//
// Thread-safe.
#ifndef CASEFILE_SERVICES_CASE_SERVICE_H_
#define CASEFILE_SERVICES_CASE_SERVICE_H_

#include "casefile/v1/case_service.grpc.pb.h"
#include "core/case_chronology.h"
#include "core/change_feed.h"
#include "services/token_authenticator.h"

namespace casefile {

using CaseServiceBase = v1::CaseService::WithRawCallbackMethod_GetCaseFile<
    v1::CaseService::WithRawCallbackMethod_WatchCase<v1::CaseService::CallbackService>>;

class CaseServiceImpl final : public CaseServiceBase {
 public:
  // All three must outlive the service.
  CaseServiceImpl(const TokenAuthenticator* auth, CaseChronology* chronology, ChangeFeed* feed);

  grpc::ServerUnaryReactor* CreateCase(grpc::CallbackServerContext* context,
                                       const v1::CreateCaseRequest* request,
                                       v1::Case* response) override;
  grpc::ServerUnaryReactor* GetCase(grpc::CallbackServerContext* context,
                                    const v1::GetCaseRequest* request, v1::Case* response) override;
  grpc::ServerUnaryReactor* ListCases(grpc::CallbackServerContext* context,
                                      const v1::ListCasesRequest* request,
                                      v1::ListCasesResponse* response) override;
  grpc::ServerUnaryReactor* AppendEntry(grpc::CallbackServerContext* context,
                                        const v1::AppendEntryRequest* request,
                                        v1::Entry* response) override;
  grpc::ServerUnaryReactor* CorrectEntry(grpc::CallbackServerContext* context,
                                         const v1::CorrectEntryRequest* request,
                                         v1::Entry* response) override;
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
