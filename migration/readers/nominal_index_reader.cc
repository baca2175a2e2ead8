// See nominal_index_reader.h.
#include "migration/readers/nominal_index_reader.h"

#include "migration/readers/ascii.h"
#include "migration/readers/date_fields.h"

namespace casefile::migration {
namespace {

enum Column {
  kNominalRef, kForename, kSurname, kDateOfBirth, kAddress1, kAddress2, kTown, kPostcode,
  kSourceRef
};
constexpr CsvColumn kColumns[] = {
    {"nominal_ref", true}, {"forename", true}, {"surname", true},  {"date_of_birth"},
    {"address_1"},         {"address_2"},      {"town"},           {"postcode"},
    {"source_ref"}};

}  // namespace

std::span<const CsvColumn> NominalIndexColumns() { return kColumns; }

LegacyFile ReadNominalIndex(std::string_view path, std::string text, const ReaderOptions& options) {
  LegacyFile file;
  file.path.assign(path);
  file.format = LegacyFormat::kNominalIndex;
  file.nominals.reserve(EstimateRows(text));
  ReadCsvRecords(path, std::move(text), kColumns, options, file.problems, [&](CsvRecord& r) {
    NominalRecord& n = file.nominals.emplace_back();
    n.locator = std::move(r.locator);
    n.nominal_ref.assign(TrimAscii(r[kNominalRef]));
    n.forename.assign(TrimAscii(r[kForename]));
    n.surname.assign(TrimAscii(r[kSurname]));
    n.date_of_birth_raw.assign(TrimAscii(r[kDateOfBirth]));
    DateField dob = ReadDateField("date_of_birth", n.date_of_birth_raw);
    n.date_of_birth = dob.time;
    n.date_note = std::move(dob.note);
    n.address_1.assign(TrimAscii(r[kAddress1]));
    n.address_2.assign(TrimAscii(r[kAddress2]));
    n.town.assign(TrimAscii(r[kTown]));
    n.postcode.assign(TrimAscii(r[kPostcode]));
    n.source_ref.assign(TrimAscii(r[kSourceRef]));
  });
  return file;
}

}  // namespace casefile::migration
