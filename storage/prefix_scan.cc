#include "storage/prefix_scan.h"

#include "absl/strings/match.h"

namespace casefile::storage {

absl::Status ScanPrefix(
    const LmdbTxn& txn, absl::string_view prefix,
    absl::FunctionRef<absl::Status(absl::string_view rest, absl::string_view value)> visit) {
  auto cursor = txn.OpenCursor();
  if (!cursor.ok()) return cursor.status();
  for (auto at = cursor->Seek(prefix);; at = cursor->Next()) {
    if (!at.ok()) return at.status();
    if (!*at || !absl::StartsWith(cursor->key(), prefix)) return absl::OkStatus();
    if (absl::Status s = visit(cursor->key().substr(prefix.size()), cursor->value()); !s.ok()) return s;
  }
}

}  // namespace casefile::storage
