#include "migration/known_records.h"

#include <optional>

#include "casefile/storage/v1/records.pb.h"
#include "migration/record_id.h"
#include "storage/case_tables.h"
#include "storage/keys.h"

namespace casefile::migration {

using storage::LmdbTxn;

absl::StatusOr<KnownRecord> LookUpRecord(const LmdbTxn& txn, const std::string& locator, uint64_t digest) {
  auto at_place = storage::LoadRecordPlace(txn, locator);
  if (!at_place.ok()) return at_place.status();
  // A place stored without a digest (older stores) counts as the same record.
  if (!at_place->has_value() || (*at_place)->digest == digest || (*at_place)->digest == 0) {
    KnownRecord same;
    same.id = locator;
    same.imported = at_place->has_value();
    same.erased = at_place->has_value() && (*at_place)->entry == 0;
    return same;
  }
  KnownRecord known;
  known.id = VersionedRecordId(locator, digest);
  known.place_taken = true;
  auto other = txn.Get(storage::keys::Source((*at_place)->case_id, (*at_place)->entry, locator));
  if (!other.ok()) return other.status();
  v1::Source source;
  if (other->has_value() && source.ParseFromArray((*other)->data(), static_cast<int>((*other)->size())))
    known.other_import = source.import();
  auto versioned = storage::LoadRecordPlace(txn, known.id);
  if (!versioned.ok()) return versioned.status();
  known.imported = versioned->has_value();
  known.erased = versioned->has_value() && (*versioned)->entry == 0;
  return known;
}

absl::StatusOr<KnownRecord> LookUpPersonRecord(const LmdbTxn& txn, const NominalRecord& n, uint64_t digest) {
  auto load = [&txn](const std::string& id) -> absl::StatusOr<std::optional<storage::v1::StoredPersonRecord>> {
    auto found = txn.Get(storage::keys::PersonRecord(id));
    if (!found.ok()) return found.status();
    if (!found->has_value()) return std::nullopt;
    storage::v1::StoredPersonRecord r;
    if (!r.ParseFromArray((*found)->data(), static_cast<int>((*found)->size())))
      return absl::DataLossError("corrupt person record");
    return r;
  };
  auto at_place = load(n.locator);
  if (!at_place.ok()) return at_place.status();
  if (!at_place->has_value() || (*at_place)->content_digest() == digest || (*at_place)->content_digest() == 0) {
    KnownRecord same;
    same.id = n.locator;
    same.imported = at_place->has_value();
    return same;
  }
  KnownRecord known;
  known.id = VersionedRecordId(n.locator, digest);
  known.place_taken = true;
  known.other_import = (*at_place)->import();
  auto versioned = load(known.id);
  if (!versioned.ok()) return versioned.status();
  known.imported = versioned->has_value();
  return known;
}

v1::ChangedRecord ChangedRecordLine(const std::string& locator, const KnownRecord& known,
                                    const std::string& case_name) {
  v1::ChangedRecord c;
  c.set_locator(locator);
  c.set_record(known.id);
  c.set_previous_record(locator);  // the first record of a place has the locator as its id
  c.set_previous_import(known.other_import);
  c.set_case_(case_name);
  return c;
}

}  // namespace casefile::migration
