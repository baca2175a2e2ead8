// LivePersonLinker: the import's matcher applied to one live write's person
// records (core/persons/person_linker.h), so that a child named in a case
// created today is the same person as in the migrated records, with the same
// safety rules: no merge across a generation of one name at one address, none
// of siblings in one case, none where no name agrees.
//
// How, for each record: the persons near it are those sharing one of its
// blocking tokens (core/persons/person_blocking_tokens.h: the import's
// blocking keys on names and date of birth, kept in the person index), their
// records and the new one are clustered by ClusterPersonRecords exactly as an
// import clusters all records (operator decisions honoured), and the new
// record joins the one existing person its cluster holds whole. Where the
// cluster would join two persons or split one, or a pair is uncertain, the
// record becomes a person of its own and the doubt goes to review: precision
// first. A later import or decision computes the whole index again from the
// same records, so the two paths cannot drift for long.
//
// Thread-safety: const; Link runs in the single writer's transaction.
#ifndef CASEFILE_MIGRATION_LIVE_PERSON_LINKER_H_
#define CASEFILE_MIGRATION_LIVE_PERSON_LINKER_H_

#include <string>
#include <vector>

#include "core/persons/person_linker.h"

namespace casefile::migration {

// The meta counter every live link moves on, so that an import that computed
// the index on an earlier snapshot computes it again in its write (see
// import_writes.cc, PersonInputsFingerprint).
inline constexpr char kLivePersonLinksCounter[] = "live_person_links";

class LivePersonLinker : public PersonLinker {
 public:
  absl::StatusOr<std::vector<std::string>> Link(
      storage::LmdbTxn& txn, absl::Span<const storage::v1::StoredPersonRecord> records) const override;
  // The whole index is computed again (live_person_unlink.cc).
  absl::Status Unlink(storage::LmdbTxn& txn, absl::Span<const std::string> locators) const override;
};

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_LIVE_PERSON_LINKER_H_
