// Parsing of the people a legacy record names, written
// "Forename SURNAME (dd/mm/yyyy)" with the date of birth optional:
// "Ellie WATSON (03/04/2008)", "Mary Ann DE SOUZA", "Maya Harris".
// The surname is the trailing run of words in capitals; when every word or
// no word is in capitals, it is the last word. A date of birth that cannot
// be read leaves date_of_birth unknown (the subject keeps it in as_written).
//
// Thread-safe: pure functions.
#ifndef CASEFILE_MIGRATION_READERS_SUBJECTS_H_
#define CASEFILE_MIGRATION_READERS_SUBJECTS_H_

#include <string_view>
#include <vector>

#include "migration/legacy_record.h"

namespace casefile::migration {

// One subject; surrounding whitespace is dropped.
LegacySubject ParseSubject(std::string_view text);

// A ';'-separated list of subjects; empty items are skipped.
std::vector<LegacySubject> ParseSubjectList(std::string_view text);

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_READERS_SUBJECTS_H_
