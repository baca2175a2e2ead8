// AttentionServiceImpl: the gRPC adapter of casefile.v1.AttentionService.
// Each handler authenticates and calls AttentionLists; every list returned
// and every watch message is audited.
//
// Thread-safe.
#ifndef CASEFILE_SERVICES_ATTENTION_SERVICE_H_
#define CASEFILE_SERVICES_ATTENTION_SERVICE_H_

#include "casefile/v1/attention.grpc.pb.h"
#include "core/audit/audit_trail.h"
#include "core/chronology/change_feed.h"
#include "core/safeguarding/attention_lists.h"
#include "services/token_authenticator.h"

namespace casefile {

class AttentionServiceImpl final : public v1::AttentionService::CallbackService {
 public:
  // All must outlive the service.
  AttentionServiceImpl(const TokenAuthenticator* auth, const AttentionLists* lists, ChangeFeed* feed,
                       AuditTrail* audit)
      : auth_(auth), lists_(lists), feed_(feed), audit_(audit) {}

  grpc::ServerUnaryReactor* ListAttentionItems(grpc::CallbackServerContext* context,
                                               const v1::ListAttentionItemsRequest* request,
                                               v1::ListAttentionItemsResponse* response) override;
  grpc::ServerWriteReactor<v1::WatchAttentionResponse>* WatchAttention(
      grpc::CallbackServerContext* context, const v1::WatchAttentionRequest* request) override;

 private:
  const TokenAuthenticator* const auth_;
  const AttentionLists* const lists_;
  ChangeFeed* const feed_;
  AuditTrail* const audit_;
};

}  // namespace casefile

#endif  // CASEFILE_SERVICES_ATTENTION_SERVICE_H_
