// The person matcher (issue 3, part 4): finds the legacy nominal records that
// describe one human being. Pure algorithm; the importer feeds it records and
// stores what it returns.
//
//   std::vector<PersonRecord> records = ...;
//   absl::StatusOr<MatchResult> result = MatchPersons(records, decisions);
//   // result->cluster[i]: person of record i; result->review: for operators.
//
// How: each record is normalised once (person_record.h); records meet only in
// blocks that share a key — date of birth with postcode, house number (and
// town) or the Soundex code of either name, postcode with either name code,
// the pair of name codes, the home (postcode and house number), or the
// surname code with house number and town (near-linear work, blocks capped;
// names are used order-free, so records with the names swapped meet); each
// candidate pair is scored field by field (person_compare.h). A record whose
// strong partners conflict with each other (it matches both twins) is
// ambiguous: its pairs go to review. Other strong pairs are merged best-first into clusters, a join being refused
// when any two records of the two clusters conflict or an operator kept them
// apart; weaker pairs and refused joins go to review. A pair the rules keep
// apart (a conflict, or no name agreeing: what agrees then may describe a
// household, not a person) goes to review only where the rest of its
// evidence is strong (see PersonComparison::review_anyway).
//
// Conflicts: different forenames written in one case file (twins, siblings:
// PersonRecord::case_name and source_ref tell the matcher where each record
// was written; a slip or a short form is not a different forename, a slip
// between two common names is) and dates of birth a generation apart
// (parent and child).
// A forename that differs across case files is not a conflict but strong
// negative evidence (a name written wrongly looks the same as a twin at pair
// level; only the case file tells them apart), merged only with the same
// surname, full date of birth and home.
//
// Thread-safe: MatchPersons is a pure function.
#ifndef CASEFILE_MIGRATION_MATCH_PERSON_MATCHER_H_
#define CASEFILE_MIGRATION_MATCH_PERSON_MATCHER_H_

#include "absl/status/statusor.h"
#include "absl/types/span.h"
#include "migration/match/match_result.h"
#include "migration/match/person_record.h"

namespace casefile::migration {

struct PersonMatcherOptions {
  // Minimum score (see person_compare.h) to merge a strong pair without an
  // operator.
  double merge_score = 18.0;
  // Whether a pair may merge without an operator when the forename or the date
  // of birth is missing on one side but every other field agrees closely
  // (see person_compare.h). Such merges are always unambiguous: a record that
  // could belong to two people who conflict (twins) goes to review.
  bool merge_with_missing_field = true;
  // Whether such a pair may merge when instead the dates of birth have day
  // and month swapped (03/04 against 04/03). Twins share the date itself,
  // siblings and parents are years apart: with the same names (but for a
  // slip or short form) and home, the swap is a form filled in the other
  // way round. Off: an operator confirms each.
  bool merge_day_month_swaps = true;
  // Minimum score to put a pair before an operator; see below for pairs of
  // records from different files that both give an address.
  double review_score = 16.0;
  // The same for a pair of records from different case files that both give
  // an address, whose score has weighed the addresses. On Febrl dataset3 and
  // 4a+4b (bench/person_accuracy), 10 against 16 raises recall with review
  // from 0.981 to 0.987 and 0.986 for review items from 3.6% to 3.9% and from
  // 2.8% to 3.0% of records, every one still a true pair (12 gave 0.986 and
  // 0.985; lower was not tried). Not for two records in one case file, where
  // two children alike are siblings far more often than one child written
  // twice (MatchPersons.SiblingsNeverMerge), nor for live subjects, which
  // carry names and a date of birth only: at 10, 14.5% of the subjects of
  // live_persons_accuracy's 50,000 children raised a review item, 1 in 9,065
  // true.
  double review_score_across_files = 10.0;
  // Blocks with more records than this are not used (a common name in one
  // birth year); their records still meet through the other keys. Work grows
  // with its square once blocks fill: on the nominal rows of a generated
  // 1M-record folder (154k rows) 40 compares 1.5M pairs where 100 compares
  // 2.4M (and 5.7M with the subjects of an import), for P 0.9993 R 0.904
  // against P 0.9990 R 0.909; Febrl figures are the same with either.
  int max_block_size = 40;
  // A join of two clusters is checked record against record; joins needing
  // more checks than this go to review instead.
  int max_join_checks = 4096;
};

// InvalidArgument when a decision names a record outside `records` or the
// decisions contradict each other.
absl::StatusOr<MatchResult> MatchPersons(
    absl::Span<const PersonRecord> records,
    const OperatorDecisions& decisions = {},
    const PersonMatcherOptions& options = {});

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_MATCH_PERSON_MATCHER_H_
