// CaseConsolidator: turns the legacy records of one case — those already in
// the store (with the entry each belongs to) and those this import brings —
// into a plan: new consolidated entries, new sources for existing entries,
// and uncertain pairs for review. Records that describe one event (the event
// matcher decides) become one entry that keeps every record as a source, its
// text exactly as read. The plan depends only on the set of records and the
// operator's decisions, not on their order, so re-running an import, or
// running it in parts, converges on the same chronology.
//
// Thread-safe: pure function (the clusterer must be too).
#ifndef CASEFILE_MIGRATION_CASE_CONSOLIDATOR_H_
#define CASEFILE_MIGRATION_CASE_CONSOLIDATOR_H_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "casefile/v1/case.pb.h"
#include "casefile/v1/import.pb.h"
#include "core/time/partial_time.h"
#include "migration/match/match_result.h"

namespace casefile::migration {

// One legacy event record of a case.
struct CaseRecord {
  v1::Source source;                  // locator, ref, text as read, times, author, type
  std::vector<v1::Subject> subjects;  // new records only: people it names
  int64_t entry = 0;                  // the existing entry it belongs to; 0 if new
};

// What the event matcher sees of a record.
struct EventForMatching {
  PartialTime occurred;
  PartialTime not_after;  // unknown unless the record says when it was entered
  absl::string_view text;
};
using EventClusterer = std::function<absl::StatusOr<MatchResult>(
    absl::Span<const EventForMatching>, const OperatorDecisions&)>;

// A decision an operator took on a pair of records, by locator.
struct PairDecision {
  std::string a;
  std::string b;
  bool merge = false;
};

struct NewEntryPlan {
  v1::Entry entry;  // kind, occur_time, text, subjects, legacy_refs, supersedes
  std::vector<v1::Source> sources;
  // Existing entries this one replaces: their records now cluster
  // differently (e.g. a later import showed an undated page to be ambiguous).
  std::vector<int64_t> supersedes;
};

struct CasePlan {
  std::string case_id;
  std::vector<NewEntryPlan> new_entries;
  std::vector<std::pair<int64_t, v1::Source>> added_sources;  // (existing entry, source)
  std::vector<v1::ReviewItem> review_items;
  int64_t exact_duplicates = 0;  // new records merged with an identical record
  int64_t near_duplicates = 0;   // new records merged as copies that differ
};

// `existing` holds the live (not superseded) imported entries of the case by
// number; `records` with entry != 0 are their sources. An existing entry is
// kept when its records still form one cluster — new sources are added to it
// when that leaves its text, time and kind as a fresh consolidation would
// make them — and is otherwise superseded by a new entry, so that the live
// entries are always what consolidating all the records at once would give.
absl::StatusOr<CasePlan> ConsolidateCase(const std::string& case_id,
                                         const std::map<int64_t, v1::Entry>& existing,
                                         std::vector<CaseRecord> records,
                                         absl::Span<const PairDecision> decisions,
                                         const EventClusterer& clusterer);

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_CASE_CONSOLIDATOR_H_
