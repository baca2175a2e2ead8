#include "storage/case_write_index.h"

#include "storage/keys.h"

namespace casefile::storage {
namespace {

absl::Status DeleteIfThere(LmdbTxn& txn, const std::string& key) {
  absl::Status s = txn.Delete(key);
  return absl::IsNotFound(s) ? absl::OkStatus() : s;
}

}  // namespace

WritePlace WritePlaceOf(const ::casefile::v1::Case& c) {
  const google::protobuf::Timestamp& t = c.update_time();
  return WritePlace{c.owner(), c.team(), t.seconds() * 1000000 + t.nanos() / 1000};
}

absl::Status MoveCaseWritePlace(LmdbTxn& txn, absl::string_view case_id, const WritePlace& from,
                                const WritePlace& to) {
  if (from.written_micros != 0) {
    if (!from.owner.empty()) {
      if (auto s = DeleteIfThere(txn, keys::OwnerCase(from.owner, from.written_micros, case_id)); !s.ok()) return s;
    }
    if (!from.team.empty()) {
      if (auto s = DeleteIfThere(txn, keys::TeamCase(from.team, from.written_micros, case_id)); !s.ok()) return s;
    }
  }
  if (to.written_micros == 0) return absl::OkStatus();
  if (!to.owner.empty()) {
    if (auto s = txn.Put(keys::OwnerCase(to.owner, to.written_micros, case_id), ""); !s.ok()) return s;
  }
  if (!to.team.empty()) return txn.Put(keys::TeamCase(to.team, to.written_micros, case_id), "");
  return absl::OkStatus();
}

absl::string_view CaseIdOfWrittenRow(absl::string_view row) {
  return row.size() > keys::kWrittenPartBytes ? row.substr(keys::kWrittenPartBytes) : absl::string_view();
}

}  // namespace casefile::storage
