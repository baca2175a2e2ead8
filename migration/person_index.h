// The person index (issue 3, part 5): every legacy person record in the store
// clustered into persons by the person matcher, honouring operator decisions,
// and handed to the domain's person tables (core/persons/person_tables.h:
// P\0 persons, Q\0 name tokens), plus the uncertain pairs as KIND_PERSON
// review items.
//
// The index is a pure function of the stored records and decisions: the same
// records and decisions give the same persons with the same ids, in whatever
// order the records were imported. Rebuilt after every import and decision.
//
//   auto index = ComputePersonIndex(txn, {});   // inside a writer op
//   if (index.ok()) status = WritePersonIndex(txn, *index);
//
// Thread-safety: as the transaction passed in.
#ifndef CASEFILE_MIGRATION_PERSON_INDEX_H_
#define CASEFILE_MIGRATION_PERSON_INDEX_H_

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "casefile/storage/v1/records.pb.h"
#include "casefile/v1/import.pb.h"
#include "casefile/v1/person.pb.h"
#include "migration/match/match_result.h"
#include "storage/lmdb.h"

namespace casefile::migration {

struct PersonIndex {
  std::vector<v1::Person> persons;          // by name
  std::vector<v1::ReviewItem> review_items;  // strongest evidence first
  int64_t records = 0;                       // person records clustered
};

// Clusters the stored person records (p\0) together with `pending` (records
// not written yet, e.g. of a dry run; a pending record whose locator is
// already stored, or repeats an earlier pending one, is ignored, as a write
// would ignore it). Operator decisions (D\0) between two of these records are
// honoured: merge joins them, separate keeps their persons apart. Decisions
// that contradict each other (a chain of merges joining a separated pair)
// resolve towards keeping apart: the merges that would join them are ignored.
// Review items are made for the matcher's uncertain pairs that have no
// decision yet, named "reviewItems/p-" + PairId of the two locators.
// A person keeps the id it is stored under when its records regroup: each
// stored id goes to the new person holding most of its records (others get
// the id of their smallest locator, see PersonIdFor).
// The matcher is told the case file each record was written in: its own case
// (subjects), else the case its source_ref was filed under (the reference
// index, or a subject record named under the same reference), so that two
// forenames in one case are kept apart as twins or siblings.
absl::StatusOr<PersonIndex> ComputePersonIndex(
    const storage::LmdbTxn& txn, absl::Span<const storage::v1::StoredPersonRecord> pending);

// The matcher's clusters of some person records (`by_locator`: the matcher
// sees them in locator order), honouring the operator decisions between them
// as ComputePersonIndex does; `review` holds the uncertain pairs no decision
// settled. ComputePersonIndex clusters every record; a live write (see
// live_person_linker.h) clusters the records of the persons near a new one.
struct PersonClustering {
  std::vector<storage::v1::StoredPersonRecord> records;  // in locator order
  std::vector<int> cluster;                              // per record
  std::vector<MatchEvidence> review;                     // indexes into records
};
absl::StatusOr<PersonClustering> ClusterPersonRecords(
    const storage::LmdbTxn& txn, std::map<std::string, storage::v1::StoredPersonRecord> by_locator);

// The review item "reviewItems/p-<pair id>" of two records and their evidence.
v1::ReviewItem PersonReviewItem(const storage::v1::StoredPersonRecord& a,
                                const storage::v1::StoredPersonRecord& b, const MatchEvidence& evidence);

// Stores each review item that is not stored yet (a stored item keeps its
// decision).
absl::Status StoreNewReviewItems(storage::LmdbTxn& txn, absl::Span<const v1::ReviewItem> items);

// ComputePersonIndex of the stored records, then WritePersonIndex: what an
// operator's decision, a separation or an erasure does to the persons.
absl::Status RecomputePersonIndex(storage::LmdbTxn& txn);

// Replaces the P\0 and Q\0 tables with `index`, and stores each review item
// that is not stored yet (a stored item keeps its decision).
absl::Status WritePersonIndex(storage::LmdbTxn& txn, const PersonIndex& index);

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_PERSON_INDEX_H_
