// The event matcher (issue 3, part 5): finds the legacy chronology records —
// paper pages, investigation-log entries, crime-export rows — that record one
// real-world event. Pure algorithm; the importer feeds it records and stores
// what it returns.
//
// "The same event" (LEGACY_FORMATS.md): same case, times compatible at the
// precision each recorded, and texts that say the same thing — one may be a
// pasted, re-flowed, prefixed, capitalised, mistyped or cut-short copy of the
// other. Identical wording on different days is two events (weekly welfare
// checks); so are two different calls on one day. An undated record joins an
// event on its text alone only when no other event could be meant.
//
// How: texts are normalised (event_text.h) into sets of character 4-grams.
// Records of one group (case) meet only in blocks: identical text, the same
// day, the same opening words, or a shared MinHash LSH band (minhash.h) —
// never all pairs. Candidate pairs are scored on text (Jaccard; containment
// for a copy cut short mid-sentence or with words added in front; a copy keeps
// every number) and time (event_compare.h). Strong pairs are merged
// best-first; a join is refused when the two clusters' times cannot be one
// event (so a cluster never spans two days), or an operator kept them apart.
// A record with an imprecise time whose best candidates cannot all be one
// event is ambiguous: its pairs go to review, as do similar pairs that do not
// merge.
//
// Thread-safe: MatchEvents is a pure function.
#ifndef CASEFILE_MIGRATION_MATCH_EVENT_MATCHER_H_
#define CASEFILE_MIGRATION_MATCH_EVENT_MATCHER_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "core/time/partial_time.h"
#include "migration/match/match_result.h"

namespace casefile::migration {

struct EventRecord {
  // Records of different groups (cases) are never the same event.
  std::string_view group;
  PartialTime occurred;   // as recorded; unknown when undated
  PartialTime not_after;  // crime export: when it was entered; else unknown
  std::string_view text;  // as read (UTF-8)
};

struct EventMatcherOptions {
  // Text similarity (0..1, Jaccard of character 4-grams) from which a pair
  // with compatible times merges without an operator...
  double merge_similarity = 0.6;
  // ...lowered by this much when both records give the same minute.
  double same_minute_allowance = 0.15;
  // Share of the shorter text's 4-grams found in the longer one from which
  // it is a copy cut short (it stops mid-sentence and opens alike) or a copy
  // with words added in front (at most max_prefix_chars); its similarity is
  // that share times containment_discount.
  double containment_similarity = 0.75;
  double containment_discount = 0.9;
  int min_cut_short_chars = 30;
  int max_prefix_chars = 40;
  // Similarity from which a pair that does not merge goes to review.
  double review_similarity = 0.65;
  // An undated crime-export row was most likely typed in within this many
  // days of the event: such a candidate is preferred, and an older one is
  // never merged without an operator (it goes to review).
  int entry_lag_days = 3;
  // A record with an imprecise time is ambiguous, and goes to review, when
  // two of its candidates that cannot be one event score within this margin
  // of each other (scores are 100 * similarity plus small time bonuses).
  double ambiguity_margin = 10;
  // LSH: bands of rows of MinHash values.
  int lsh_bands = 6;
  int lsh_rows = 2;
  // Blocks with more records than this are not used.
  int max_block_size = 300;
};

// InvalidArgument when a decision names a record outside `records` or the
// decisions contradict each other. (A must-link may join records of different
// groups or times: the operator knows best.)
absl::StatusOr<MatchResult> MatchEvents(absl::Span<const EventRecord> records,
                                        const OperatorDecisions& decisions = {},
                                        const EventMatcherOptions& options = {});

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_MATCH_EVENT_MATCHER_H_
