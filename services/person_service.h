// PersonServiceImpl: the gRPC adapter of casefile.v1.PersonService. Each
// handler authenticates, calls PersonDirectory, records what it returned in
// the audit trail, and maps the status.
//
// Thread-safe.
#ifndef CASEFILE_SERVICES_PERSON_SERVICE_H_
#define CASEFILE_SERVICES_PERSON_SERVICE_H_

#include "absl/time/clock.h"
#include "casefile/v1/person.grpc.pb.h"
#include "core/audit/audit_trail.h"
#include "core/persons/person_directory.h"
#include "services/token_authenticator.h"
#include "storage/store.h"

namespace casefile {

class PersonServiceImpl final : public v1::PersonService::CallbackService {
 public:
  // `auth` and `store` must outlive the service.
  PersonServiceImpl(const TokenAuthenticator* auth, storage::Store* store)
      : auth_(auth), directory_(store), audit_(store, [] { return absl::Now(); }) {}

  grpc::ServerUnaryReactor* SearchPersons(grpc::CallbackServerContext* context,
                                          const v1::SearchPersonsRequest* request,
                                          v1::SearchPersonsResponse* response) override;
  grpc::ServerUnaryReactor* GetPerson(grpc::CallbackServerContext* context,
                                      const v1::GetPersonRequest* request,
                                      v1::Person* response) override;
  grpc::ServerUnaryReactor* ListPersons(grpc::CallbackServerContext* context,
                                        const v1::ListPersonsRequest* request,
                                        v1::ListPersonsResponse* response) override;

 private:
  const TokenAuthenticator* const auth_;
  PersonDirectory directory_;
  AuditTrail audit_;
};

}  // namespace casefile

#endif  // CASEFILE_SERVICES_PERSON_SERVICE_H_
