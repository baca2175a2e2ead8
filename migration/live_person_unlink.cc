// LivePersonLinker::Unlink (live_person_linker.h): the records a correction
// replaced leave the person index. Kept apart from the linking itself: it
// deletes, then computes the whole index again (RecomputePersonIndex), since
// the persons that held the records may no longer hold together without
// them. Seconds at a million records; corrections of a case's subjects are rare.
#include <set>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/strings/str_cat.h"
#include "casefile/storage/v1/records.pb.h"
#include "casefile/v1/import.pb.h"
#include "core/input/source_record_id.h"
#include "migration/live_person_linker.h"
#include "migration/person_index.h"
#include "storage/case_tables.h"
#include "storage/keys.h"
#include "storage/prefix_scan.h"

namespace casefile::migration {
namespace {

using storage::LmdbTxn;
namespace keys = storage::keys;

// Every key under `prefix` whose value `doomed` picks, deleted.
template <typename Message>
absl::Status DeleteNaming(LmdbTxn& txn, const std::string& prefix,
                          absl::FunctionRef<bool(const Message&)> doomed) {
  std::vector<std::string> gone;
  absl::Status scan = storage::ScanPrefix(txn, prefix, [&](absl::string_view rest, absl::string_view value) {
    Message m;
    if (!m.ParseFromArray(value.data(), static_cast<int>(value.size())))
      return absl::DataLossError(absl::StrCat("corrupt ", Message::descriptor()->name()));
    if (doomed(m)) gone.push_back(absl::StrCat(prefix, rest));
    return absl::OkStatus();
  });
  if (!scan.ok()) return scan;
  for (const std::string& key : gone) {
    if (absl::Status s = txn.Delete(key); !s.ok()) return s;
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status LivePersonLinker::Unlink(LmdbTxn& txn, absl::Span<const std::string> locators) const {
  std::set<std::string> gone;
  for (const std::string& locator : locators) {
    absl::Status s = txn.Delete(keys::PersonRecord(locator));
    if (absl::IsNotFound(s)) continue;  // never linked (a case older than live persons)
    if (!s.ok()) return s;
    gone.insert(locator);
  }
  if (gone.empty()) return absl::OkStatus();
  if (absl::Status s = DeleteNaming<storage::v1::StoredDecision>(
          txn, keys::DecisionPrefix(),
          [&](const storage::v1::StoredDecision& d) {
            return gone.contains(d.locator_a()) || gone.contains(d.locator_b());
          });
      !s.ok())
    return s;
  if (absl::Status s = DeleteNaming<v1::ReviewItem>(txn, keys::ReviewItemPrefix(),
                                                    [&](const v1::ReviewItem& item) {
                                                      return gone.contains(RecordId(item.left())) ||
                                                             gone.contains(RecordId(item.right()));
                                                    });
      !s.ok())
    return s;
  if (absl::Status s = RecomputePersonIndex(txn); !s.ok()) return s;
  auto moved = storage::NextCounter(txn, kLivePersonLinksCounter);
  return moved.ok() ? absl::OkStatus() : moved.status();
}

}  // namespace casefile::migration
