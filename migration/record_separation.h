// Undoing a merge (ImportService.SeparateRecord): an operator says a legacy
// record was wrongly merged. "Separate" decisions are stored between it and
// each record it was merged with, and its case (an event record) or the
// person index (a person record) is consolidated again, in the same
// transaction as the decision's audit record.
//
// Thread-compatible: no import may re-plan the case meanwhile (ImportEngine
// runs both under one mutex).
#ifndef CASEFILE_MIGRATION_RECORD_SEPARATION_H_
#define CASEFILE_MIGRATION_RECORD_SEPARATION_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "casefile/v1/import.pb.h"
#include "core/access/caller.h"
#include "migration/import_consolidation.h"

namespace casefile::migration {

// Separates the record imported at `locator` from those it was merged with.
// Returns the live entries or persons that now hold those records, the
// record's own first. NotFound for a locator never imported (or of a case
// `caller` may not know).
// REQUIRES: `caller` may import; `locator` is not empty.
absl::StatusOr<v1::SeparateRecordResponse> SeparateImportedRecord(const CaseStageParts& parts, const Caller& caller,
                                                                  absl::string_view locator);

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_RECORD_SEPARATION_H_
