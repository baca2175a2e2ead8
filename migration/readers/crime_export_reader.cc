// See crime_export_reader.h.
#include "migration/readers/crime_export_reader.h"

#include "migration/readers/ascii.h"
#include "migration/readers/date_fields.h"

namespace casefile::migration {
namespace {

enum Column { kRecordRef, kRecordType, kEntryNo, kEnteredAt, kEnteredBy, kOccurredAt, kText };
constexpr CsvColumn kColumns[] = {{"record_ref", true}, {"record_type"},       {"entry_no"},
                                  {"entered_at", true}, {"entered_by"},        {"occurred_at", true},
                                  {"text", true}};

}  // namespace

std::span<const CsvColumn> CrimeExportColumns() { return kColumns; }

LegacyFile ReadCrimeExport(std::string_view path, std::string text, const ReaderOptions& options) {
  LegacyFile file;
  file.path.assign(path);
  file.format = LegacyFormat::kCrimeExport;
  file.events.reserve(EstimateRows(text));
  ReadCsvRecords(path, std::move(text), kColumns, options, file.problems, [&](CsvRecord& r) {
    std::string_view ref = TrimAscii(r[kRecordRef]);
    if (ref.empty()) {
      file.problems.push_back({std::move(r.locator), "record_ref is empty", std::string(r.raw())});
      return;
    }
    DateField occurred = ReadDateField("occurred_at", r[kOccurredAt]);
    DateField entered = ReadDateField("entered_at", r[kEnteredAt]);
    LegacyEvent& e = file.events.emplace_back();
    e.locator = std::move(r.locator);
    e.format = LegacyFormat::kCrimeExport;
    e.legacy_refs.emplace_back(ref);
    e.occurred = occurred.time;
    e.entered = entered.time;
    e.occurred_as_written.assign(r[kOccurredAt]);
    e.date_note = std::move(occurred.note);
    AppendNote(e.date_note, entered.note);
    e.author.assign(TrimAscii(r[kEnteredBy]));
    e.doc_type.assign(TrimAscii(r[kRecordType]));
    e.text.assign(r[kText]);
  });
  return file;
}

}  // namespace casefile::migration
