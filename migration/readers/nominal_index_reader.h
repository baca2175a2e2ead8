// Reader for the legacy nominal (person) index (LEGACY_FORMATS.md §5):
//   nominal_ref,forename,surname,date_of_birth,address_1,address_2,town,
//   postcode,source_ref
// One NominalRecord per row, fields trimmed of surrounding whitespace. The
// date of birth is kept as written and parsed ("09/11/1985" or
// "19851109"); one in no known form is read as far as it can be ("c. 1985":
// year precision, "?/11/1985": month) with a date_note saying so, and one
// with nothing readable is left unknown. The row is read either way, since a
// person record without a usable date of birth is still a person.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_MIGRATION_READERS_NOMINAL_INDEX_READER_H_
#define CASEFILE_MIGRATION_READERS_NOMINAL_INDEX_READER_H_

#include <span>
#include <string>
#include <string_view>

#include "migration/legacy_record.h"
#include "migration/readers/csv_records.h"

namespace casefile::migration {

// The columns of the format; nominal_ref, forename and surname are required.
std::span<const CsvColumn> NominalIndexColumns();

// `text` is the decoded file; `path` is relative to the import folder.
LegacyFile ReadNominalIndex(std::string_view path, std::string text,
                            const ReaderOptions& options = {});

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_READERS_NOMINAL_INDEX_READER_H_
