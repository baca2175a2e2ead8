// CaseResolver: decides which consolidated case each legacy event belongs to.
//
//  1. A legacy reference listed in the case cross-reference (this import's
//     case_xref rows, or the reference index of earlier imports) names its case.
//  2. A reference missing from it goes to the case of the records that name
//     it beside a listed reference (a log filed under both), when there is one;
//  3. otherwise to the case whose people it names,
//     when that is certain: a subject with the same forename, surname and full
//     date of birth appears in exactly one resolved case.
//  4. otherwise it becomes a case of its own, "LEG-<reference>".
// Every reference resolved by rules 2-4 is listed for the operator, and so is
// every record naming listed references of different cases.
//
// Thread-safe: pure function (the lookup must be too).
#ifndef CASEFILE_MIGRATION_CASE_RESOLVER_H_
#define CASEFILE_MIGRATION_CASE_RESOLVER_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/types/span.h"
#include "casefile/v1/import.pb.h"
#include "migration/legacy_record.h"

namespace casefile::migration {

struct CaseAssignment {
  std::vector<std::string> case_of_event;  // case id, per input event
  std::vector<v1::CaseResolution> unlisted_refs;
  // Events whose listed references belong to different cases (rule 1 takes
  // the first), grouped by their references, in order of first appearance.
  std::vector<v1::RefConflict> ref_conflicts;
};

// The case an earlier import filed `ref` under, if any.
using StoredRefLookup = absl::FunctionRef<std::optional<std::string>(const std::string& ref)>;

CaseAssignment ResolveCases(absl::Span<const LegacyEvent* const> events,
                            absl::Span<const CaseXref> xrefs, StoredRefLookup stored);

// Upper-cased and trimmed: how references are compared.
std::string NormalizeRef(absl::string_view ref);
// The id of a case made for an unlisted reference: "LEG-22-45871-12".
std::string OwnCaseId(absl::string_view ref);

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_CASE_RESOLVER_H_
