#include "migration/rejected_records.h"

#include <string>

#include "absl/strings/escaping.h"
#include "storage/keys.h"
#include "storage/prefix_scan.h"

namespace casefile::migration {

absl::Status SaveRejectedRecords(storage::LmdbTxn& txn, absl::string_view import_id,
                                 absl::Span<const v1::Rejection> rejected) {
  for (const v1::Rejection& r : rejected) {
    if (auto s = txn.Put(storage::keys::Rejected(import_id, r.locator()), r.SerializeAsString()); !s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::StatusOr<v1::ListRejectedRecordsResponse> ListRejectedRecords(const storage::LmdbTxn& txn,
                                                                    absl::string_view import_id,
                                                                    int32_t page_size, absl::string_view page_token) {
  if (page_size < 0) return absl::InvalidArgumentError("page_size: must not be negative");
  const int limit = page_size == 0 ? 50 : std::min(page_size, 1000);
  // The token is the key (after the import's prefix) of the last record sent.
  std::string after;
  if (!page_token.empty() && (!absl::WebSafeBase64Unescape(page_token, &after) || after.empty()))
    return absl::InvalidArgumentError("page_token: not a token from a previous ListRejectedRecords");
  v1::ListRejectedRecordsResponse out;
  const absl::Status kFull = absl::CancelledError("page full");
  std::string last;
  absl::Status s = storage::ScanPrefix(
      txn, storage::keys::RejectedPrefix(import_id), [&](absl::string_view key, absl::string_view value) {
        if (!after.empty() && key <= after) return absl::OkStatus();
        if (out.rejections_size() == limit) {
          out.set_next_page_token(absl::WebSafeBase64Escape(last));
          return kFull;
        }
        if (!out.add_rejections()->ParseFromArray(value.data(), static_cast<int>(value.size())))
          return absl::DataLossError("corrupt rejected record");
        last = std::string(key);
        return absl::OkStatus();
      });
  if (!s.ok() && s != kFull) return s;
  return out;
}

}  // namespace casefile::migration
