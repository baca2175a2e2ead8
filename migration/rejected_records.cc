#include "migration/rejected_records.h"

#include <algorithm>
#include <string>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "storage/keys.h"

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
  // The token is the key (after the import's prefix) of the last record sent;
  // a page starts with a seek there, so paging through N records reads each once.
  std::string after;
  if (!page_token.empty() && (!absl::WebSafeBase64Unescape(page_token, &after) || after.empty()))
    return absl::InvalidArgumentError("page_token: not a token from a previous ListRejectedRecords");
  const std::string prefix = storage::keys::RejectedPrefix(import_id);
  auto cursor = txn.OpenCursor();
  if (!cursor.ok()) return cursor.status();
  v1::ListRejectedRecordsResponse out;
  std::string last;
  for (auto at = cursor->Seek(prefix + after);; at = cursor->Next()) {
    if (!at.ok()) return at.status();
    if (!*at || !absl::StartsWith(cursor->key(), prefix)) break;
    const absl::string_view key = cursor->key().substr(prefix.size());
    if (!after.empty() && key == after) continue;
    if (out.rejections_size() == limit) {
      out.set_next_page_token(absl::WebSafeBase64Escape(last));
      break;
    }
    if (!out.add_rejections()->ParseFromArray(cursor->value().data(), static_cast<int>(cursor->value().size())))
      return absl::DataLossError("corrupt rejected record");
    last = std::string(key);
  }
  return out;
}

}  // namespace casefile::migration
