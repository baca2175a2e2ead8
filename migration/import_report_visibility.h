// Need to know in import reports: an operator who may not know a restricted
// case sees no line of a report that names it (core/access/need_to_know.h). Counts
// stay whole: they name no case.
//
// Thread-safety: as the transaction passed in.
#ifndef CASEFILE_MIGRATION_IMPORT_REPORT_VISIBILITY_H_
#define CASEFILE_MIGRATION_IMPORT_REPORT_VISIBILITY_H_

#include "absl/status/status.h"
#include "casefile/v1/import.pb.h"
#include "core/access/need_to_know.h"

namespace casefile::migration {

// Removes from `report` every line naming a case `cases` does not know.
absl::Status HideUnknownCases(CaseVisibility& cases, v1::Import& report);

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_IMPORT_REPORT_VISIBILITY_H_
