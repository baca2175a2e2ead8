// Field-by-field comparison of two person records: how each field agrees, a
// Fellegi-Sunter style score (sum of per-field log-odds weights), and the
// safety rules that decide whether the evidence may ever merge automatically.
//
// The rules put "never merge two different children" first:
//  - Two different forenames written in ONE case file (the same resolved
//    case, or the same legacy reference where no case is known) are two
//    children of that family, twins or siblings: a conflict, never merged,
//    never even chained through a third record. A forename that differs only
//    by a typing slip (a letter added, dropped or changed, two adjacent
//    letters swapped, the first letter lost) or is a usual short form is not
//    a different forename; names that look like slips of each other but are
//    other names are (Alexander/Alexandra, Paul/Paula, Mary Jane/Mary Ann,
//    and a slip between two common names, Mark/Mary, which may be a
//    sibling's real name).
//  - Across case files a different forename is strong negative evidence, not
//    a conflict: a name can be written wrongly (another name entirely) in one
//    record, and nothing but the case file tells that from a twin. Only the
//    same surname, full date of birth and home together outweigh it.
//  - Two persons named side by side in one live record (a case's subject
//    list, an entry's children) are two people whatever their names: the
//    writer listed them apart (twins Sam and Samuel, Kane and Zane).
//  - Dates of birth a generation apart (>= 12 years, not a typo, not a year
//    mistyped under the same day and month) are a parent and child of one
//    name: a conflict, wherever they were written.
//  - A date of birth that is simply different (less than a generation) is
//    outweighed only by the same forename, surname and home.
//  - Evidence that is not strong (a nickname with another date of birth, a
//    surname change without the same forename, date of birth and address)
//    may only go to review. A missing forename or date of birth, a slip in
//    the date of birth, or day and month swapped, is strong only when every
//    other field agrees closely (a nickname counts as close), and missing
//    fields and swaps are flagged so the matcher can refuse them.
//  - A rule that keeps a pair apart does not hide it: where the rest of the
//    evidence is strong the pair is flagged for review (review_anyway).
//
// Thread-safe: pure functions.
#ifndef CASEFILE_MIGRATION_MATCH_PERSON_COMPARE_H_
#define CASEFILE_MIGRATION_MATCH_PERSON_COMPARE_H_

#include <cstdint>
#include <limits>
#include <string>

#include "migration/match/person_record.h"

namespace casefile::migration {

enum class NameAgreement : uint8_t {
  kExact,
  kVariant,    // nickname, or one is the first word of the other
  kTypo,       // one edit (or two in a long name)
  kOtherName,  // a typo apart, but both are common names in their own right
               // (Mark, Mary): in one case file perhaps a brother and sister
  kSimilar,    // Jaro-Winkler >= 0.85 or two edits: too weak to merge on
  kMissing,    // one or both empty
  kDifferent,
  kDistinct,   // known different names that look alike (Daniel, Danielle)
};

enum class DobAgreement : uint8_t {
  kExact,
  kTypo,              // one digit differs
  kTransposed,        // two adjacent digits swapped
  kDayMonthSwapped,   // 03/04 against 04/03
  kMissing,
  kDifferent,         // less than a generation apart
  kGenerationApart,   // 12 years or more: parent and child
};

enum class AddressAgreement : uint8_t {
  kStrong,   // postcode or house-and-street agree
  kPartial,  // some part agrees
  kMissing,  // nothing to compare
  kNone,     // everything given disagrees
};

struct PersonComparison {
  double score = 0;
  NameAgreement forename = NameAgreement::kMissing;
  NameAgreement surname = NameAgreement::kMissing;
  bool names_swapped = false;  // forename of one is the surname of the other
  DobAgreement dob = DobAgreement::kMissing;
  AddressAgreement address = AddressAgreement::kMissing;
  // Evidence of two different people (sibling, twin, parent and child).
  bool conflict = false;
  // Neither name agrees (each is missing, different or merely similar): what
  // agrees may describe a household (twins share date of birth and home),
  // not a person. Never merged; put before an operator only when the full
  // date of birth and the home agree (review_anyway).
  bool no_name_agrees = false;
  // An operator should see the pair whatever its score: kept apart (a
  // conflict, or no name agrees) while the rest of the evidence is strong,
  // so that the rule does not hide it: a parent and child of one name at one
  // home (names agree but for a slip or short form, address strong); two
  // forenames in one case file with the same surname, date of birth (or one
  // slip of it) and home; no name agreeing but the same full date of birth
  // and home. Or not strong, but one forename at one home with at most one
  // of surname and date of birth against it.
  bool review_anyway = false;
  // The evidence pattern is strong enough to merge without an operator
  // (the matcher still requires a minimum score, and that the merge is
  // unambiguous).
  bool strong = false;
  // Strong only because everything else agrees closely while the forename or
  // the date of birth is missing on one side...
  bool missing_field = false;
  // ...or the dates of birth have day and month swapped.
  bool day_month_swapped = false;

  // "forename typo; surname exact; dob exact; address strong" — fields and
  // how they agreed, never their values.
  std::string Reason() const;
};

// Stops early, without comparing addresses (score and agreement incomplete,
// never strong), once the score cannot reach `stop_below`.
PersonComparison ComparePersons(
    const PersonKey& a, const PersonKey& b,
    double stop_below = -std::numeric_limits<double>::infinity());

// The conflict rules alone (two people, whatever else agrees); cheaper than
// ComparePersons.
bool PersonsConflict(const PersonKey& a, const PersonKey& b);

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_MATCH_PERSON_COMPARE_H_
