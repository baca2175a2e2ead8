#include "migration/consolidation_inputs.h"

#include <utility>

#include "casefile/storage/v1/records.pb.h"
#include "storage/case_tables.h"
#include "storage/keys.h"
#include "storage/prefix_scan.h"

namespace casefile::migration {

using storage::LmdbTxn;

absl::StatusOr<std::vector<PairDecision>> LoadDecisions(const LmdbTxn& txn) {
  std::vector<PairDecision> out;
  absl::Status s = storage::ScanPrefix(
      txn, storage::keys::DecisionPrefix(), [&](absl::string_view, absl::string_view value) {
        storage::v1::StoredDecision d;
        if (!d.ParseFromArray(value.data(), static_cast<int>(value.size())))
          return absl::DataLossError("corrupt operator decision record");
        out.push_back({d.locator_a(), d.locator_b(), d.decision() == v1::ReviewItem::DECISION_MERGE});
        return absl::OkStatus();
      });
  if (!s.ok()) return s;
  return out;
}

absl::Status LoadCaseRecords(const LmdbTxn& txn, const std::string& case_id,
                             std::map<int64_t, v1::Entry>& entries, std::vector<CaseRecord>& out) {
  std::map<int64_t, bool> live;
  return storage::ScanPrefix(
      txn, storage::keys::SourcePrefix(case_id), [&](absl::string_view rest, absl::string_view value) {
        CaseRecord r;
        r.entry = static_cast<int64_t>(storage::keys::DecodeBe64(rest.substr(0, 8)).value_or(0));
        auto [it, first_time] = live.try_emplace(r.entry, false);
        if (first_time) {
          auto by = storage::LoadSupersession(txn, case_id, r.entry);
          if (!by.ok()) return by.status();
          it->second = *by == 0;
          if (it->second) {  // its sources are read here, one by one
            auto entry = storage::LoadBareEntry(txn, case_id, r.entry);
            if (!entry.ok()) return entry.status();
            if (entry->has_value()) entries[r.entry] = **std::move(entry);
          }
        }
        if (!it->second) return absl::OkStatus();  // history: a superseded entry keeps its sources
        if (!r.source.ParseFromArray(value.data(), static_cast<int>(value.size())))
          return absl::DataLossError("corrupt source record");
        out.push_back(std::move(r));
        return absl::OkStatus();
      });
}

}  // namespace casefile::migration
