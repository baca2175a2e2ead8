// Listing cases (CaseChronology::ListCases, defined in case_listing.cc): all
// of them, by legacy reference, by retention review date, by owner or team
// (most recently written first, from the index kept on write:
// storage/case_write_index.h), or by subject —
// first the cases of the persons a search of the person index finds for the
// subject's words (core/persons/person_search.h: typing slips, nicknames,
// sound-alikes, a date of birth), best person first, then the other cases
// whose subject names hold every word as written (the n\0 index). A page at
// a time, with need to know applied to every case.
//
// Thread-safety: pure functions.
#ifndef CASEFILE_CORE_CHRONOLOGY_CASE_LISTING_H_
#define CASEFILE_CORE_CHRONOLOGY_CASE_LISTING_H_

#include <set>
#include <string>

#include "casefile/v1/case.pb.h"

namespace casefile {

// Every token of every subject name of a case (NameTokens), for the n\0
// index and for filtering by subject.
std::set<std::string> SubjectTokens(const v1::Case& c);

}  // namespace casefile

#endif  // CASEFILE_CORE_CHRONOLOGY_CASE_LISTING_H_
