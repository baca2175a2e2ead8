// What the store knows of a legacy record an import reads: whether it was
// imported before (the re-run skips it), whether its case was erased since
// (nothing of it comes back), and whether its place held another record (it
// is imported under a versioned id and the report lists it as changed). A
// record is known by its place and content, see record_id.h.
//
// Thread-safety: as the transaction passed in.
#ifndef CASEFILE_MIGRATION_KNOWN_RECORDS_H_
#define CASEFILE_MIGRATION_KNOWN_RECORDS_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "casefile/v1/import.pb.h"
#include "migration/legacy_record.h"
#include "storage/lmdb.h"

namespace casefile::migration {

// How the store knows a record read at a locator with a content digest.
struct KnownRecord {
  std::string id;         // its record id (see record_id.h)
  bool imported = false;  // imported before: skip it
  bool erased = false;    // imported before into a case since erased: skip it, and all it says
  // Another record was imported from the same place before, by `other_import`.
  bool place_taken = false;
  std::string other_import;
};

// An event record read at `locator` with content `digest`.
absl::StatusOr<KnownRecord> LookUpRecord(const storage::LmdbTxn& txn, const std::string& locator,
                                         uint64_t digest);

// The same for a nominal row (person records are keyed by record id too);
// `erased` stays false.
absl::StatusOr<KnownRecord> LookUpPersonRecord(const storage::LmdbTxn& txn, const NominalRecord& n,
                                               uint64_t digest);

// The report's line for a record from a place that held another record;
// `case_name` is empty when the report names no case (a dry run, a nominal row).
v1::ChangedRecord ChangedRecordLine(const std::string& locator, const KnownRecord& known,
                                    const std::string& case_name);

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_KNOWN_RECORDS_H_
