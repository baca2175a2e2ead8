#include "migration/import_report.h"

#include <algorithm>
#include <memory>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/audit/audit_trail.h"
#include "google/protobuf/util/time_util.h"
#include "migration/rejected_records.h"
#include "storage/case_tables.h"
#include "storage/keys.h"

namespace casefile::migration {

using storage::LmdbTxn;

v1::Import NewImportReport(const Caller& caller, const v1::ImportOptions& options, absl::Time now) {
  v1::Import report;
  report.set_label(options.label());
  report.set_dry_run(options.dry_run());
  report.set_operator_(caller.user);
  *report.mutable_create_time() = google::protobuf::util::TimeUtil::NanosecondsToTimestamp(absl::ToUnixNanos(now));
  return report;
}

absl::StatusOr<std::string> ReserveImportName(storage::Store& store) {
  auto id = std::make_shared<std::string>();
  absl::Status s = store.writer().Run([id](LmdbTxn& txn) -> absl::Status {
    auto seq = storage::NextCounter(txn, "next_import");
    if (!seq.ok()) return seq.status();
    *id = absl::StrFormat("imp-%06d", *seq);
    return absl::OkStatus();
  });
  if (!s.ok()) return s;
  return absl::StrCat("imports/", *id);
}

void NotePartlyReadDate(v1::Import& report, const std::string& locator, const std::string& as_written,
                        const std::string& note) {
  v1::ImportCounts& counts = *report.mutable_counts();
  counts.set_dates_partly_read(counts.dates_partly_read() + 1);
  if (static_cast<size_t>(report.partly_read_dates_size()) >= kMaxListed) return;
  v1::PartlyReadDate& listed = *report.add_partly_read_dates();
  listed.set_locator(locator);
  listed.set_as_written(as_written);
  listed.set_note(note);
}

void ReportRecordsSeenBefore(int64_t rows_imported_before, std::vector<v1::ChangedRecord> changed_rows,
                             std::map<std::string, CaseUpdate>& updates, v1::Import& report) {
  int64_t already_imported = rows_imported_before, erased_before = 0;
  std::vector<v1::ChangedRecord> changed = std::move(changed_rows);
  for (auto& [case_id, update] : updates) {
    already_imported += update.already_imported;
    erased_before += update.erased_before;
    for (v1::ChangedRecord& c : update.changed) changed.push_back(std::move(c));
  }
  v1::ImportCounts& counts = *report.mutable_counts();
  counts.set_records_already_imported(already_imported);
  counts.set_records_erased_before(erased_before);
  counts.set_records_changed(changed.size());
  std::sort(changed.begin(), changed.end(), [](auto& a, auto& b) { return a.locator() < b.locator(); });
  for (size_t i = 0; i < changed.size() && i < kMaxListed; ++i)
    *report.add_changed_records() = std::move(changed[i]);
}

absl::Status SaveImportReport(storage::Store& store, const Caller& caller, absl::Time now,
                              const v1::Import& report, absl::Span<const v1::Rejection> rejected) {
  v1::AuditEvent audit = NewAuditEvent(caller, "ImportFolder", now);
  DescribeResult(report, audit);
  const bool dry_run = report.dry_run();
  return store.writer().Run([&report, &rejected, &audit, dry_run](LmdbTxn& txn) {
    if (!dry_run) {
      const std::string id = report.name().substr(8);  // after "imports/"
      if (auto st = SaveRejectedRecords(txn, id, rejected); !st.ok()) return st;
      if (auto st = txn.Put(storage::keys::Import(id), report.SerializeAsString()); !st.ok())
        return st;
    }
    return AppendAuditEvent(txn, audit);
  });
}

}  // namespace casefile::migration
