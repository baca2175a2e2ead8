// PersonDirectory: the domain side of casefile.v1.PersonService — checks the
// caller may read persons, then searches, reads or lists the person index
// (person_search.h) in one short read transaction.
//
// Thread-safe.
#ifndef CASEFILE_CORE_PERSONS_PERSON_DIRECTORY_H_
#define CASEFILE_CORE_PERSONS_PERSON_DIRECTORY_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "casefile/v1/person.pb.h"
#include "core/access/caller.h"
#include "core/access/need_to_know.h"
#include "core/persons/person_search.h"
#include "storage/store.h"

namespace casefile {

// Need to know for persons: a reader sees only the cases they may know of
// a person's; a person linked to cases and to none of those does not exist
// for them. Persons linked to no case (a nominal index row alone) are shown.
// `cases` must outlive the filter.
PersonFilter KnownCasesOnly(CaseVisibility& cases);

class PersonDirectory {
 public:
  // `store` must outlive this object.
  explicit PersonDirectory(storage::Store* store) : store_(store) {}

  absl::StatusOr<v1::SearchPersonsResponse> Search(const Caller& caller,
                                                   const v1::SearchPersonsRequest& request);
  absl::StatusOr<v1::Person> Get(const Caller& caller, absl::string_view name);
  absl::StatusOr<v1::ListPersonsResponse> List(const Caller& caller,
                                               const v1::ListPersonsRequest& request);

 private:
  storage::Store* const store_;
};

}  // namespace casefile

#endif  // CASEFILE_CORE_PERSONS_PERSON_DIRECTORY_H_
