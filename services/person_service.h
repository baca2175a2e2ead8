// PersonServiceImpl: the gRPC adapter of casefile.v1.PersonService. Each
// handler authenticates, calls PersonDirectory (or PersonFileReader for a
// person's file, which records its own read with the purpose), records what
// it returned in the audit trail, and maps the status.
//
// Thread-safe.
#ifndef CASEFILE_SERVICES_PERSON_SERVICE_H_
#define CASEFILE_SERVICES_PERSON_SERVICE_H_

#include "absl/time/clock.h"
#include "casefile/v1/person.grpc.pb.h"
#include "core/audit/audit_trail.h"
#include "core/person_file/person_file.h"
#include "core/persons/person_directory.h"
#include "core/safeguarding/attention_lists.h"
#include "services/token_authenticator.h"
#include "storage/store.h"

namespace casefile {

class PersonServiceImpl final : public v1::PersonService::CallbackService {
 public:
  // All must outlive the service.
  PersonServiceImpl(const TokenAuthenticator* auth, storage::Store* store, const AttentionLists* attention)
      : auth_(auth),
        directory_(store),
        audit_(store, [] { return absl::Now(); }),
        person_files_(store, attention, &audit_) {}

  grpc::ServerUnaryReactor* SearchPersons(grpc::CallbackServerContext* context,
                                          const v1::SearchPersonsRequest* request,
                                          v1::SearchPersonsResponse* response) override;
  grpc::ServerUnaryReactor* GetPerson(grpc::CallbackServerContext* context,
                                      const v1::GetPersonRequest* request,
                                      v1::Person* response) override;
  grpc::ServerUnaryReactor* ListPersons(grpc::CallbackServerContext* context,
                                        const v1::ListPersonsRequest* request,
                                        v1::ListPersonsResponse* response) override;
  grpc::ServerUnaryReactor* GetPersonFile(grpc::CallbackServerContext* context,
                                          const v1::GetPersonFileRequest* request,
                                          v1::PersonFile* response) override;

 private:
  const TokenAuthenticator* const auth_;
  PersonDirectory directory_;
  AuditTrail audit_;
  PersonFileReader person_files_;  // after audit_, which it uses
};

}  // namespace casefile

#endif  // CASEFILE_SERVICES_PERSON_SERVICE_H_
