#include "migration/record_separation.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "casefile/storage/v1/records.pb.h"
#include "core/access/need_to_know.h"
#include "core/audit/audit_trail.h"
#include "core/input/resource_names.h"
#include "migration/consolidation_inputs.h"
#include "migration/import_writes.h"
#include "migration/person_index.h"
#include "migration/record_id.h"
#include "storage/case_tables.h"
#include "storage/keys.h"
#include "storage/prefix_scan.h"

namespace casefile::migration {
namespace {

using storage::LmdbTxn;

// The operator's "separate" decision between `locator` and each of `others`.
absl::Status PutSeparateDecisions(LmdbTxn& txn, absl::string_view locator,
                                  const std::vector<std::string>& others, const Caller& caller) {
  for (const std::string& other : others) {
    storage::v1::StoredDecision d;
    d.set_decision(v1::ReviewItem::DECISION_SEPARATE);
    d.set_decided_by(caller.user);
    d.set_locator_a(std::string(std::min<absl::string_view>(locator, other)));
    d.set_locator_b(std::string(std::max<absl::string_view>(locator, other)));
    if (auto s = txn.Put(storage::keys::Decision(locator, other), d.SerializeAsString()); !s.ok()) return s;
  }
  return absl::OkStatus();
}

// The persons holding `locators`, in the order of the first locator each
// holds.
absl::StatusOr<std::vector<v1::Person>> PersonsHolding(const LmdbTxn& txn,
                                                       const std::vector<std::string>& locators) {
  absl::flat_hash_map<std::string, size_t> rank;
  for (const std::string& l : locators) rank.try_emplace(l, rank.size());
  std::vector<std::pair<size_t, v1::Person>> found;
  absl::Status s = storage::ScanPrefix(txn, storage::keys::PersonPrefix(), [&](absl::string_view, absl::string_view value) {
    v1::Person person;
    if (!person.ParseFromArray(value.data(), static_cast<int>(value.size())))
      return absl::DataLossError("corrupt person");
    size_t best = rank.size();
    for (const v1::PersonSource& source : person.sources()) {
      if (auto it = rank.find(RecordId(source)); it != rank.end()) best = std::min(best, it->second);
    }
    if (best < rank.size()) found.emplace_back(best, std::move(person));
    return absl::OkStatus();
  });
  if (!s.ok()) return s;
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<v1::Person> out;
  for (auto& [r, person] : found) out.push_back(std::move(person));
  return out;
}

// A person record: the person index is computed again.
absl::StatusOr<v1::SeparateRecordResponse> SeparatePersonRecord(const CaseStageParts& parts, const Caller& caller,
                                                                absl::string_view locator) {
  storage::Store& store = *parts.store;
  // The decision's audit record commits with it: the persons it split, and
  // how many records it set apart.
  v1::AuditEvent audit = NewAuditEvent(caller, "SeparateRecord", (*parts.clock)());
  std::vector<std::string> merged_with;  // the other records of its person
  {
    auto read = store.BeginRead();
    if (!read.ok()) return read.status();
    auto known = (*read)->txn().Get(storage::keys::PersonRecord(locator));
    if (!known.ok()) return known.status();
    if (!known->has_value()) return absl::NotFoundError(absl::StrCat("locator: no imported record '", locator, "'"));
    auto holding = PersonsHolding((*read)->txn(), {std::string(locator)});
    if (!holding.ok()) return holding.status();
    for (const v1::Person& person : *holding) {
      audit.add_resources(person.name());
      for (const v1::PersonSource& source : person.sources()) {
        if (RecordId(source) != locator) merged_with.push_back(RecordId(source));
      }
    }
  }
  audit.set_count(static_cast<int64_t>(merged_with.size()));
  absl::Status s = store.writer().Run([&](LmdbTxn& txn) -> absl::Status {
    if (auto st = PutSeparateDecisions(txn, locator, merged_with, caller); !st.ok()) return st;
    if (!merged_with.empty()) {
      if (auto st = RecomputePersonIndex(txn); !st.ok()) return st;
    }
    return AppendAuditEvent(txn, audit);
  });
  if (!s.ok()) return s;
  auto read = store.BeginRead();
  if (!read.ok()) return read.status();
  merged_with.insert(merged_with.begin(), std::string(locator));
  auto persons = PersonsHolding((*read)->txn(), merged_with);
  if (!persons.ok()) return persons.status();
  v1::SeparateRecordResponse out;
  for (v1::Person& p : *persons) *out.add_persons() = std::move(p);
  return out;
}

}  // namespace

absl::StatusOr<v1::SeparateRecordResponse> SeparateImportedRecord(const CaseStageParts& parts, const Caller& caller,
                                                                  absl::string_view locator) {
  storage::Store& store = *parts.store;
  CaseUpdate update;
  std::vector<std::string> merged_with;  // record ids of the entry's other records
  std::optional<storage::RecordPlace> place;
  {
    auto read = store.BeginRead();
    if (!read.ok()) return read.status();
    auto where = storage::LoadRecordPlace((*read)->txn(), locator);
    if (!where.ok()) return where.status();
    place = *std::move(where);
  }  // (no read transaction may stay open across a write: a map resize waits for them)
  if (!place.has_value()) return SeparatePersonRecord(parts, caller, locator);  // not an event record
  update.case_id = place->case_id;
  {
    auto read = store.BeginRead();
    if (!read.ok()) return read.status();
    auto known = LoadKnownCase((*read)->txn(), caller, update.case_id);
    if (absl::IsNotFound(known.status()))
      return absl::NotFoundError(absl::StrCat("locator: no imported record '", locator, "'"));
    if (!known.ok()) return known.status();
  }
  {
    auto read = store.BeginRead();
    if (!read.ok()) return read.status();
    const LmdbTxn& txn = (*read)->txn();
    std::map<int64_t, v1::Entry> existing;
    std::vector<CaseRecord> records;
    if (auto s = LoadCaseRecords(txn, update.case_id, existing, records); !s.ok()) return s;
    for (const CaseRecord& r : records) {
      if (r.entry == static_cast<int64_t>(place->entry) && RecordId(r.source) != locator)
        merged_with.push_back(RecordId(r.source));
    }
    if (!merged_with.empty()) {
      auto decisions = LoadDecisions(txn);
      if (!decisions.ok()) return decisions.status();
      for (const std::string& other : merged_with) decisions->push_back({std::string(locator), other, false});
      auto plan = ConsolidateCase(update.case_id, existing, std::move(records), *decisions, *parts.clusterer);
      if (!plan.ok()) return plan.status();
      update.plan = *std::move(plan);
      update.supersede_reason = absl::StrCat("legacy record ", locator, " separated by ", caller.user);
    }
  }
  // The decision's audit record commits with it: the case and entry it
  // split, and how many records it set apart.
  v1::AuditEvent audit = NewAuditEvent(caller, "SeparateRecord", (*parts.clock)());
  audit.add_resources(CaseName(update.case_id));
  audit.add_resources(EntryResourceName(update.case_id, place->entry));
  audit.set_count(static_cast<int64_t>(merged_with.size()));
  CaseUpdate* batch[] = {&update};
  absl::Status s = store.writer().Run([&](LmdbTxn& txn) -> absl::Status {
    if (auto st = PutSeparateDecisions(txn, locator, merged_with, caller); !st.ok()) return st;
    if (!merged_with.empty()) {
      if (auto st = WriteCaseUpdates(txn, batch, caller, (*parts.clock)()); !st.ok()) return st;
    }
    return AppendAuditEvent(txn, audit);
  });
  if (!s.ok()) return s;
  if (!merged_with.empty()) parts.feed->Publish(update.case_id);
  // The entries that hold the record and those it was merged with, now.
  auto read = store.BeginRead();
  if (!read.ok()) return read.status();
  v1::SeparateRecordResponse out;
  std::set<uint64_t> seen;
  merged_with.insert(merged_with.begin(), std::string(locator));
  for (const std::string& l : merged_with) {
    auto where = storage::LoadRecordPlace((*read)->txn(), l);
    if (!where.ok()) return where.status();
    if (!where->has_value() || !seen.insert((*where)->entry).second) continue;
    auto entry = storage::LoadEntry((*read)->txn(), update.case_id, (*where)->entry);
    if (!entry.ok()) return entry.status();
    if (entry->has_value()) *out.add_entries() = **std::move(entry);
  }
  return out;
}

}  // namespace casefile::migration
