// The records (and files) of an import that could not be read, kept verbatim
// with their locator and reason: nothing read is ever dropped from the store.
// The import report lists the first of them; ListRejectedRecords pages
// through all, with their content.
//
// Thread-safety: as the transaction passed in.
#ifndef CASEFILE_MIGRATION_REJECTED_RECORDS_H_
#define CASEFILE_MIGRATION_REJECTED_RECORDS_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "casefile/v1/import.pb.h"
#include "storage/lmdb.h"

namespace casefile::migration {

// Stores `rejected` (with `raw`) under import `import_id` ("imp-000001").
absl::Status SaveRejectedRecords(storage::LmdbTxn& txn, absl::string_view import_id,
                                 absl::Span<const v1::Rejection> rejected);

// One page of an import's rejected records, in locator order.
absl::StatusOr<v1::ListRejectedRecordsResponse> ListRejectedRecords(const storage::LmdbTxn& txn,
                                                                    absl::string_view import_id,
                                                                    int32_t page_size, absl::string_view page_token);

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_REJECTED_RECORDS_H_
