// Record ids: how the store tells legacy records apart.
//
// A locator ("paper/HPVP_2012_0457.csv#row=3") names a place inside one import
// folder. Later batches come from the same systems with the same file names,
// so one place can hold different records in different folders. A record's id
// is its locator while it is the first record read from that place, and
// "<locator>@<16 hex digits of its content digest>" for a record with other
// content read from the same place later. The same place with the same
// content is the same record, whichever folder, path or label brought it.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_MIGRATION_RECORD_ID_H_
#define CASEFILE_MIGRATION_RECORD_ID_H_

#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "casefile/v1/case.pb.h"
#include "casefile/v1/import.pb.h"
#include "casefile/v1/person.pb.h"
#include "core/input/source_record_id.h"
#include "migration/legacy_record.h"

namespace casefile::migration {

// The digest of everything read of the record (not its locator).
uint64_t ContentDigest(const LegacyEvent& e);
uint64_t ContentDigest(const NominalRecord& n);

// "<locator>@<16 hex digits of digest>".
std::string VersionedRecordId(absl::string_view locator, uint64_t digest);

// The locator of a record id (the id without its "@<digest>" suffix).
absl::string_view LocatorOfRecord(absl::string_view record_id);

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_RECORD_ID_H_
