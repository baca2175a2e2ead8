// ScanPrefix: visits every key of a table (or of one index prefix) in key
// order inside one transaction.
//
// Thread-safety: as the transaction passed in.
#ifndef CASEFILE_STORAGE_PREFIX_SCAN_H_
#define CASEFILE_STORAGE_PREFIX_SCAN_H_

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "storage/lmdb.h"

namespace casefile::storage {

// Calls `visit` with the part of each key after `prefix` and its value, for
// every key that starts with `prefix`. The views are valid during the call.
// The first error `visit` returns stops the scan and is returned.
absl::Status ScanPrefix(
    const LmdbTxn& txn, absl::string_view prefix,
    absl::FunctionRef<absl::Status(absl::string_view rest, absl::string_view value)> visit);

}  // namespace casefile::storage

#endif  // CASEFILE_STORAGE_PREFIX_SCAN_H_
