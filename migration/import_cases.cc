#include "migration/import_cases.h"

#include <optional>
#include <utility>

#include "absl/strings/string_view.h"
#include "core/input/resource_names.h"
#include "migration/case_resolver.h"
#include "migration/consolidation_inputs.h"
#include "storage/case_tables.h"
#include "storage/keys.h"

namespace casefile::migration {
namespace {

using storage::LmdbTxn;

absl::StatusOr<CaseAssignment> AssignCases(const LmdbTxn& txn, const ReadRecords& read) {
  absl::Status lookup_error;
  const std::vector<const LegacyEvent*> events(read.events.begin(), read.events.end());
  auto stored = [&](const std::string& ref) -> std::optional<std::string> {
    auto found = FiledCase(txn, ref);
    if (!found.ok()) {
      lookup_error = found.status();
      return std::nullopt;
    }
    return *std::move(found);
  };
  CaseAssignment assignment = ResolveCases(events, read.xrefs, stored);
  if (!lookup_error.ok()) return lookup_error;
  return assignment;
}

// The cases earlier imports filed the nominal rows' references under.
absl::Status LookUpFiledRefs(const LmdbTxn& txn, NominalRows& nominals) {
  for (const NominalRecord* n : nominals.rows) {
    const std::string ref = NormalizeRef(n->source_ref);
    if (ref.empty() || nominals.case_of_ref.contains(ref)) continue;
    auto found = FiledCase(txn, ref);
    if (!found.ok()) return found.status();
    nominals.case_of_ref[ref] = found->value_or("");  // looked up: "" unless filed before
  }
  return absl::OkStatus();
}

// The case a cross-reference row lists; a case key that is no valid case id
// becomes a case of its own, as an unlisted reference would.
std::string CaseOfXref(const CaseXref& x) {
  std::string id = x.case_key;
  if (!ValidateCaseId(id, "case_key").ok()) id = OwnCaseId(id);
  return id;
}

// Files the nominal rows' references under this import's cases: its
// cross-reference wins over earlier imports (as in ResolveCases); a
// reference filed nowhere goes to the case of the first event naming it.
void FileRefsOfThisImport(const ReadRecords& read, const CaseAssignment& assignment, NominalRows& nominals) {
  absl::flat_hash_map<std::string, std::string>& case_of_ref = nominals.case_of_ref;
  for (const CaseXref& x : read.xrefs) {
    if (auto it = case_of_ref.find(NormalizeRef(x.legacy_ref)); it != case_of_ref.end()) it->second = CaseOfXref(x);
  }
  for (size_t i = 0; i < read.events.size(); ++i) {
    for (const std::string& ref : read.events[i]->legacy_refs) {
      auto it = case_of_ref.find(ref);  // references are mostly written normalised
      if (it != case_of_ref.end() && it->second.empty()) it->second = assignment.case_of_event[i];
    }
  }
}

// Each case's update, with the references the cross-reference lists for it
// and the case's events, moved out of the files.
std::map<std::string, CaseUpdate> GroupByCase(std::vector<LegacyFile>& files, const ReadRecords& read,
                                              const CaseAssignment& assignment) {
  std::map<std::string, CaseUpdate> updates;
  for (const CaseXref& x : read.xrefs) updates[CaseOfXref(x)].refs.insert(x.legacy_ref);
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
  size_t i = 0;  // `read.events` holds the files' records in this order
  for (LegacyFile& f : files) {
    for (LegacyEvent& e : f.events) {
      const std::string& case_id = assignment.case_of_event[i++];
      if (last == nullptr || last->case_id != case_id) {
        last = &updates[case_id];
        last->case_id = case_id;
        last->legacy_events.reserve(events_of_case[case_id]);
      }
      last->legacy_events.push_back(std::move(e));
    }
    std::vector<LegacyEvent>().swap(f.events);  // not held twice
  }
  return updates;
}

}  // namespace

absl::StatusOr<std::optional<std::string>> FiledCase(const LmdbTxn& txn, const std::string& ref) {
  std::optional<std::string> found;
  absl::Status s = storage::ScanCaseIds(txn, storage::keys::RefIndexPrefix(ref), "", [&](absl::string_view id) {
    found = std::string(id);
    return false;
  });
  if (!s.ok()) return s;
  return found;
}

absl::StatusOr<ResolvedCases> ResolveImportCases(storage::Store& store, std::vector<LegacyFile>& files,
                                                 ReadRecords& read, v1::Import& report) {
  ResolvedCases out;
  CaseAssignment assignment;
  {
    auto snapshot = store.BeginRead();
    if (!snapshot.ok()) return snapshot.status();
    const LmdbTxn& txn = (*snapshot)->txn();
    auto decisions = LoadDecisions(txn);
    if (!decisions.ok()) return decisions.status();
    out.decisions = *std::move(decisions);
    auto assigned = AssignCases(txn, read);
    if (!assigned.ok()) return assigned.status();
    assignment = *std::move(assigned);
    auto nominals = LookUpNominalRows(txn, std::move(read.nominals));
    if (!nominals.ok()) return nominals.status();
    out.nominals = *std::move(nominals);
    if (auto s = LookUpFiledRefs(txn, out.nominals); !s.ok()) return s;
  }
  for (v1::CaseResolution& r : assignment.unlisted_refs) *report.add_unlisted_refs() = std::move(r);
  for (v1::RefConflict& c : assignment.ref_conflicts) *report.add_ref_conflicts() = std::move(c);
  FileRefsOfThisImport(read, assignment, out.nominals);  // while `read.events` still point at the events
  out.updates = GroupByCase(files, read, assignment);
  std::vector<LegacyEvent*>().swap(read.events);
  return out;
}

}  // namespace casefile::migration
