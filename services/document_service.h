// DocumentServiceImpl: the gRPC adapter of casefile.v1.DocumentService. Each
// handler authenticates, hands the request to DocumentLibrary, and maps the
// status; the upload's text is extracted here (migration/document_text.h)
// between receiving the content and storing it. Uses the synchronous API:
// an upload or download of 50 MB holds one thread while it streams, and its
// bytes go straight between the socket and a file, never whole in memory.
//
// Thread-safe.
#ifndef CASEFILE_SERVICES_DOCUMENT_SERVICE_H_
#define CASEFILE_SERVICES_DOCUMENT_SERVICE_H_

#include "casefile/v1/document_service.grpc.pb.h"
#include "core/documents/document_library.h"
#include "services/token_authenticator.h"

namespace casefile {

class DocumentServiceImpl final : public v1::DocumentService::Service {
 public:
  // Both must outlive the service.
  DocumentServiceImpl(const TokenAuthenticator* auth, DocumentLibrary* library) : auth_(auth), library_(library) {}

  grpc::Status AttachDocument(grpc::ServerContext* context, grpc::ServerReader<v1::AttachDocumentRequest>* reader,
                              v1::Document* response) override;
  grpc::Status GetDocument(grpc::ServerContext* context, const v1::GetDocumentRequest* request,
                           grpc::ServerWriter<v1::GetDocumentResponse>* writer) override;
  grpc::Status ListDocuments(grpc::ServerContext* context, const v1::ListDocumentsRequest* request,
                             v1::ListDocumentsResponse* response) override;
  grpc::Status SearchDocuments(grpc::ServerContext* context, const v1::SearchDocumentsRequest* request,
                               v1::SearchDocumentsResponse* response) override;

 private:
  const TokenAuthenticator* const auth_;
  DocumentLibrary* const library_;
};

}  // namespace casefile

#endif  // CASEFILE_SERVICES_DOCUMENT_SERVICE_H_
