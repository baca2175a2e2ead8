#include "core/persons/person_directory.h"

#include "core/persons/live_record_locator.h"

namespace casefile {

PersonFilter KnownCasesOnly(CaseVisibility& cases) {
  return [&cases](v1::Person& person) -> absl::StatusOr<bool> {
    if (person.cases().empty()) return true;
    google::protobuf::RepeatedPtrField<std::string> known;
    for (std::string& name : *person.mutable_cases()) {
      auto knows = cases.Knows(name);
      if (!knows.ok()) return knows.status();
      if (*knows) known.Add(std::move(name));
    }
    person.mutable_cases()->Swap(&known);
    if (person.cases().empty()) return false;
    // The records written in a case kept from the reader, or joined to one
    // by the import, go too: their locators and text tell of that case.
    google::protobuf::RepeatedPtrField<v1::PersonSource> sources;
    for (v1::PersonSource& source : *person.mutable_sources()) {
      const absl::string_view in_case =
          source.case_().empty() ? LiveRecordCase(source.locator()) : absl::string_view(source.case_());
      if (!in_case.empty()) {
        auto knows = cases.Knows(in_case);
        if (!knows.ok()) return knows.status();
        if (!*knows) continue;
      }
      *sources.Add() = std::move(source);
    }
    person.mutable_sources()->Swap(&sources);
    return true;
  };
}

absl::StatusOr<v1::SearchPersonsResponse> PersonDirectory::Search(
    const Caller& caller, const v1::SearchPersonsRequest& request) {
  if (absl::Status s = Authorize(caller, Action::kReadPersons); !s.ok()) return s;
  auto read = store_->BeginRead();
  if (!read.ok()) return read.status();
  CaseVisibility cases((*read)->txn(), caller);
  auto matches = SearchPersons((*read)->txn(), request, KnownCasesOnly(cases));
  if (!matches.ok()) return matches.status();
  v1::SearchPersonsResponse response;
  for (v1::PersonMatch& m : *matches) *response.add_results() = std::move(m);
  return response;
}

absl::StatusOr<v1::Person> PersonDirectory::Get(const Caller& caller, absl::string_view name) {
  if (absl::Status s = Authorize(caller, Action::kReadPersons); !s.ok()) return s;
  auto read = store_->BeginRead();
  if (!read.ok()) return read.status();
  CaseVisibility cases((*read)->txn(), caller);
  return GetPerson((*read)->txn(), name, KnownCasesOnly(cases));
}

absl::StatusOr<v1::ListPersonsResponse> PersonDirectory::List(const Caller& caller,
                                                              const v1::ListPersonsRequest& request) {
  if (absl::Status s = Authorize(caller, Action::kReadPersons); !s.ok()) return s;
  auto read = store_->BeginRead();
  if (!read.ok()) return read.status();
  CaseVisibility cases((*read)->txn(), caller);
  return ListPersons((*read)->txn(), request, KnownCasesOnly(cases));
}

}  // namespace casefile
