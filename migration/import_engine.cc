#include "migration/import_engine.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <thread>
#include <map>
#include <set>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/strip.h"
#include "absl/synchronization/notification.h"
#include "casefile/storage/v1/records.pb.h"
#include "core/audit/audit_trail.h"
#include "core/input/resource_names.h"
#include "core/chronology/validation.h"
#include "core/names/name_tokens.h"
#include "core/retention/case_eraser.h"
#include "core/retention/retention.h"
#include "core/time/partial_time_proto.h"
#include "google/protobuf/util/time_util.h"
#include "migration/case_resolver.h"
#include "migration/import_report_visibility.h"
#include "migration/import_writes.h"
#include "migration/person_index.h"
#include "migration/record_id.h"
#include "migration/rejected_records.h"
#include "storage/case_tables.h"
#include "storage/keys.h"
#include "storage/prefix_scan.h"

namespace casefile::migration {
namespace {

using storage::LmdbTxn;

// The report lists this many rejected, changed or partly dated records; its
// counts hold them all (and ListRejectedRecords every rejected one).
constexpr size_t kMaxListed = 1000;

absl::string_view FormatName(LegacyFormat f) {
  switch (f) {
    case LegacyFormat::kPaperFile: return "paper file";
    case LegacyFormat::kInvestigationLog: return "investigation log";
    case LegacyFormat::kCrimeExport: return "crime export";
    case LegacyFormat::kNominalIndex: return "nominal index";
    case LegacyFormat::kCaseXref: return "case cross-reference";
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

// Lists a record imported with a date read only in part ("date partly read").
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

// Every operator decision on a pair of records.
absl::StatusOr<std::vector<PairDecision>> LoadDecisions(const LmdbTxn& txn) {
  std::vector<PairDecision> out;
  absl::Status s = storage::ScanPrefix(
      txn, storage::keys::DecisionPrefix(), [&](absl::string_view, absl::string_view value) {
        storage::v1::StoredDecision d;
        if (!d.ParseFromArray(value.data(), static_cast<int>(value.size())))
          return absl::DataLossError("corrupt operator decision record");
        out.push_back({d.locator_a(), d.locator_b(), d.decision() == v1::ReviewItem::DECISION_MERGE});
        return absl::OkStatus();
      });
  if (!s.ok()) return s;
  return out;
}

// The live (not superseded) imported entries of a case, and their sources.
absl::Status LoadCaseRecords(const LmdbTxn& txn, const std::string& case_id,
                             std::map<int64_t, v1::Entry>& entries, std::vector<CaseRecord>& out) {
  std::map<int64_t, bool> live;
  return storage::ScanPrefix(
      txn, storage::keys::SourcePrefix(case_id), [&](absl::string_view rest, absl::string_view value) {
        CaseRecord r;
        r.entry = static_cast<int64_t>(storage::keys::DecodeBe64(rest.substr(0, 8)).value_or(0));
        auto [it, first_time] = live.try_emplace(r.entry, false);
        if (first_time) {
          auto by = storage::LoadSupersession(txn, case_id, r.entry);
          if (!by.ok()) return by.status();
          it->second = *by == 0;
          if (it->second) {  // its sources are read here, one by one
            auto entry = storage::LoadBareEntry(txn, case_id, r.entry);
            if (!entry.ok()) return entry.status();
            if (entry->has_value()) entries[r.entry] = **std::move(entry);
          }
        }
        if (!it->second) return absl::OkStatus();  // history: a superseded entry keeps its sources
        if (!r.source.ParseFromArray(value.data(), static_cast<int>(value.size())))
          return absl::DataLossError("corrupt source record");
        out.push_back(std::move(r));
        return absl::OkStatus();
      });
}

// How the store knows a record read at `locator` with content `digest`.
struct KnownRecord {
  std::string id;        // its record id (see record_id.h)
  bool imported = false;  // imported before: skip it
  bool erased = false;    // imported before into a case since erased: skip it, and all it says
  // Another record was imported from the same place before, by `other_import`.
  bool place_taken = false;
  std::string other_import;
};

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

// The same for a nominal row (person records are keyed by record id too).
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

// The report's line for a record from a place that held another record.
v1::ChangedRecord Changed(const std::string& locator, const KnownRecord& known, const std::string& case_name) {
  v1::ChangedRecord c;
  c.set_locator(locator);
  c.set_record(known.id);
  c.set_previous_record(locator);  // the first record of a place has the locator as its id
  c.set_previous_import(known.other_import);
  c.set_case_(case_name);
  return c;
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
    if (known->place_taken) update.changed.push_back(Changed(e.locator, *known, dry_run ? "" : CaseName(update.case_id)));
    CaseRecord& r = update.new_records.emplace_back();
    for (const LegacySubject& s : e.subjects) r.subjects.push_back(ToSubject(s));
    r.source = ToSource(std::move(e), std::move(known->id), digest, import);
  }
  std::vector<LegacyEvent>().swap(update.legacy_events);
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

absl::Status ImportEngine::ConsolidateBatch(absl::Span<CaseUpdate* const> batch,
                                            absl::Span<const PairDecision> decisions,
                                            const ImportName& import, bool dry_run) {
  const int threads = std::clamp<int>(std::thread::hardware_concurrency(), 1, 4);
  std::atomic<size_t> next{0};
  std::vector<absl::Status> errors(threads);
  auto work = [&](int t) {
    for (size_t i; (i = next++) < batch.size();) {
      CaseUpdate& update = *batch[i];
      std::map<int64_t, v1::Entry> existing;
      std::vector<CaseRecord> records;
      {
        auto read = store_->BeginRead();
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
      auto plan = ConsolidateCase(update.case_id, existing, std::move(records), decisions, clusterer_);
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

ImportEngine::ImportEngine(storage::Store* store, ChangeFeed* feed, Clock clock,
                           EventClusterer clusterer, ImportEngineOptions options)
    : store_(store),
      feed_(feed),
      clock_(std::move(clock)),
      clusterer_(std::move(clusterer)),
      options_(options) {}

ImportEngine::~ImportEngine() {
  absl::MutexLock lock(&one_import_at_a_time_);
  if (reclaimer_.joinable()) reclaimer_.join();
}

absl::StatusOr<v1::Import> ImportEngine::Run(const Caller& caller, const v1::ImportOptions& options,
                                             std::vector<LegacyFile> files,
                                             const ImportProgressFn& progress) {
  if (auto s = Authorize(caller, Action::kImport); !s.ok()) return s;
  absl::MutexLock one_at_a_time(&one_import_at_a_time_);
  const bool dry_run = options.dry_run();
  v1::Import report;
  report.set_label(options.label());
  report.set_dry_run(dry_run);
  report.set_operator_(caller.user);
  *report.mutable_create_time() =
      google::protobuf::util::TimeUtil::NanosecondsToTimestamp(absl::ToUnixNanos(clock_()));
  v1::ImportCounts& counts = *report.mutable_counts();
  v1::ImportProgress stage;
  auto say = [&](absl::string_view name) {
    stage.set_stage(std::string(name));
    if (progress) progress(stage);
  };

  // 1. What was read.
  std::vector<LegacyEvent*> events;
  std::vector<NominalRecord*> nominals;
  std::vector<CaseXref> xrefs;
  std::vector<v1::Rejection> rejected;  // records and files not read, verbatim
  std::sort(files.begin(), files.end(), [](auto& a, auto& b) { return a.path < b.path; });
  for (LegacyFile& f : files) {
    counts.set_files(counts.files() + 1);
    if (f.format == LegacyFormat::kUnrecognised) counts.set_files_unrecognised(counts.files_unrecognised() + 1);
    for (ReadProblem& p : f.problems) {
      v1::Rejection& r = rejected.emplace_back();
      r.set_locator(std::move(p.locator));
      r.set_reason(std::move(p.reason));
      r.set_raw(std::move(p.raw));
      if (f.format != LegacyFormat::kUnrecognised) counts.set_rejected(counts.rejected() + 1);
    }
    for (LegacyEvent& e : f.events) {
      events.push_back(&e);
      if (!e.date_note.empty()) NotePartlyReadDate(report, e.locator, e.occurred_as_written, e.date_note);
    }
    for (NominalRecord& n : f.nominals) {
      nominals.push_back(&n);
      if (!n.date_note.empty()) NotePartlyReadDate(report, n.locator, n.date_of_birth_raw, n.date_note);
    }
    xrefs.insert(xrefs.end(), f.xrefs.begin(), f.xrefs.end());
  }
  counts.set_records_read(events.size() + nominals.size() + xrefs.size());
  for (size_t i = 0; i < rejected.size() && i < kMaxListed; ++i) {
    v1::Rejection& listed = *report.add_rejections();
    listed.set_locator(rejected[i].locator());
    listed.set_reason(rejected[i].reason());
  }
  counts.set_nominal_records(nominals.size());

  // 2. What the store already holds: imported locators, references, decisions.
  say("resolving cases");
  int64_t known_person_records = 0;
  std::vector<std::string> nominal_ids(nominals.size());  // of new rows; "" if imported before
  std::vector<v1::ChangedRecord> changed_nominals;
  // The case of each reference a nominal row names (normalised): filed by an
  // earlier import, or by this one (below). A row knows its case file the
  // way a subject does, so twins in one case stay apart, dry run or not.
  absl::flat_hash_map<std::string, std::string> case_of_nominal_ref;
  std::vector<PairDecision> decisions;
  CaseAssignment assignment;
  {
    auto read = store_->BeginRead();
    if (!read.ok()) return read.status();
    const LmdbTxn& txn = (*read)->txn();
    auto loaded = LoadDecisions(txn);
    if (!loaded.ok()) return loaded.status();
    decisions = *std::move(loaded);
    absl::Status lookup_error;
    const std::vector<const LegacyEvent*> read_only(events.begin(), events.end());
    assignment = ResolveCases(read_only, xrefs, [&](const std::string& ref) -> std::optional<std::string> {
      std::optional<std::string> found;
      absl::Status s = storage::ScanCaseIds(txn, storage::keys::RefIndexPrefix(ref), "",
                                            [&](absl::string_view id) {
                                              found = std::string(id);
                                              return false;
                                            });
      if (!s.ok()) lookup_error = s;
      return found;
    });
    if (!lookup_error.ok()) return lookup_error;
    for (size_t i = 0; i < nominals.size(); ++i) {
      const NominalRecord* n = nominals[i];
      auto known = LookUpPersonRecord(txn, *n, ContentDigest(*n));
      if (!known.ok()) return known.status();
      if (known->imported) {
        ++known_person_records;
      } else {
        if (known->place_taken) changed_nominals.push_back(Changed(n->locator, *known, ""));
        nominal_ids[i] = std::move(known->id);
      }
      const std::string ref = NormalizeRef(n->source_ref);
      if (ref.empty() || case_of_nominal_ref.contains(ref)) continue;
      absl::Status s = storage::ScanCaseIds(txn, storage::keys::RefIndexPrefix(ref), "", [&](absl::string_view id) {
        case_of_nominal_ref[ref] = std::string(id);
        return false;
      });
      if (!s.ok()) return s;
      case_of_nominal_ref.try_emplace(ref);  // looked up: "" unless filed before
    }
  }
  for (v1::CaseResolution& r : assignment.unlisted_refs) *report.add_unlisted_refs() = std::move(r);
  for (v1::RefConflict& c : assignment.ref_conflicts) *report.add_ref_conflicts() = std::move(c);

  // 3. Group the new records by case, with what each case needs to know.
  std::map<std::string, CaseUpdate> updates;  // ordered: deterministic writes
  for (const CaseXref& x : xrefs) {
    std::string id = x.case_key;
    if (!ValidateCaseId(id, "case_key").ok()) id = OwnCaseId(id);
    updates[id].refs.insert(x.legacy_ref);
    // This import's cross-reference wins (as in ResolveCases).
    if (auto it = case_of_nominal_ref.find(NormalizeRef(x.legacy_ref)); it != case_of_nominal_ref.end())
      it->second = id;
  }
  {
    // Each case's records move into its update, which frees them as soon as
    // it has taken them apart; sized first, as they take ~1 GB at a million.
    std::map<absl::string_view, size_t> events_of_case;
    size_t* run = nullptr;  // a file's records are mostly of one case
    absl::string_view run_case;
    for (const std::string& case_id : assignment.case_of_event) {
      if (run == nullptr || run_case != case_id) run = &events_of_case[run_case = case_id];
      ++*run;
    }
    CaseUpdate* last = nullptr;
    size_t i = 0;  // `events` holds the files' records in this order
    for (LegacyFile& f : files) {
      for (LegacyEvent& e : f.events) {
        const std::string& case_id = assignment.case_of_event[i++];
        if (last == nullptr || last->case_id != case_id) {
          last = &updates[case_id];
          last->case_id = case_id;
          last->legacy_events.reserve(events_of_case[case_id]);
        }
        for (const std::string& ref : e.legacy_refs) {
          auto it = case_of_nominal_ref.find(ref);  // references are mostly written normalised
          if (it != case_of_nominal_ref.end() && it->second.empty()) it->second = case_id;
        }
        last->legacy_events.push_back(std::move(e));
      }
      std::vector<LegacyEvent>().swap(f.events);  // not held twice
    }
  }
  std::vector<LegacyEvent*>().swap(events);
  std::vector<std::string>().swap(assignment.case_of_event);

  // 4. Import id (durable first, so every source can name its import).
  if (!dry_run) {
    auto id = std::make_shared<std::string>();
    absl::Status s = store_->writer().Run([id](LmdbTxn& txn) -> absl::Status {
      auto seq = storage::NextCounter(txn, "next_import");
      if (!seq.ok()) return seq.status();
      *id = absl::StrFormat("imp-%06d", *seq);
      return absl::OkStatus();
    });
    if (!s.ok()) return s;
    report.set_name(absl::StrCat("imports/", *id));
  }
  std::vector<storage::v1::StoredPersonRecord> person_records;
  person_records.reserve(nominals.size());
  const ImportName import{report.name(), report.label()};
  for (size_t i = 0; i < nominals.size(); ++i) {
    if (nominal_ids[i].empty()) continue;
    NominalRecord& n = *nominals[i];
    const auto it = case_of_nominal_ref.find(NormalizeRef(n.source_ref));
    const bool known = it != case_of_nominal_ref.end() && !it->second.empty();
    person_records.push_back(
        FromNominal(std::move(n), std::move(nominal_ids[i]), import, known ? CaseName(it->second) : ""));
  }
  // What was read is all in the updates and person records now.
  std::vector<NominalRecord*>().swap(nominals);
  std::vector<LegacyFile>().swap(files);

  // 5. Consolidate and write in batches of whole cases: a batch's cases are
  //    consolidated in parallel, then written in one transaction on the
  //    store's writer while the next batch is consolidated.
  say(dry_run ? "consolidating (dry run)" : "consolidating and writing");
  stage.set_cases_total(updates.size());
  std::vector<std::vector<CaseUpdate*>> batches(1);
  size_t batch_records = 0;
  for (auto& [case_id, update] : updates) {
    update.case_id = case_id;
    batches.back().push_back(&update);
    batch_records += update.legacy_events.size();
    if (batch_records >= options_.records_per_write) {
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
    stage.set_cases_written(stage.cases_written() + cases_in_flight);
    if (cases_in_flight > 0 && progress) progress(stage);
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
    absl::Status consolidated = ConsolidateBatch(batch, decisions, import, dry_run);
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
    store_->writer().Submit(
        [this, &batch, &caller](LmdbTxn& txn) { return WriteCaseUpdates(txn, batch, caller, clock_()); },
        [this, &batch, &write_status, done = previous_write.get()](absl::Status s) {
          write_status = s;
          if (s.ok()) {
            for (const CaseUpdate* u : batch) feed_->Publish(u->case_id);
          }
          done->Notify();
        });
    release(written);
    written = &batch;
  }
  if (auto s = await_previous(); !s.ok()) return s;
  release(written);
  int64_t already_imported = known_person_records, erased_before = 0;
  std::vector<v1::ChangedRecord> changed = std::move(changed_nominals);
  size_t subject_records = 0;
  for (const auto& [case_id, update] : updates) subject_records += update.subject_records.size();
  person_records.reserve(person_records.size() + subject_records);
  for (auto& [case_id, update] : updates) {
    already_imported += update.already_imported;
    erased_before += update.erased_before;
    for (v1::ChangedRecord& c : update.changed) changed.push_back(std::move(c));
    for (auto& p : update.subject_records) person_records.push_back(std::move(p));
    std::vector<storage::v1::StoredPersonRecord>().swap(update.subject_records);
  }
  counts.set_records_already_imported(already_imported);
  counts.set_records_erased_before(erased_before);
  counts.set_records_changed(changed.size());
  std::sort(changed.begin(), changed.end(), [](auto& a, auto& b) { return a.locator() < b.locator(); });
  for (size_t i = 0; i < changed.size() && i < kMaxListed; ++i)
    *report.add_changed_records() = std::move(changed[i]);

  // 6. Persons: every person record, old and new, clustered again.
  say("matching persons");
  // The records are stored first and freed: the index is computed from the
  // store, on a snapshot taken after the cases were written (it needs their
  // reference index); the writer is held only for the writes.
  if (!dry_run) {
    absl::Status s = StorePersonRecords(*store_, person_records, options_.records_per_write);
    if (!s.ok()) return s;
    std::vector<storage::v1::StoredPersonRecord>().swap(person_records);
  }
  auto prepared_persons = PreparePersons(*store_, person_records);
  if (!prepared_persons.ok()) return prepared_persons.status();
  auto persons = WritePersons(*store_, *std::move(prepared_persons), dry_run);
  if (!persons.ok()) return persons.status();
  counts.set_persons(persons->persons);
  counts.set_sent_to_review(counts.sent_to_review() + persons->new_review_items);

  // 7. The report, durable last: an import with a report is complete. Its
  // audit record (counts and cases touched) commits with it; a dry run
  // writes only that.
  {
    v1::AuditEvent audit = NewAuditEvent(caller, "ImportFolder", clock_());
    DescribeResult(report, audit);
    absl::Status s = store_->writer().Run([&report, &rejected, &audit, dry_run](LmdbTxn& txn) {
      if (!dry_run) {
        const std::string id = report.name().substr(8);
        if (auto st = SaveRejectedRecords(txn, id, rejected); !st.ok()) return st;
        if (auto st = txn.Put(storage::keys::Import(id), report.SerializeAsString()); !st.ok())
          return st;
      }
      return AppendAuditEvent(txn, audit);
    });
    if (!s.ok()) return s;
  }
  say("done");
  if (reclaimer_.joinable()) reclaimer_.join();
  reclaimer_ = std::thread([files = std::move(files), updates = std::move(updates),
                            person_records = std::move(person_records)] {});
  auto read = store_->BeginRead();
  if (!read.ok()) return read.status();
  CaseVisibility cases((*read)->txn(), caller);
  if (auto s = HideUnknownCases(cases, report); !s.ok()) return s;
  return report;
}

namespace {

storage::v1::StoredDecision Separate(absl::string_view a, absl::string_view b, const Caller& caller) {
  storage::v1::StoredDecision d;
  d.set_decision(v1::ReviewItem::DECISION_SEPARATE);
  d.set_decided_by(caller.user);
  d.set_locator_a(std::string(std::min(a, b)));
  d.set_locator_b(std::string(std::max(a, b)));
  return d;
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

}  // namespace

absl::StatusOr<v1::SeparateRecordResponse> ImportEngine::SeparatePersonRecord(const Caller& caller,
                                                                              absl::string_view locator) {
  // The decision's audit record commits with it: the persons it split, and
  // how many records it set apart.
  v1::AuditEvent audit = NewAuditEvent(caller, "SeparateRecord", clock_());
  std::vector<std::string> merged_with;  // the other records of its person
  {
    auto read = store_->BeginRead();
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
  absl::Status s = store_->writer().Run([&](LmdbTxn& txn) -> absl::Status {
    for (const std::string& other : merged_with) {
      if (auto st = txn.Put(storage::keys::Decision(locator, other), Separate(locator, other, caller).SerializeAsString());
          !st.ok())
        return st;
    }
    if (!merged_with.empty()) {
      auto index = ComputePersonIndex(txn, {});
      if (!index.ok()) return index.status();
      if (auto st = WritePersonIndex(txn, *index); !st.ok()) return st;
    }
    return AppendAuditEvent(txn, audit);
  });
  if (!s.ok()) return s;
  auto read = store_->BeginRead();
  if (!read.ok()) return read.status();
  merged_with.insert(merged_with.begin(), std::string(locator));
  auto persons = PersonsHolding((*read)->txn(), merged_with);
  if (!persons.ok()) return persons.status();
  v1::SeparateRecordResponse out;
  for (v1::Person& p : *persons) *out.add_persons() = std::move(p);
  return out;
}

absl::StatusOr<v1::SeparateRecordResponse> ImportEngine::SeparateRecord(const Caller& caller,
                                                                        absl::string_view locator) {
  if (auto s = Authorize(caller, Action::kImport); !s.ok()) return s;
  if (locator.empty()) return absl::InvalidArgumentError("locator: required");
  absl::MutexLock one_at_a_time(&one_import_at_a_time_);  // no import re-plans the case meanwhile
  CaseUpdate update;
  std::vector<std::string> merged_with;  // record ids of the entry's other records
  std::optional<storage::RecordPlace> place;
  {
    auto read = store_->BeginRead();
    if (!read.ok()) return read.status();
    auto where = storage::LoadRecordPlace((*read)->txn(), locator);
    if (!where.ok()) return where.status();
    place = *std::move(where);
  }  // (no read transaction may stay open across a write: a map resize waits for them)
  if (!place.has_value()) return SeparatePersonRecord(caller, locator);  // not an event record
  update.case_id = place->case_id;
  {
    auto read = store_->BeginRead();
    if (!read.ok()) return read.status();
    auto known = LoadKnownCase((*read)->txn(), caller, update.case_id);
    if (absl::IsNotFound(known.status()))
      return absl::NotFoundError(absl::StrCat("locator: no imported record '", locator, "'"));
    if (!known.ok()) return known.status();
  }
  {
    auto read = store_->BeginRead();
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
      auto plan = ConsolidateCase(update.case_id, existing, std::move(records), *decisions, clusterer_);
      if (!plan.ok()) return plan.status();
      update.plan = *std::move(plan);
      update.supersede_reason = absl::StrCat("legacy record ", locator, " separated by ", caller.user);
    }
  }
  // The decision's audit record commits with it: the case and entry it
  // split, and how many records it set apart.
  v1::AuditEvent audit = NewAuditEvent(caller, "SeparateRecord", clock_());
  audit.add_resources(CaseName(update.case_id));
  audit.add_resources(EntryResourceName(update.case_id, place->entry));
  audit.set_count(static_cast<int64_t>(merged_with.size()));
  CaseUpdate* batch[] = {&update};
  absl::Status s = store_->writer().Run([&](LmdbTxn& txn) -> absl::Status {
    for (const std::string& other : merged_with) {
      if (auto st = txn.Put(storage::keys::Decision(locator, other), Separate(locator, other, caller).SerializeAsString());
          !st.ok())
        return st;
    }
    if (!merged_with.empty()) {
      if (auto st = WriteCaseUpdates(txn, batch, caller, clock_()); !st.ok()) return st;
    }
    return AppendAuditEvent(txn, audit);
  });
  if (!s.ok()) return s;
  if (!merged_with.empty()) feed_->Publish(update.case_id);
  // The entries that hold the record and those it was merged with, now.
  auto read = store_->BeginRead();
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

absl::StatusOr<v1::EraseCaseResponse> ImportEngine::EraseCase(const Caller& caller,
                                                             const v1::EraseCaseRequest& request) {
  if (auto s = Authorize(caller, Action::kEraseCase); !s.ok()) return s;
  auto case_id = ParseCaseName(request.name(), "name");
  if (!case_id.ok()) return case_id.status();
  if (auto s = ValidateReason(request.reason(), "say why the case is erased"); !s.ok()) return s;
  absl::MutexLock one_at_a_time(&one_import_at_a_time_);  // no import re-plans the case meanwhile
  v1::EraseCaseResponse erased;
  absl::Status s = store_->writer().Run([&](LmdbTxn& txn) -> absl::Status {
    auto done = EraseCaseContent(txn, caller, *case_id, [](LmdbTxn& txn) {
      auto index = ComputePersonIndex(txn, {});
      return index.ok() ? WritePersonIndex(txn, *index) : index.status();
    });
    if (!done.ok()) return done.status();
    erased = *std::move(done);
    v1::AuditEvent audit = NewAuditEvent(caller, "EraseCase", clock_());
    audit.add_resources(erased.name());
    audit.set_count(erased.entries());
    audit.set_purpose(request.reason());
    return AppendAuditEvent(txn, std::move(audit));
  });
  if (!s.ok()) return s;
  feed_->Publish(*case_id);
  return erased;
}

absl::StatusOr<v1::Import> ImportEngine::GetImport(const Caller& caller, absl::string_view name) {
  if (auto s = Authorize(caller, Action::kImport); !s.ok()) return s;
  if (!absl::ConsumePrefix(&name, "imports/") || name.empty())
    return absl::InvalidArgumentError("name: expected imports/{import}");
  auto read = store_->BeginRead();
  if (!read.ok()) return read.status();
  auto found = (*read)->txn().Get(storage::keys::Import(name));
  if (!found.ok()) return found.status();
  if (!found->has_value()) return absl::NotFoundError(absl::StrCat("imports/", name, " not found"));
  v1::Import report;
  if (!report.ParseFromArray((*found)->data(), (*found)->size())) return absl::DataLossError("corrupt import");
  CaseVisibility cases((*read)->txn(), caller);
  if (auto s = HideUnknownCases(cases, report); !s.ok()) return s;
  return report;
}

absl::StatusOr<v1::ListRejectedRecordsResponse> ImportEngine::ListRejectedRecords(
    const Caller& caller, const v1::ListRejectedRecordsRequest& request) {
  auto report = GetImport(caller, request.parent());  // authorizes; NotFound for an unknown import
  if (!report.ok()) {
    if (absl::IsInvalidArgument(report.status())) return absl::InvalidArgumentError("parent: expected imports/{import}");
    return report.status();
  }
  auto read = store_->BeginRead();
  if (!read.ok()) return read.status();
  return migration::ListRejectedRecords((*read)->txn(), request.parent().substr(8), request.page_size(),
                                        request.page_token());
}

}  // namespace casefile::migration
