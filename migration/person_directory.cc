#include "migration/person_directory.h"

#include "migration/person_search.h"

namespace casefile::migration {

absl::StatusOr<v1::SearchPersonsResponse> PersonDirectory::Search(
    const Caller& caller, const v1::SearchPersonsRequest& request) {
  if (absl::Status s = Authorize(caller, Action::kReadPersons); !s.ok()) return s;
  auto read = store_->BeginRead();
  if (!read.ok()) return read.status();
  auto matches = SearchPersons((*read)->txn(), request);
  if (!matches.ok()) return matches.status();
  v1::SearchPersonsResponse response;
  for (v1::PersonMatch& m : *matches) *response.add_results() = std::move(m);
  return response;
}

absl::StatusOr<v1::Person> PersonDirectory::Get(const Caller& caller, absl::string_view name) {
  if (absl::Status s = Authorize(caller, Action::kReadPersons); !s.ok()) return s;
  auto read = store_->BeginRead();
  if (!read.ok()) return read.status();
  return GetPerson((*read)->txn(), name);
}

absl::StatusOr<v1::ListPersonsResponse> PersonDirectory::List(const Caller& caller,
                                                              const v1::ListPersonsRequest& request) {
  if (absl::Status s = Authorize(caller, Action::kReadPersons); !s.ok()) return s;
  auto read = store_->BeginRead();
  if (!read.ok()) return read.status();
  return ListPersons((*read)->txn(), request);
}

}  // namespace casefile::migration
