// See case_xref_reader.h.
#include "migration/readers/case_xref_reader.h"

#include "migration/readers/ascii.h"

namespace casefile::migration {
namespace {

enum Column { kCaseKey, kLegacyRef, kRefKind };
constexpr CsvColumn kColumns[] = {{"case_key", true}, {"legacy_ref", true}, {"ref_kind"}};

}  // namespace

std::span<const CsvColumn> CaseXrefColumns() { return kColumns; }

LegacyFile ReadCaseXref(std::string_view path, std::string text, const ReaderOptions& options) {
  LegacyFile file;
  file.path.assign(path);
  file.format = LegacyFormat::kCaseXref;
  file.xrefs.reserve(EstimateRows(text));
  ReadCsvRecords(path, std::move(text), kColumns, options, file.problems, [&](CsvRecord& r) {
    std::string_view case_key = TrimAscii(r[kCaseKey]);
    std::string_view legacy_ref = TrimAscii(r[kLegacyRef]);
    if (case_key.empty() || legacy_ref.empty()) {
      file.problems.push_back({std::move(r.locator),
                               case_key.empty() ? "case_key is empty" : "legacy_ref is empty",
                               std::string(r.raw())});
      return;
    }
    CaseXref& x = file.xrefs.emplace_back();
    x.locator = std::move(r.locator);
    x.case_key.assign(case_key);
    x.legacy_ref.assign(legacy_ref);
    x.ref_kind.assign(TrimAscii(r[kRefKind]));
  });
  return file;
}

}  // namespace casefile::migration
