// See paper_file_reader.h.
#include "migration/readers/paper_file_reader.h"

#include "migration/readers/ascii.h"
#include "migration/readers/date_fields.h"
#include "migration/readers/subjects.h"

namespace casefile::migration {
namespace {

enum Column { kFileRef, kPage, kDocType, kEntryDate, kAuthor, kSubjects, kText };
constexpr CsvColumn kColumns[] = {{"file_ref", true}, {"page"},     {"doc_type"}, {"entry_date", true},
                                  {"author"},         {"subjects"}, {"text", true}};

}  // namespace

std::span<const CsvColumn> PaperFileColumns() { return kColumns; }

LegacyFile ReadPaperFile(std::string_view path, std::string text, const ReaderOptions& options) {
  LegacyFile file;
  file.path.assign(path);
  file.format = LegacyFormat::kPaperFile;
  file.events.reserve(EstimateRows(text));
  ReadCsvRecords(path, std::move(text), kColumns, options, file.problems, [&](CsvRecord& r) {
    std::string_view ref = TrimAscii(r[kFileRef]);
    if (ref.empty()) {
      file.problems.push_back({std::move(r.locator), "file_ref is empty", std::string(r.raw())});
      return;
    }
    DateField date = ReadDateField("entry_date", r[kEntryDate]);
    LegacyEvent& e = file.events.emplace_back();
    e.locator = std::move(r.locator);
    e.format = LegacyFormat::kPaperFile;
    e.legacy_refs.emplace_back(ref);
    e.occurred = date.time;
    e.occurred_as_written.assign(r[kEntryDate]);
    e.date_note = std::move(date.note);
    e.author.assign(TrimAscii(r[kAuthor]));
    e.doc_type.assign(TrimAscii(r[kDocType]));
    e.subjects = ParseSubjectList(r[kSubjects]);
    e.text.assign(r[kText]);
  });
  return file;
}

}  // namespace casefile::migration
