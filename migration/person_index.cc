#include "migration/person_index.h"

#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "core/input/resource_names.h"
#include "core/persons/live_record_locator.h"
#include "core/persons/person_search.h"
#include "core/persons/person_tables.h"
#include "core/time/partial_time_proto.h"
#include "migration/match/constrained_clusters.h"
#include "migration/match/person_matcher.h"
#include "migration/person_consolidation.h"
#include "migration/record_id.h"
#include "migration/stable_hash.h"
#include "storage/case_tables.h"
#include "storage/keys.h"
#include "storage/prefix_scan.h"

namespace casefile::migration {
namespace {

using storage::LmdbTxn;
using storage::v1::StoredDecision;
using storage::v1::StoredPersonRecord;
namespace keys = storage::keys;

constexpr int kDecisionMerge = 1;     // v1::ReviewItem::DECISION_MERGE
constexpr int kDecisionSeparate = 2;  // v1::ReviewItem::DECISION_SEPARATE

// The case a legacy reference was filed under, "" when none is known: a
// nominal row knows only its source_ref, and the matcher needs to know which
// rows were written in one case file. Earlier imports filed their references
// in the reference index; a subject record knows its case and the reference
// it was named under, which also covers the references of a dry run (not
// indexed yet) as a real import would file them.
class CaseOfRef {
 public:
  CaseOfRef(const LmdbTxn& txn, const std::map<std::string, StoredPersonRecord>& records)
      : txn_(txn) {
    for (const auto& [locator, r] : records) {
      if (!r.case_().empty() && !r.source_ref().empty()) {
        named_.try_emplace(Normal(r.source_ref()), r.case_());
      }
    }
  }

  absl::StatusOr<std::string> Find(absl::string_view ref) {
    const std::string normal = Normal(ref);
    if (normal.empty()) return std::string();
    auto [it, inserted] = cache_.try_emplace(normal);
    if (inserted) {
      absl::Status s = storage::ScanCaseIds(txn_, keys::RefIndexPrefix(normal), "",
                                            [&](absl::string_view id) {
                                              it->second = CaseName(id);
                                              return false;
                                            });
      if (!s.ok()) return s;
      if (auto named = named_.find(normal); it->second.empty() && named != named_.end()) {
        it->second = named->second;
      }
    }
    return it->second;
  }

 private:
  static std::string Normal(absl::string_view ref) {
    return absl::AsciiStrToUpper(absl::StripAsciiWhitespace(ref));
  }

  const LmdbTxn& txn_;
  absl::flat_hash_map<std::string, std::string> named_;  // by subjects
  absl::flat_hash_map<std::string, std::string> cache_;
};

absl::StatusOr<PersonRecord> ToPersonRecord(const StoredPersonRecord& r, CaseOfRef& case_of_ref) {
  PersonRecord out{r.forename(), r.surname(), FromProto(r.date_of_birth()), r.address_1(),
                   r.address_2(),  r.town(),    r.postcode(),                 r.source_ref(),
                   r.case_(), std::string(LiveRecordList(r.locator()))};
  if (out.case_name.empty()) {
    auto found = case_of_ref.Find(r.source_ref());
    if (!found.ok()) return found.status();
    out.case_name = *std::move(found);
  }
  return out;
}

struct Decisions {
  OperatorDecisions links;                      // consistent: the matcher accepts them
  absl::flat_hash_set<std::pair<int, int>> decided;  // (smaller, larger) record index
};

// The stored decisions between two of the records (by locator → index).
// Separations are applied first and a merge that would join two separated
// records is dropped: never merging two different children comes first.
absl::StatusOr<Decisions> LoadDecisions(const LmdbTxn& txn,
                                        const absl::flat_hash_map<absl::string_view, int>& index_of) {
  Decisions out;
  std::vector<RecordPair> merges;
  absl::Status s = storage::ScanPrefix(
      txn, keys::DecisionPrefix(), [&](absl::string_view, absl::string_view value) {
        StoredDecision decision;
        if (!decision.ParseFromArray(value.data(), static_cast<int>(value.size()))) {
          return absl::DataLossError("corrupt operator decision record");
        }
        auto a = index_of.find(decision.locator_a());
        auto b = index_of.find(decision.locator_b());
        if (a == index_of.end() || b == index_of.end() || a->second == b->second) return absl::OkStatus();
        const RecordPair p{std::min(a->second, b->second), std::max(a->second, b->second)};
        out.decided.insert({p.a, p.b});
        if (decision.decision() == kDecisionMerge) merges.push_back(p);
        if (decision.decision() == kDecisionSeparate) out.links.cannot_link.push_back(p);
        return absl::OkStatus();
      });
  if (!s.ok()) return s;
  ConstrainedClusters clusters(static_cast<int>(index_of.size()));
  for (const RecordPair& p : out.links.cannot_link) clusters.Forbid(p.a, p.b);
  for (const RecordPair& p : merges) {
    if (clusters.Together(p.a, p.b)) continue;
    if (!clusters.CanJoin(p.a, p.b)) continue;  // contradicts a separation
    clusters.Join(p.a, p.b);
    out.links.must_link.push_back(p);
  }
  return out;
}

// Persons keep the ids they were stored under when their records regroup (a
// record with a smaller locator joins, two persons merge, one splits): each
// stored id goes to the new person holding most of its records, so links to a
// person do not break. A person that inherits none keeps the id of its
// smallest locator, or, if that one went to another, a derived one.
absl::Status KeepStoredIds(const LmdbTxn& txn, std::vector<v1::Person>& persons) {
  absl::flat_hash_map<std::string, std::string> stored_name_of;  // record locator → stored person
  absl::Status s = storage::ScanPrefix(txn, keys::PersonPrefix(), [&](absl::string_view, absl::string_view value) {
    v1::Person stored;
    if (!stored.ParseFromArray(value.data(), static_cast<int>(value.size())))
      return absl::DataLossError("corrupt person");
    for (const v1::PersonSource& source : stored.sources()) stored_name_of[RecordId(source)] = stored.name();
    return absl::OkStatus();
  });
  if (!s.ok() || stored_name_of.empty()) return s;
  struct Claim {
    int records;
    std::string name;
    size_t person;
  };
  std::vector<Claim> claims;
  for (size_t i = 0; i < persons.size(); ++i) {
    std::map<std::string, int> held;
    for (const v1::PersonSource& source : persons[i].sources()) {
      if (auto it = stored_name_of.find(RecordId(source)); it != stored_name_of.end()) held[it->second]++;
    }
    for (const auto& [name, records] : held) claims.push_back({records, name, i});
  }
  std::sort(claims.begin(), claims.end(), [](const Claim& a, const Claim& b) {
    return std::tie(b.records, a.name, a.person) < std::tie(a.records, b.name, b.person);
  });
  absl::flat_hash_set<std::string> taken;
  std::vector<bool> named(persons.size(), false);
  for (const Claim& c : claims) {
    if (named[c.person] || taken.contains(c.name)) continue;
    persons[c.person].set_name(c.name);
    named[c.person] = true;
    taken.insert(c.name);
  }
  for (size_t i = 0; i < persons.size(); ++i) {
    if (named[i]) continue;
    std::string name = persons[i].name();
    while (taken.contains(name)) name = DerivedPersonName(name);
    persons[i].set_name(name);
    taken.insert(std::move(name));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<PersonClustering> ClusterPersonRecords(const LmdbTxn& txn,
                                                      std::map<std::string, StoredPersonRecord> by_locator) {
  PersonClustering out;
  out.records.reserve(by_locator.size());
  std::vector<PersonRecord> match_input;
  match_input.reserve(by_locator.size());
  absl::flat_hash_map<absl::string_view, int> index_of;
  CaseOfRef case_of_ref(txn, by_locator);
  for (auto& [locator, r] : by_locator) {
    auto record = ToPersonRecord(r, case_of_ref);
    if (!record.ok()) return record.status();
    match_input.push_back(*std::move(record));
    out.records.push_back(std::move(r));
  }
  for (size_t i = 0; i < out.records.size(); ++i) index_of[out.records[i].locator()] = static_cast<int>(i);
  auto decisions = LoadDecisions(txn, index_of);
  if (!decisions.ok()) return decisions.status();
  auto matched = MatchPersons(match_input, decisions->links);
  if (!matched.ok()) return matched.status();
  out.cluster = std::move(matched->cluster);
  for (const MatchEvidence& e : matched->review) {
    if (decisions->decided.contains({std::min(e.a, e.b), std::max(e.a, e.b)})) continue;
    out.review.push_back(e);
  }
  return out;
}

v1::ReviewItem PersonReviewItem(const StoredPersonRecord& a, const StoredPersonRecord& b,
                              const MatchEvidence& evidence) {
  const StoredPersonRecord& left = a.locator() < b.locator() ? a : b;
  const StoredPersonRecord& right = a.locator() < b.locator() ? b : a;
  v1::ReviewItem item;
  item.set_name(absl::StrCat("reviewItems/", PairId("p-", left.locator(), right.locator())));
  item.set_kind(v1::ReviewItem::KIND_PERSON);
  item.set_score(evidence.score);
  item.set_reason(evidence.reason);
  // Person records are keyed by their record id (see record_id.h).
  item.mutable_left()->set_locator(std::string(LocatorOfRecord(left.locator())));
  item.mutable_left()->set_record(left.locator());
  item.mutable_left()->set_import(left.import());
  item.mutable_left()->set_text(PersonRecordSummary(left));
  item.mutable_right()->set_locator(std::string(LocatorOfRecord(right.locator())));
  item.mutable_right()->set_record(right.locator());
  item.mutable_right()->set_import(right.import());
  item.mutable_right()->set_text(PersonRecordSummary(right));
  return item;
}

absl::StatusOr<PersonIndex> ComputePersonIndex(
    const LmdbTxn& txn, absl::Span<const StoredPersonRecord> pending) {
  // By locator: the matcher sees the records in one order whatever the order
  // they were imported in, so its clusters (and our ids) are the same.
  std::map<std::string, StoredPersonRecord> by_locator;
  absl::Status s = storage::ScanPrefix(
      txn, keys::PersonRecordPrefix(), [&](absl::string_view, absl::string_view value) {
        StoredPersonRecord r;
        if (!r.ParseFromArray(value.data(), static_cast<int>(value.size())))
          return absl::DataLossError("corrupt person record");
        by_locator.emplace(r.locator(), std::move(r));
        return absl::OkStatus();
      });
  if (!s.ok()) return s;
  for (const StoredPersonRecord& r : pending) by_locator.emplace(r.locator(), r);
  auto clustering = ClusterPersonRecords(txn, std::move(by_locator));
  if (!clustering.ok()) return clustering.status();
  const std::vector<StoredPersonRecord>& records = clustering->records;

  PersonIndex index;
  index.records = static_cast<int64_t>(records.size());
  std::vector<std::vector<const StoredPersonRecord*>> clusters;
  for (size_t i = 0; i < records.size(); ++i) {
    const size_t c = static_cast<size_t>(clustering->cluster[i]);
    if (c >= clusters.size()) clusters.resize(c + 1);
    clusters[c].push_back(&records[i]);
  }
  for (const auto& members : clusters) index.persons.push_back(ConsolidatePerson(members));
  if (absl::Status kept = KeepStoredIds(txn, index.persons); !kept.ok()) return kept;
  std::sort(index.persons.begin(), index.persons.end(),
            [](const v1::Person& a, const v1::Person& b) { return a.name() < b.name(); });
  for (const MatchEvidence& e : clustering->review) {
    index.review_items.push_back(PersonReviewItem(records[e.a], records[e.b], e));
  }
  return index;
}

absl::Status StoreNewReviewItems(LmdbTxn& txn, absl::Span<const v1::ReviewItem> items) {
  for (const v1::ReviewItem& item : items) {
    const std::string key = keys::ReviewItem(absl::string_view(item.name()).substr(sizeof("reviewItems/") - 1));
    auto existing = txn.Get(key);
    if (!existing.ok()) return existing.status();
    if (existing->has_value()) continue;  // it keeps its decision state
    if (absl::Status s = txn.Put(key, item.SerializeAsString()); !s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::Status WritePersonIndex(LmdbTxn& txn, const PersonIndex& index) {
  if (absl::Status s = ReplacePersonTables(txn, index.persons); !s.ok()) return s;
  return StoreNewReviewItems(txn, index.review_items);
}

absl::Status RecomputePersonIndex(LmdbTxn& txn) {
  auto index = ComputePersonIndex(txn, {});
  if (!index.ok()) return index.status();
  return WritePersonIndex(txn, *index);
}

}  // namespace casefile::migration
