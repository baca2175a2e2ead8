// ImportServiceImpl: the gRPC adapter of casefile.v1.ImportService. The
// upload is a bidirectional stream: files arrive in chunks, each is read as
// soon as it is complete (so only one file's bytes are held at a time), and
// progress goes back while the import runs. The folder's scanned documents
// come last (ImportFolderRequest.chunk): the import runs on the records
// received before them, and each document streams to disk
// (DocumentLibrary::BeginImported: never held whole, the same size limit and
// types as AttachDocument) and is attached as it arrives. Reads are recorded in the audit
// trail before they answer; imports and decisions record themselves. Uses the synchronous API: an
// import is long, and holding one thread for it is the simple choice.
//
// Thread-safe.
#ifndef CASEFILE_SERVICES_IMPORT_SERVICE_H_
#define CASEFILE_SERVICES_IMPORT_SERVICE_H_

#include "casefile/v1/import.grpc.pb.h"
#include "core/audit/audit_trail.h"
#include "core/documents/document_library.h"
#include "migration/import_engine.h"
#include "migration/review_queue.h"
#include "services/token_authenticator.h"

namespace casefile {

// The default of casefiled's --import_max_file_mb.
inline constexpr size_t kDefaultMaxImportFileBytes = size_t{256} << 20;

class ImportServiceImpl final : public v1::ImportService::Service {
 public:
  // All must outlive the service. An uploaded file of more than
  // `max_file_bytes` is not kept nor read: it becomes a rejected file of the
  // report ("file of N bytes exceeds the limit of M bytes") and the import
  // goes on with the others.
  ImportServiceImpl(const TokenAuthenticator* auth, migration::ImportEngine* engine,
                    migration::ReviewQueue* review, AuditTrail* audit,
                    size_t max_file_bytes = kDefaultMaxImportFileBytes, DocumentLibrary* documents = nullptr);

  grpc::Status ImportFolder(
      grpc::ServerContext* context,
      grpc::ServerReaderWriter<v1::ImportFolderResponse, v1::ImportFolderRequest>* stream) override;
  grpc::Status GetImport(grpc::ServerContext* context, const v1::GetImportRequest* request,
                         v1::Import* response) override;
  grpc::Status ListReviewItems(grpc::ServerContext* context, const v1::ListReviewItemsRequest* request,
                               v1::ListReviewItemsResponse* response) override;
  grpc::Status GetReviewItem(grpc::ServerContext* context, const v1::GetReviewItemRequest* request,
                             v1::ReviewItem* response) override;
  grpc::Status ResolveReviewItem(grpc::ServerContext* context,
                                 const v1::ResolveReviewItemRequest* request,
                                 v1::ReviewItem* response) override;
  grpc::Status SeparateRecord(grpc::ServerContext* context, const v1::SeparateRecordRequest* request,
                              v1::SeparateRecordResponse* response) override;
  grpc::Status ListRejectedRecords(grpc::ServerContext* context, const v1::ListRejectedRecordsRequest* request,
                                   v1::ListRejectedRecordsResponse* response) override;
  grpc::Status ListImports(grpc::ServerContext* context, const v1::ListImportsRequest* request,
                           v1::ListImportsResponse* response) override;

 private:
  const TokenAuthenticator* const auth_;
  migration::ImportEngine* const engine_;
  migration::ReviewQueue* const review_;
  const size_t max_file_bytes_;
  AuditTrail* const audit_;
  DocumentLibrary* const documents_;  // null: a folder's documents are refused
};

}  // namespace casefile

#endif  // CASEFILE_SERVICES_IMPORT_SERVICE_H_
