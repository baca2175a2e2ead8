#include "core/chronology/entry_time_order.h"

#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "core/input/resource_names.h"
#include "core/time/partial_time.h"
#include "core/time/partial_time_proto.h"
#include "storage/case_tables.h"
#include "storage/keys.h"

namespace casefile {
namespace {

constexpr char kIndexedStep[] = "entries_in_time_order";

// The number of the entry `entry` corrects; 0 when none (or not one of this case's).
uint64_t CorrectedNumber(absl::string_view case_id, const v1::Entry& entry) {
  if (entry.supersedes().empty()) return 0;
  auto name = ParseEntryName(entry.supersedes(), "supersedes");
  if (!name.ok() || name->case_id != case_id || name->number >= static_cast<uint64_t>(entry.number())) return 0;
  return name->number;
}

}  // namespace

int64_t TimeOrder(const v1::PartialTime& t) { return SortKey(FromProto(t)); }

absl::StatusOr<storage::EntryPlace> PlaceInTime(const storage::LmdbTxn& txn, absl::string_view case_id,
                                                const v1::Entry& entry) {
  storage::EntryPlace place{TimeOrder(entry.occur_time()), static_cast<uint64_t>(entry.number())};
  // Back along the chain to the entry it starts from; numbers only go down.
  for (uint64_t corrected = CorrectedNumber(case_id, entry); corrected != 0;) {
    auto earlier = storage::LoadBareEntry(txn, case_id, corrected);
    if (!earlier.ok()) return earlier.status();
    if (!earlier->has_value()) break;
    place = {TimeOrder((*earlier)->occur_time()), corrected};
    corrected = CorrectedNumber(case_id, **earlier);
  }
  return place;
}

absl::Status IndexEntriesInTimeOrder(storage::Store& store) {
  return store.RunOnce(kIndexedStep, [](storage::LmdbTxn& txn) -> absl::Status {
    struct Row {
      std::string case_id;
      uint64_t number;
      int kind;
      storage::EntryPlace place;
    };
    std::vector<Row> rows;
    // Entries in key order: a case's in number order, so the entry a
    // correction names is placed before the correction.
    absl::flat_hash_map<uint64_t, storage::EntryPlace> places;
    std::string places_of;
    absl::Status visited = storage::VisitStoredEntries(txn, [&](absl::string_view case_id, uint64_t number, const v1::Entry& entry) {
      if (case_id != places_of) {
        places.clear();
        places_of = std::string(case_id);
      }
      storage::EntryPlace place{TimeOrder(entry.occur_time()), number};
      if (uint64_t corrected = CorrectedNumber(case_id, entry); places.contains(corrected))
        place = places[corrected];
      places[number] = place;
      rows.push_back({std::string(case_id), number, entry.kind(), place});
      return absl::OkStatus();
    });
    if (!visited.ok()) return visited;
    for (const Row& row : rows) {
      if (auto s = storage::PutEntryTimeRow(txn, row.case_id, row.place, row.number, row.kind); !s.ok()) return s;
    }
    return absl::OkStatus();
  });
}

}  // namespace casefile
