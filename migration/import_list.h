// The list of imports (ImportService.ListImports): each stored report's
// heading and counts, the newest first. Lines of a report (rejections, the
// cases it touched, ...) are left out: they are GetImport's, with need to
// know applied there. The few hundred imports of a migration are read whole
// and paged by position.
//
// Thread-safety: as the transaction passed in.
#ifndef CASEFILE_MIGRATION_IMPORT_LIST_H_
#define CASEFILE_MIGRATION_IMPORT_LIST_H_

#include "absl/status/statusor.h"
#include "casefile/v1/import.pb.h"
#include "storage/lmdb.h"

namespace casefile::migration {

absl::StatusOr<v1::ListImportsResponse> ListImports(const storage::LmdbTxn& txn,
                                                    const v1::ListImportsRequest& request);

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_IMPORT_LIST_H_
