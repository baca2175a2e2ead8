#include "migration/import_persons.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "core/input/resource_names.h"
#include "core/time/partial_time_proto.h"
#include "migration/case_resolver.h"
#include "migration/known_records.h"
#include "migration/record_id.h"

namespace casefile::migration {
namespace {

// `case_name` is the case the row's source_ref resolves to ("" if none).
// Takes the row's strings: the import needs only its person record from here on.
storage::v1::StoredPersonRecord FromNominal(NominalRecord&& n, std::string record_id, const ImportName& import,
                                            const std::string& case_name) {
  storage::v1::StoredPersonRecord p;
  p.set_case_(case_name);
  p.set_locator(std::move(record_id));
  p.set_content_digest(ContentDigest(n));
  p.set_import_label(import.label);
  p.set_as_written(absl::StrCat(n.forename, " ", n.surname, " (", n.date_of_birth_raw, "), ",
                                n.address_1, ", ", n.town, ", ", n.postcode));
  p.set_nominal_ref(std::move(n.nominal_ref));
  p.set_forename(std::move(n.forename));
  p.set_surname(std::move(n.surname));
  *p.mutable_date_of_birth() = ToProto(n.date_of_birth);
  p.set_date_of_birth_raw(std::move(n.date_of_birth_raw));
  p.set_address_1(std::move(n.address_1));
  p.set_address_2(std::move(n.address_2));
  p.set_town(std::move(n.town));
  p.set_postcode(std::move(n.postcode));
  p.set_source_ref(std::move(n.source_ref));
  p.set_import(import.name);
  return p;
}

}  // namespace

absl::StatusOr<NominalRows> LookUpNominalRows(const storage::LmdbTxn& txn, std::vector<NominalRecord*> rows) {
  NominalRows out;
  out.ids.resize(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    const NominalRecord* n = rows[i];
    auto known = LookUpPersonRecord(txn, *n, ContentDigest(*n));
    if (!known.ok()) return known.status();
    if (known->imported) {
      ++out.imported_before;
    } else {
      if (known->place_taken) out.changed.push_back(ChangedRecordLine(n->locator, *known, ""));
      out.ids[i] = std::move(known->id);
    }
  }
  out.rows = std::move(rows);
  return out;
}

std::vector<storage::v1::StoredPersonRecord> TakePersonRecords(NominalRows& nominals, const ImportName& import) {
  std::vector<storage::v1::StoredPersonRecord> records;
  records.reserve(nominals.rows.size());
  for (size_t i = 0; i < nominals.rows.size(); ++i) {
    if (nominals.ids[i].empty()) continue;
    NominalRecord& n = *nominals.rows[i];
    const auto it = nominals.case_of_ref.find(NormalizeRef(n.source_ref));
    const bool known = it != nominals.case_of_ref.end() && !it->second.empty();
    records.push_back(
        FromNominal(std::move(n), std::move(nominals.ids[i]), import, known ? CaseName(it->second) : ""));
  }
  std::vector<NominalRecord*>().swap(nominals.rows);
  return records;
}

void AddSubjectRecords(std::map<std::string, CaseUpdate>& updates,
                       std::vector<storage::v1::StoredPersonRecord>& records) {
  size_t subject_records = 0;
  for (const auto& [case_id, update] : updates) subject_records += update.subject_records.size();
  records.reserve(records.size() + subject_records);
  for (auto& [case_id, update] : updates) {
    for (auto& p : update.subject_records) records.push_back(std::move(p));
    std::vector<storage::v1::StoredPersonRecord>().swap(update.subject_records);
  }
}

absl::Status MatchPersons(storage::Store& store, std::vector<storage::v1::StoredPersonRecord>& records,
                          size_t per_write, bool dry_run, v1::Import& report) {
  // The records are stored first and freed: the index is computed from the
  // store, on a snapshot taken after the cases were written (it needs their
  // reference index); the writer is held only for the writes.
  if (!dry_run) {
    absl::Status s = StorePersonRecords(store, records, per_write);
    if (!s.ok()) return s;
    std::vector<storage::v1::StoredPersonRecord>().swap(records);
  }
  auto prepared = PreparePersons(store, records);
  if (!prepared.ok()) return prepared.status();
  auto persons = WritePersons(store, *std::move(prepared), dry_run);
  if (!persons.ok()) return persons.status();
  v1::ImportCounts& counts = *report.mutable_counts();
  counts.set_persons(persons->persons);
  counts.set_sent_to_review(counts.sent_to_review() + persons->new_review_items);
  return absl::OkStatus();
}

}  // namespace casefile::migration
