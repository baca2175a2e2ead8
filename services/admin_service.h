// AdminServiceImpl: the gRPC adapter of casefile.v1.AdminService. Backup
// checks the caller (admin only) and the folder, then writes LMDB's
// compacting copy of the store there, and the documents' content files it
// links beside it (documents/), while the service goes on serving; a
// backup taken is recorded in the audit trail (kind "Backup", the file).
// Uses the synchronous API: a backup of a large store takes a while, and
// holding one thread for it is the simple choice.
//
// Thread-safe; backups run one at a time.
#ifndef CASEFILE_SERVICES_ADMIN_SERVICE_H_
#define CASEFILE_SERVICES_ADMIN_SERVICE_H_

#include "absl/synchronization/mutex.h"
#include "casefile/v1/admin.grpc.pb.h"
#include "core/audit/audit_trail.h"
#include "core/documents/document_library.h"
#include "migration/import_engine.h"
#include "services/token_authenticator.h"
#include "storage/store.h"

namespace casefile {

class AdminServiceImpl final : public v1::AdminService::Service {
 public:
  // All must outlive the service.
  AdminServiceImpl(const TokenAuthenticator* auth, storage::Store* store, AuditTrail* audit,
                   migration::ImportEngine* imports, DocumentLibrary* documents)
      : auth_(auth), store_(store), audit_(audit), imports_(imports), documents_(documents) {}

  grpc::Status Backup(grpc::ServerContext* context, const v1::BackupRequest* request,
                      v1::BackupResponse* response) override;
  // Erasure runs between imports (core/retention/case_eraser.h).
  grpc::Status EraseCase(grpc::ServerContext* context, const v1::EraseCaseRequest* request,
                         v1::EraseCaseResponse* response) override;

 private:
  const TokenAuthenticator* const auth_;
  storage::Store* const store_;
  AuditTrail* const audit_;
  migration::ImportEngine* const imports_;
  DocumentLibrary* const documents_;
  absl::Mutex backup_mu_;  // one backup at a time
};

}  // namespace casefile

#endif  // CASEFILE_SERVICES_ADMIN_SERVICE_H_
