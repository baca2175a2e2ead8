#include "migration/import_writes.h"

#include <algorithm>
#include <memory>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "core/chronology/entry_time_order.h"
#include "core/chronology/case_ownership.h"
#include "core/input/resource_names.h"
#include "core/names/name_tokens.h"
#include "core/retention/retention.h"
#include "core/safeguarding/attention_index.h"
#include "core/time/partial_time_proto.h"
#include "google/protobuf/util/time_util.h"
#include "migration/case_resolver.h"
#include "migration/live_person_linker.h"
#include "migration/person_index.h"
#include "migration/record_id.h"
#include "migration/stable_hash.h"
#include "storage/case_tables.h"
#include "storage/keys.h"
#include "storage/prefix_scan.h"

namespace casefile::migration {
namespace {

using storage::LmdbTxn;

// The case's title: the person its records name most often.
std::string Title(const CaseUpdate& u) {
  const std::string* best = nullptr;
  int most = 0;
  for (const auto& [key, n] : u.mentions) {
    if (n > most) best = &key, most = n;
  }
  if (best == nullptr) return absl::StrCat("Legacy case ", u.case_id);
  return u.subjects.at(*best).display_name();
}

std::string SubjectKey(const v1::Subject& s) {
  return absl::AsciiStrToLower(absl::StrCat(s.forename(), " ", s.surname()));
}


absl::Status IndexSource(LmdbTxn& txn, const std::string& case_id, int64_t entry,
                         const v1::Source& source) {
  if (auto s = txn.Put(storage::keys::Source(case_id, entry, RecordId(source)), source.SerializeAsString());
      !s.ok())
    return s;
  return storage::SaveRecordPlace(txn, RecordId(source),
                                  {case_id, static_cast<uint64_t>(entry), source.content_digest()});
}

absl::Status PutIfAbsent(LmdbTxn& txn, const std::string& key, const std::string& value) {
  auto found = txn.Get(key);
  if (!found.ok()) return found.status();
  return found->has_value() ? absl::OkStatus() : txn.Put(key, value);
}

// The case with the update's references and subjects merged in.
absl::StatusOr<v1::Case> MergeCase(LmdbTxn& txn, const CaseUpdate& u, const Caller& caller,
                                   const google::protobuf::Timestamp& now) {
  auto loaded = storage::LoadCase(txn, u.case_id);
  if (!loaded.ok()) return loaded.status();
  v1::Case c;
  if (loaded->has_value()) {
    c = **std::move(loaded);
  } else {
    c.set_name(CaseName(u.case_id));
    c.set_title(Title(u));
    c.set_creator(caller.user);
    *c.mutable_create_time() = now;
    c.set_etag(absl::StrCat(c.name(), "@0"));
    if (auto s = StartRetention(txn, u.case_id, c, absl::FromUnixSeconds(now.seconds())); !s.ok()) return s;
  }
  std::set<std::string> refs;
  for (const std::string& r : c.legacy_refs()) refs.insert(NormalizeRef(r));
  for (const std::string& r : u.refs) {
    if (!refs.insert(NormalizeRef(r)).second) continue;
    c.add_legacy_refs(r);
    if (auto s = storage::IndexCaseRef(txn, r, u.case_id); !s.ok()) return s;
  }
  std::set<std::string> names;
  for (const v1::Subject& s : c.subjects()) names.insert(SubjectKey(s));
  for (const auto& [key, subject] : u.subjects) {
    if (!names.insert(key).second) continue;
    *c.add_subjects() = subject;
    for (const std::string& token : NameTokens(subject.display_name())) {
      if (auto s = storage::IndexCaseNameToken(txn, token, u.case_id); !s.ok()) return s;
    }
  }
  return c;
}

}  // namespace

void NoteSubject(CaseUpdate& update, const v1::Subject& subject) {
  const std::string key = SubjectKey(subject);
  update.mentions[key]++;
  auto [it, inserted] = update.subjects.try_emplace(key, subject);
  if (!inserted && PrecisionFromProto(it->second.date_of_birth().precision()) <
                       PrecisionFromProto(subject.date_of_birth().precision()))
    it->second = subject;
}

absl::Status WriteCaseUpdates(LmdbTxn& txn, absl::Span<CaseUpdate* const> updates,
                              const Caller& caller, absl::Time now) {
  const google::protobuf::Timestamp stamp =
      google::protobuf::util::TimeUtil::NanosecondsToTimestamp(absl::ToUnixNanos(now));
  for (const CaseUpdate* u : updates) {
    if (u->erased_before > 0 && u->plan.new_entries.empty() && u->plan.added_sources.empty()) {
      // Nothing but records of a case since erased: it is not made again.
      auto there = storage::LoadCase(txn, u->case_id);
      if (!there.ok()) return there.status();
      if (!there->has_value()) continue;
    }
    auto c = MergeCase(txn, *u, caller, stamp);
    if (!c.ok()) return c.status();
    // New entries in chronological order (undated last), so that a case
    // imported at once reads as a chronology.
    std::vector<const NewEntryPlan*> in_time_order;
    for (const NewEntryPlan& plan : u->plan.new_entries) in_time_order.push_back(&plan);
    std::stable_sort(in_time_order.begin(), in_time_order.end(), [](auto* x, auto* y) {
      return SortKey(FromProto(x->entry.occur_time())) < SortKey(FromProto(y->entry.occur_time()));
    });
    for (const NewEntryPlan* planned : in_time_order) {
      const NewEntryPlan& plan = *planned;
      v1::Entry entry = plan.entry;
      const int64_t number = c->version() + 1;
      entry.set_name(EntryResourceName(u->case_id, number));
      entry.set_number(number);
      *entry.mutable_record_time() = stamp;
      entry.set_author(caller.user);
      entry.set_author_display_name(absl::StrCat(caller.display_name, " (legacy import)"));
      if (!plan.supersedes.empty()) {
        entry.set_supersedes(EntryResourceName(u->case_id, plan.supersedes.front()));
        entry.set_correction_reason(u->supersede_reason);
      }
      auto place = PlaceInTime(txn, u->case_id, entry);
      if (!place.ok()) return place.status();
      if (auto s = storage::SaveEntry(txn, u->case_id, entry, *place); !s.ok()) return s;
      for (int64_t old : plan.supersedes) {
        if (auto s = storage::SaveSupersession(txn, u->case_id, old, number); !s.ok()) return s;
      }
      if (auto s = IndexImportedRecord(txn, u->case_id, entry, plan.supersedes); !s.ok()) return s;
      for (const v1::Source& source : plan.sources) {
        if (auto s = IndexSource(txn, u->case_id, number, source); !s.ok()) return s;
      }
      c->set_version(number);
    }
    for (const auto& [entry, source] : u->plan.added_sources) {
      if (auto s = IndexSource(txn, u->case_id, entry, source); !s.ok()) return s;
    }
    for (const v1::ReviewItem& item : u->plan.review_items) {
      if (auto s = PutIfAbsent(txn, storage::keys::ReviewItem(item.name().substr(12)),
                               item.SerializeAsString());
          !s.ok())
        return s;
    }
    c->set_etag(absl::StrCat(c->name(), "@", c->version()));
    // A live case the import adds to moves up its owner's and team's lists.
    const bool created = c->create_time() == stamp;
    if (created || !u->plan.new_entries.empty() || !u->plan.added_sources.empty()) {
      if (auto s = MarkCaseWritten(txn, u->case_id, *c, now); !s.ok()) return s;
    }
    if (auto s = storage::SaveCase(txn, u->case_id, *c); !s.ok()) return s;
  }
  return absl::OkStatus();
}

namespace {

// Changes whenever an operator decision is added, changed or removed, or a
// live write links a person (what the person index is computed from).
absl::StatusOr<uint64_t> PersonInputsFingerprint(const LmdbTxn& txn) {
  auto live_links = txn.Get(storage::keys::Meta(kLivePersonLinksCounter));
  if (!live_links.ok()) return live_links.status();
  uint64_t fingerprint = StableHash(live_links->has_value() ? **live_links : absl::string_view());
  absl::Status s = storage::ScanPrefix(txn, storage::keys::DecisionPrefix(),
                                       [&](absl::string_view key, absl::string_view value) {
                                         fingerprint = StableHash(absl::StrCat(fingerprint, key, value));
                                         return absl::OkStatus();
                                       });
  if (!s.ok()) return s;
  return fingerprint;
}

absl::StatusOr<int64_t> CountNewReviewItems(const LmdbTxn& txn, const PersonIndex& index) {
  int64_t count = 0;
  for (const v1::ReviewItem& item : index.review_items) {
    auto found = txn.Get(storage::keys::ReviewItem(item.name().substr(sizeof("reviewItems/") - 1)));
    if (!found.ok()) return found.status();
    if (!found->has_value()) ++count;
  }
  return count;
}

}  // namespace

absl::Status StorePersonRecords(storage::Store& store,
                                absl::Span<const storage::v1::StoredPersonRecord> records, size_t per_write) {
  // In key order: neighbouring keys share pages, so the writes stay in cache.
  std::vector<const storage::v1::StoredPersonRecord*> in_key_order;
  in_key_order.reserve(records.size());
  for (const storage::v1::StoredPersonRecord& r : records) in_key_order.push_back(&r);
  std::sort(in_key_order.begin(), in_key_order.end(),
            [](auto* x, auto* y) { return x->locator() < y->locator(); });
  const absl::Span<const storage::v1::StoredPersonRecord* const> all(in_key_order);
  for (size_t start = 0; start < all.size(); start += std::max<size_t>(per_write, 1)) {
    const auto part = all.subspan(start, std::max<size_t>(per_write, 1));
    absl::Status s = store.writer().Run([part](LmdbTxn& txn) -> absl::Status {
      for (const storage::v1::StoredPersonRecord* r : part) {
        if (auto st = PutIfAbsent(txn, storage::keys::PersonRecord(r->locator()), r->SerializeAsString());
            !st.ok())
          return st;
      }
      return absl::OkStatus();
    });
    if (!s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::StatusOr<PreparedPersons> PreparePersons(storage::Store& store,
                                               absl::Span<const storage::v1::StoredPersonRecord> pending) {
  auto read = store.BeginRead();
  if (!read.ok()) return read.status();
  PreparedPersons out;
  auto fingerprint = PersonInputsFingerprint((*read)->txn());
  if (!fingerprint.ok()) return fingerprint.status();
  out.person_inputs_fingerprint = *fingerprint;
  auto index = ComputePersonIndex((*read)->txn(), pending);
  if (!index.ok()) return index.status();
  out.index = *std::move(index);
  return out;
}

absl::StatusOr<PersonUpdate> WritePersons(storage::Store& store, PreparedPersons prepared, bool dry_run) {
  PersonUpdate result;
  if (dry_run) {
    auto read = store.BeginRead();
    if (!read.ok()) return read.status();
    auto fresh = CountNewReviewItems((*read)->txn(), prepared.index);
    if (!fresh.ok()) return fresh.status();
    result.persons = prepared.index.persons.size();
    result.new_review_items = *fresh;
    return result;
  }
  absl::Status s = store.writer().Run([&](LmdbTxn& txn) -> absl::Status {
    auto fingerprint = PersonInputsFingerprint(txn);
    if (!fingerprint.ok()) return fingerprint.status();
    const PersonIndex* index = &prepared.index;
    absl::StatusOr<PersonIndex> recomputed;
    if (*fingerprint != prepared.person_inputs_fingerprint) {  // a decision or a live link meanwhile
      recomputed = ComputePersonIndex(txn, {});
      if (!recomputed.ok()) return recomputed.status();
      index = &*recomputed;
    }
    auto fresh = CountNewReviewItems(txn, *index);
    if (!fresh.ok()) return fresh.status();
    result.persons = index->persons.size();
    result.new_review_items = *fresh;
    return WritePersonIndex(txn, *index);
  });
  if (!s.ok()) return s;
  return result;
}

}  // namespace casefile::migration
