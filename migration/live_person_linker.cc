#include "migration/live_person_linker.h"

#include <map>
#include <set>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "core/input/source_record_id.h"
#include "core/persons/person_blocking_tokens.h"
#include "core/persons/person_tables.h"
#include "core/time/partial_time_proto.h"
#include "migration/person_consolidation.h"
#include "migration/person_index.h"
#include "migration/readers/subjects.h"
#include "storage/case_tables.h"
#include "storage/keys.h"
#include "storage/prefix_scan.h"

namespace casefile::migration {
namespace {

using storage::LmdbTxn;
using storage::v1::StoredPersonRecord;
namespace keys = storage::keys;

// A blocking token held by more persons than this is not used (a common name
// born in one year), as the import's matcher skips blocks over its cap; the
// record still meets its person through its other tokens.
constexpr size_t kMaxBlockPersons = 100;

// A record given only as written ("Zed PAYNE (01/02/2010)") is read as an
// import reads one; fields the writer gave stay as given.
void CompleteFromWriting(StoredPersonRecord& r) {
  if (!r.forename().empty() || !r.surname().empty()) return;
  LegacySubject parsed = ParseSubject(r.as_written());
  r.set_forename(parsed.forename);
  r.set_surname(parsed.surname);
  if (PrecisionFromProto(r.date_of_birth().precision()) == TimePrecision::kUnknown)
    *r.mutable_date_of_birth() = ToProto(parsed.date_of_birth);
}

// The persons the matcher could pair the record with: those sharing one of
// its blocking tokens (core/persons/person_blocking_tokens.h). The matcher
// decides; this only bounds what it looks at.
absl::StatusOr<std::vector<v1::Person>> NearbyPersons(const LmdbTxn& txn, const StoredPersonRecord& r) {
  std::set<std::string> ids;
  for (const std::string& token :
       PersonBlockingTokens(r.forename(), r.surname(), casefile::FromProto(r.date_of_birth()))) {
    std::vector<std::string> block;
    absl::Status scan = storage::ScanPrefix(txn, keys::PersonTokenPrefix(token),
                                            [&](absl::string_view id, absl::string_view) {
                                              if (block.size() == kMaxBlockPersons)
                                                return absl::ResourceExhaustedError("block too common");
                                              block.emplace_back(id);
                                              return absl::OkStatus();
                                            });
    if (absl::IsResourceExhausted(scan)) continue;
    if (!scan.ok()) return scan;
    ids.insert(block.begin(), block.end());
  }
  std::vector<v1::Person> out;
  for (const std::string& id : ids) {
    auto bytes = txn.Get(keys::Person(id));
    if (!bytes.ok()) return bytes.status();
    if (!bytes->has_value()) continue;
    v1::Person& person = out.emplace_back();
    if (!person.ParseFromArray((*bytes)->data(), static_cast<int>((*bytes)->size())))
      return absl::DataLossError(absl::StrCat("corrupt person ", id));
  }
  return out;
}

absl::StatusOr<std::string> LinkOne(LmdbTxn& txn, const StoredPersonRecord& record) {
  auto nearby = NearbyPersons(txn, record);
  if (!nearby.ok()) return nearby.status();

  // The nearby persons' records and the new one, and whose each record is.
  std::map<std::string, StoredPersonRecord> by_locator;
  absl::flat_hash_map<std::string, std::string> person_of;  // record id → person name
  absl::flat_hash_map<std::string, size_t> records_of;      // person name → records
  for (const v1::Person& person : *nearby) {
    for (const v1::PersonSource& source : person.sources()) {
      auto stored = txn.Get(keys::PersonRecord(RecordId(source)));
      if (!stored.ok()) return stored.status();
      if (!stored->has_value()) continue;
      StoredPersonRecord r;
      if (!r.ParseFromArray((*stored)->data(), static_cast<int>((*stored)->size())))
        return absl::DataLossError("corrupt person record");
      person_of[r.locator()] = person.name();
      ++records_of[person.name()];
      by_locator.emplace(r.locator(), std::move(r));
    }
  }
  by_locator.emplace(record.locator(), record);
  auto clustering = ClusterPersonRecords(txn, std::move(by_locator));
  if (!clustering.ok()) return clustering.status();
  const std::vector<StoredPersonRecord>& records = clustering->records;
  int mine = 0;
  while (records[mine].locator() != record.locator()) ++mine;

  // The persons the new record's cluster holds records of: how many, and the first.
  struct Share {
    size_t records = 0;
    int first = 0;
  };
  std::map<std::string, Share> joined;
  for (size_t i = 0; i < records.size(); ++i) {
    if (clustering->cluster[i] != clustering->cluster[mine] || static_cast<int>(i) == mine) continue;
    auto share = joined.try_emplace(person_of[records[i].locator()], Share{0, static_cast<int>(i)}).first;
    ++share->second.records;
  }
  std::vector<v1::ReviewItem> review;
  std::string linked_to;
  if (joined.size() == 1 && joined.begin()->second.records == records_of[joined.begin()->first]) {
    // One person, held whole: the record is theirs.
    const std::string& name = joined.begin()->first;
    std::vector<const StoredPersonRecord*> members;
    for (const StoredPersonRecord& r : records) {
      if (r.locator() == record.locator() || person_of[r.locator()] == name) members.push_back(&r);
    }
    v1::Person person = ConsolidatePerson(members);
    person.set_name(name);
    if (absl::Status s = PutPerson(txn, person); !s.ok()) return s;
    linked_to = name;
  } else {
    // A person of its own; a cluster that would join persons, or take part
    // of one, is for an operator to decide.
    for (const auto& [name, share] : joined) {
      MatchEvidence doubt{mine, share.first, 0.0,
                          joined.size() > 1 ? "the matcher would join two persons through this record"
                                            : "the matcher would take this record with part of a person"};
      review.push_back(PersonReviewItem(records[mine], records[share.first], doubt));
    }
    const StoredPersonRecord* alone[] = {&records[mine]};
    v1::Person person = ConsolidatePerson(alone);
    std::string name = person.name();
    while (true) {  // the id of its smallest locator, unless a person holds it
      auto taken = txn.Get(keys::Person(absl::string_view(name).substr(sizeof("persons/") - 1)));
      if (!taken.ok()) return taken.status();
      if (!taken->has_value()) break;
      name = DerivedPersonName(name);
    }
    person.set_name(name);
    if (absl::Status s = PutPerson(txn, person); !s.ok()) return s;
    linked_to = std::move(name);
  }
  for (const MatchEvidence& e : clustering->review) {
    if (e.a == mine || e.b == mine) review.push_back(PersonReviewItem(records[e.a], records[e.b], e));
  }
  if (absl::Status s = StoreNewReviewItems(txn, review); !s.ok()) return s;
  return linked_to;
}

}  // namespace

absl::StatusOr<std::vector<std::string>> LivePersonLinker::Link(
    LmdbTxn& txn, absl::Span<const StoredPersonRecord> records) const {
  std::vector<std::string> persons;
  for (StoredPersonRecord record : records) {
    CompleteFromWriting(record);
    if (absl::Status s = txn.Put(keys::PersonRecord(record.locator()), record.SerializeAsString()); !s.ok())
      return s;
    auto person = LinkOne(txn, record);
    if (!person.ok()) return person.status();
    persons.push_back(*std::move(person));
  }
  if (!records.empty()) {
    if (auto moved = storage::NextCounter(txn, kLivePersonLinksCounter); !moved.ok()) return moved.status();
  }
  return persons;
}

}  // namespace casefile::migration
