#include "core/retention/case_eraser.h"

#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "casefile/storage/v1/records.pb.h"
#include "core/access/need_to_know.h"
#include "core/input/resource_names.h"
#include "core/input/source_record_id.h"
#include "core/names/name_tokens.h"
#include "core/retention/retention.h"
#include "core/safeguarding/attention_index.h"
#include "core/safeguarding/measure_index.h"
#include "storage/case_tables.h"
#include "storage/case_write_index.h"
#include "storage/document_tables.h"
#include "storage/keys.h"
#include "storage/prefix_scan.h"

namespace casefile {
namespace {

namespace keys = storage::keys;
using storage::LmdbTxn;

// Deletes `key`; a key that is not there is no error (an index row may never
// have been written, e.g. a token two names share).
absl::Status DeleteIfThere(LmdbTxn& txn, const std::string& key) {
  absl::Status s = txn.Delete(key);
  return absl::IsNotFound(s) ? absl::OkStatus() : s;
}

// Every key under `prefix` whose value `doomed` picks, deleted.
absl::StatusOr<int64_t> DeleteWhere(LmdbTxn& txn, const std::string& prefix,
                                    absl::FunctionRef<absl::StatusOr<bool>(absl::string_view value)> doomed) {
  std::vector<std::string> gone;
  absl::Status scan = storage::ScanPrefix(txn, prefix, [&](absl::string_view rest, absl::string_view value) {
    auto erase = doomed(value);
    if (!erase.ok()) return erase.status();
    if (*erase) gone.push_back(absl::StrCat(prefix, rest));
    return absl::OkStatus();
  });
  if (!scan.ok()) return scan;
  for (const std::string& key : gone) {
    if (auto s = txn.Delete(key); !s.ok()) return s;
  }
  return static_cast<int64_t>(gone.size());
}

template <typename Message>
absl::StatusOr<Message> Parse(absl::string_view bytes, absl::string_view what) {
  Message m;
  if (!m.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())))
    return absl::DataLossError(absl::StrCat("corrupt ", what));
  return m;
}

}  // namespace

absl::StatusOr<v1::EraseCaseResponse> EraseCaseContent(LmdbTxn& txn, const Caller& caller,
                                                       absl::string_view case_id,
                                                       RecomputePersons recompute_persons) {
  auto c = LoadKnownCase(txn, caller, case_id);
  if (!c.ok()) return c.status();
  const std::string name = CaseName(case_id);
  v1::EraseCaseResponse out;
  out.set_name(name);

  // The chronology.
  std::vector<v1::Entry> entries;
  const std::string entry_prefix = keys::EntryPrefix(case_id);
  absl::Status scan = storage::ScanPrefix(txn, entry_prefix, [&](absl::string_view, absl::string_view value) {
    auto entry = Parse<v1::Entry>(value, "entry");
    if (!entry.ok()) return entry.status();
    entries.push_back(*std::move(entry));
    return absl::OkStatus();
  });
  if (!scan.ok()) return scan;
  for (const v1::Entry& entry : entries) {
    if (auto s = txn.Delete(keys::Entry(case_id, entry.number())); !s.ok()) return s;
    if (auto s = DeleteIfThere(txn, keys::Supersession(case_id, entry.number())); !s.ok()) return s;
  }
  out.set_entries(static_cast<int64_t>(entries.size()));
  auto time_rows = DeleteWhere(txn, keys::EntryInTimePrefix(case_id),
                               [](absl::string_view) -> absl::StatusOr<bool> { return true; });
  if (!time_rows.ok()) return time_rows.status();

  // Documents: their rows go; content no other case links is marked for
  // removal (DocumentLibrary::RemoveUnlinkedFiles removes the files after
  // this commit).
  auto documents = storage::EraseCaseDocuments(txn, case_id);
  if (!documents.ok()) return documents.status();
  out.set_documents(static_cast<int64_t>(*documents));

  // Legacy sources: their text goes; each record's place keeps only the
  // digest, marked erased (entry 0), so that no import brings it back.
  std::set<std::string> erased_records;
  auto sources = DeleteWhere(txn, keys::SourcePrefix(case_id), [&](absl::string_view value) -> absl::StatusOr<bool> {
    auto source = Parse<v1::Source>(value, "source");
    if (!source.ok()) return source.status();
    erased_records.insert(RecordId(*source));
    if (auto s = storage::SaveRecordPlace(txn, RecordId(*source), {std::string(case_id), 0, source->content_digest()});
        !s.ok())
      return s;
    return true;
  });
  if (!sources.ok()) return sources.status();
  out.set_sources(*sources);

  // Indexes of the header.
  for (const std::string& ref : c->legacy_refs()) {
    if (auto s = DeleteIfThere(txn, keys::RefIndex(ref, case_id)); !s.ok()) return s;
  }
  for (const v1::Subject& subject : c->subjects()) {
    for (const std::string* part : {&subject.display_name(), &subject.forename(), &subject.surname()}) {
      for (const std::string& token : NameTokens(*part)) {
        if (auto s = DeleteIfThere(txn, keys::NameIndex(token, case_id)); !s.ok()) return s;
      }
    }
  }
  if (auto s = EndRetention(txn, case_id, *c); !s.ok()) return s;
  if (auto s = storage::MoveCaseWritePlace(txn, case_id, storage::WritePlaceOf(*c), {}); !s.ok()) return s;
  auto attention = UnindexCase(txn, case_id, entries);
  if (!attention.ok()) return attention.status();
  out.set_attention_items(*attention);
  if (auto s = UnindexCaseMeasures(txn, case_id, entries); !s.ok()) return s;

  // The people the case's records name, and what an operator was asked or
  // decided about its records.
  auto persons = DeleteWhere(txn, keys::PersonRecordPrefix(), [&](absl::string_view value) -> absl::StatusOr<bool> {
    auto record = Parse<storage::v1::StoredPersonRecord>(value, "person record");
    if (!record.ok()) return record.status();
    if (record->case_() != name) return false;
    erased_records.insert(record->locator());
    return true;
  });
  if (!persons.ok()) return persons.status();
  out.set_person_records(*persons);
  auto decisions = DeleteWhere(txn, keys::DecisionPrefix(), [&](absl::string_view value) -> absl::StatusOr<bool> {
    auto decision = Parse<storage::v1::StoredDecision>(value, "decision");
    if (!decision.ok()) return decision.status();
    return erased_records.contains(decision->locator_a()) || erased_records.contains(decision->locator_b());
  });
  if (!decisions.ok()) return decisions.status();
  auto items = DeleteWhere(txn, keys::ReviewItemPrefix(), [&](absl::string_view value) -> absl::StatusOr<bool> {
    auto item = Parse<v1::ReviewItem>(value, "review item");
    if (!item.ok()) return item.status();
    return item->case_() == name || erased_records.contains(RecordId(item->left())) ||
           erased_records.contains(RecordId(item->right()));
  });
  if (!items.ok()) return items.status();
  out.set_review_items(*items);
  if (*persons > 0) {  // the persons their records made are computed again (seconds at a million records)
    if (auto s = recompute_persons(txn); !s.ok()) return s;
  }

  if (auto s = txn.Delete(keys::Case(case_id)); !s.ok()) return s;
  return out;
}

}  // namespace casefile
