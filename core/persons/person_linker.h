// PersonLinker: makes the people a live write names persons of the index, in
// the write's own transaction, with the same matcher and safety rules as an
// import. The domain calls it; the import, which owns the matcher and the
// person index (migration/live_person_linker.h), implements it, so core/
// includes nothing of migration/.
//
// Thread-safety: Link runs inside the single writer's transaction.
#ifndef CASEFILE_CORE_PERSONS_PERSON_LINKER_H_
#define CASEFILE_CORE_PERSONS_PERSON_LINKER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "casefile/storage/v1/records.pb.h"
#include "storage/lmdb.h"

namespace casefile {

class PersonLinker {
 public:
  virtual ~PersonLinker() = default;

  // Stores each record (its locator names the write, e.g.
  // "cases/CF-000001#subject=1") and links it to a person: the one person a
  // certain match names; otherwise a new person, with a review item for each
  // uncertain match. Returns each record's person ("persons/{person}"), in
  // order.
  virtual absl::StatusOr<std::vector<std::string>> Link(
      storage::LmdbTxn& txn, absl::Span<const storage::v1::StoredPersonRecord> records) const = 0;

  // Takes the stored records at `locators` (a live write's, which a
  // correction replaced) out of the person index, with the review items and
  // operator decisions naming them; the persons that held them keep their
  // other records or go. A locator never stored is no error.
  virtual absl::Status Unlink(storage::LmdbTxn& txn, absl::Span<const std::string> locators) const = 0;
};

}  // namespace casefile

#endif  // CASEFILE_CORE_PERSONS_PERSON_LINKER_H_
