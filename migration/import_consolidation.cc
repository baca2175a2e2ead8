#include "migration/import_consolidation.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <thread>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "casefile/storage/v1/records.pb.h"
#include "core/input/resource_names.h"
#include "core/time/partial_time.h"
#include "core/time/partial_time_proto.h"
#include "migration/consolidation_inputs.h"
#include "migration/import_report.h"
#include "migration/known_records.h"
#include "migration/record_id.h"

namespace casefile::migration {
namespace {

using storage::LmdbTxn;

absl::string_view FormatName(LegacyFormat f) {
  switch (f) {
    case LegacyFormat::kPaperFile: return "paper file";
    case LegacyFormat::kInvestigationLog: return "investigation log";
    case LegacyFormat::kCrimeExport: return "crime export";
    case LegacyFormat::kNominalIndex: return "nominal index";
    case LegacyFormat::kCaseXref: return "case cross-reference";
    case LegacyFormat::kDocumentManifest: return "document manifest";
    case LegacyFormat::kUnrecognised: return "unrecognised";
  }
  return "unknown";
}

// Takes the record's strings: the import needs only its Source from here on.
v1::Source ToSource(LegacyEvent&& e, std::string record_id, uint64_t digest, const ImportName& import) {
  v1::Source s;
  s.set_record(std::move(record_id));
  s.set_content_digest(digest);
  s.set_import_label(import.label);
  s.set_locator(std::move(e.locator));
  if (!e.legacy_refs.empty()) s.set_legacy_ref(e.legacy_refs.front());
  s.set_text(std::move(e.text));
  s.set_import(import.name);
  *s.mutable_occurred() = ToProto(e.occurred);
  *s.mutable_entered() = ToProto(e.entered);
  s.set_author(std::move(e.author));
  s.set_occurred_as_written(std::move(e.occurred_as_written));
  s.set_date_note(std::move(e.date_note));
  s.set_record_type(e.doc_type.empty() ? std::string(FormatName(e.format)) : std::move(e.doc_type));
  return s;
}

v1::Subject ToSubject(const LegacySubject& l) {
  v1::Subject s;
  s.set_display_name(l.as_written);
  s.set_forename(l.forename);
  s.set_surname(l.surname);
  *s.mutable_date_of_birth() = ToProto(l.date_of_birth);
  return s;
}

// A subject named in a case is one person record per case and name.
std::string SubjectRecordId(const std::string& case_id, const LegacySubject& s) {
  return absl::StrCat("subject|", case_id, "|", absl::AsciiStrToLower(s.forename), " ",
                      absl::AsciiStrToLower(s.surname), "|", FormatPartialTime(s.date_of_birth));
}

// This import's records of the case become its new records (those not
// imported before), and what the case learns from them: references, the
// people named, and a person record per person named. The records are freed.
absl::Status PrepareCase(const LmdbTxn& txn, const ImportName& import, bool dry_run, CaseUpdate& update) {
  absl::flat_hash_set<std::string> subject_ids;
  for (LegacyEvent& e : update.legacy_events) {
    const uint64_t digest = ContentDigest(e);
    auto known = LookUpRecord(txn, e.locator, digest);
    if (!known.ok()) return known.status();
    if (known->erased) {  // its case was erased: nothing of it comes back
      ++update.erased_before;
      continue;
    }
    for (const std::string& ref : e.legacy_refs) update.refs.insert(ref);
    for (const LegacySubject& s : e.subjects) {
      NoteSubject(update, ToSubject(s));
      std::string id = SubjectRecordId(update.case_id, s);
      if (!subject_ids.insert(id).second) continue;
      storage::v1::StoredPersonRecord& p = update.subject_records.emplace_back();
      p.set_locator(std::move(id));
      p.set_forename(s.forename);
      p.set_surname(s.surname);
      *p.mutable_date_of_birth() = ToProto(s.date_of_birth);
      p.set_case_(CaseName(update.case_id));
      p.set_source_ref(e.legacy_refs.empty() ? "" : e.legacy_refs.front());
      p.set_as_written(absl::StrCat(s.as_written, " — named by ", e.locator));
      p.set_import(import.name);
    }
    if (known->imported) {
      ++update.already_imported;
      continue;
    }
    if (known->place_taken)
      update.changed.push_back(ChangedRecordLine(e.locator, *known, dry_run ? "" : CaseName(update.case_id)));
    CaseRecord& r = update.new_records.emplace_back();
    for (const LegacySubject& s : e.subjects) r.subjects.push_back(ToSubject(s));
    r.source = ToSource(std::move(e), std::move(known->id), digest, import);
  }
  std::vector<LegacyEvent>().swap(update.legacy_events);
  return absl::OkStatus();
}

// Prepares and consolidates each case of `batch` (reading its stored
// records), on as many threads as there are cores, four at most.
absl::Status ConsolidateBatch(const CaseStageParts& parts, absl::Span<CaseUpdate* const> batch,
                              absl::Span<const PairDecision> decisions, const ImportName& import, bool dry_run) {
  const int threads = std::clamp<int>(std::thread::hardware_concurrency(), 1, 4);
  std::atomic<size_t> next{0};
  std::vector<absl::Status> errors(threads);
  auto work = [&](int t) {
    for (size_t i; (i = next++) < batch.size();) {
      CaseUpdate& update = *batch[i];
      std::map<int64_t, v1::Entry> existing;
      std::vector<CaseRecord> records;
      {
        auto read = parts.store->BeginRead();
        absl::Status s = read.ok() ? PrepareCase((*read)->txn(), import, dry_run, update) : read.status();
        if (s.ok() && !update.new_records.empty()) {
          records = std::move(update.new_records);
          s = LoadCaseRecords((*read)->txn(), update.case_id, existing, records);
        }
        if (!s.ok()) {
          errors[t] = s;
          return;
        }
      }
      if (records.empty()) continue;
      auto plan = ConsolidateCase(update.case_id, existing, std::move(records), decisions, *parts.clusterer);
      if (!plan.ok()) {
        errors[t] = plan.status();
        return;
      }
      update.plan = *std::move(plan);
    }
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (std::thread& t : pool) t.join();
  for (const absl::Status& s : errors) {
    if (!s.ok()) return s;
  }
  return absl::OkStatus();
}

// Frees what only the case's write needed, once it is durable: its records,
// its plan and what it learnt. The report and the person phase keep the
// counts, the changed records and the subjects' person records.
void ReleaseWritten(CaseUpdate& update) {
  std::vector<LegacyEvent>().swap(update.legacy_events);
  std::vector<CaseRecord>().swap(update.new_records);
  update.plan = CasePlan();
  update.refs.clear();
  update.subjects.clear();
  update.mentions.clear();
}

}  // namespace

absl::Status ConsolidateAndWriteCases(const CaseStageParts& parts, size_t records_per_write, const Caller& caller,
                                      absl::Span<const PairDecision> decisions,
                                      std::map<std::string, CaseUpdate>& updates, ImportStages& stages,
                                      v1::Import& report) {
  const bool dry_run = report.dry_run();
  const ImportName import = NameOf(report);
  v1::ImportCounts& counts = *report.mutable_counts();
  stages.SetCasesTotal(updates.size());
  std::vector<std::vector<CaseUpdate*>> batches(1);
  size_t batch_records = 0;
  for (auto& [case_id, update] : updates) {
    update.case_id = case_id;
    batches.back().push_back(&update);
    batch_records += update.legacy_events.size();
    if (batch_records >= records_per_write) {
      batches.emplace_back();
      batch_records = 0;
    }
  }
  // The previous batch's write; progress is reported here, not from the
  // writer's thread, which must never wait on a client.
  auto previous_write = std::make_unique<absl::Notification>();
  previous_write->Notify();
  absl::Status write_status;
  int64_t cases_in_flight = 0;
  auto await_previous = [&]() -> absl::Status {
    previous_write->WaitForNotification();
    if (!write_status.ok()) return write_status;
    stages.CasesWritten(cases_in_flight);
    cases_in_flight = 0;
    return absl::OkStatus();
  };
  // Freed once its write is durable (while the writer writes the next), so
  // that the import holds the plans of two batches at most, not of every case.
  std::vector<CaseUpdate*>* written = nullptr;
  auto release = [](std::vector<CaseUpdate*>* batch) {
    if (batch == nullptr) return;
    for (CaseUpdate* u : *batch) ReleaseWritten(*u);
  };
  for (std::vector<CaseUpdate*>& batch : batches) {
    absl::Status consolidated = ConsolidateBatch(parts, batch, decisions, import, dry_run);
    if (auto s = await_previous(); !s.ok()) return s;
    if (!consolidated.ok()) return consolidated;
    for (const CaseUpdate* u : batch) {
      counts.set_new_entries(counts.new_entries() + u->plan.new_entries.size());
      counts.set_exact_duplicates_merged(counts.exact_duplicates_merged() + u->plan.exact_duplicates);
      counts.set_near_duplicates_merged(counts.near_duplicates_merged() + u->plan.near_duplicates);
      counts.set_sent_to_review(counts.sent_to_review() + u->plan.review_items.size());
      if (!u->plan.new_entries.empty() || !u->plan.added_sources.empty()) report.add_cases(CaseName(u->case_id));
    }
    cases_in_flight = batch.size();
    if (dry_run) {
      release(&batch);
      continue;
    }
    previous_write = std::make_unique<absl::Notification>();
    parts.store->writer().Submit(
        [&parts, &batch, &caller](LmdbTxn& txn) { return WriteCaseUpdates(txn, batch, caller, (*parts.clock)()); },
        [feed = parts.feed, &batch, &write_status, done = previous_write.get()](absl::Status s) {
          write_status = s;
          if (s.ok()) {
            for (const CaseUpdate* u : batch) feed->Publish(u->case_id);
          }
          done->Notify();
        });
    release(written);
    written = &batch;
  }
  if (auto s = await_previous(); !s.ok()) return s;
  release(written);
  return absl::OkStatus();
}

}  // namespace casefile::migration
