// Consolidation of the legacy records of one person (a cluster of the person
// matcher) into the casefile.v1.Person that searches return: the best-attested
// name and date of birth, every address and spelling, the cases, the sources.
// Everything depends only on the set of records, never on their order.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_MIGRATION_PERSON_CONSOLIDATION_H_
#define CASEFILE_MIGRATION_PERSON_CONSOLIDATION_H_

#include <string>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "casefile/storage/v1/records.pb.h"
#include "casefile/v1/person.pb.h"

namespace casefile::migration {

// "P" + 16 hex digits of the stable hash of the smallest locator of the person's
// records: the same records give the same id in every import.
std::string PersonIdFor(absl::string_view smallest_locator);

// The name a person gets when `taken` ("persons/P...") is held by another:
// derived from it, so the same records give the same name again.
std::string DerivedPersonName(absl::string_view taken);

// Forename and surname: the most frequent name (initials only when nothing
// longer is known; ties to the longer, then the alphabetically first), in its
// most frequent spelling. Date of birth: the most frequent at day precision,
// else at month precision, else at year precision, else unknown. Addresses most frequent first.
// REQUIRES: `records` is not empty.
v1::Person ConsolidatePerson(
    absl::Span<const storage::v1::StoredPersonRecord* const> records);

// "Ellie WATSON, 03/04/2008, 3 Elm St, Hereford, HR1 2AB [nominal N123; cases/CF-1]":
// the record's fields for an operator deciding a review item.
std::string PersonRecordSummary(const storage::v1::StoredPersonRecord& record);

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_PERSON_CONSOLIDATION_H_
