// See document_manifest_reader.h.
#include "migration/readers/document_manifest_reader.h"

#include "migration/document_paths.h"
#include "migration/readers/ascii.h"

namespace casefile::migration {
namespace {

enum Column { kFile, kReference, kDate, kKind };
constexpr CsvColumn kColumns[] = {{"file", true}, {"reference", true}, {"date"}, {"kind"}};

// Why a row cannot be read, or "" when it can; fills `listing`.
std::string ReadRow(std::string_view manifest_path, const CsvRecord& r, DocumentListing& listing) {
  const std::string_view file = TrimAscii(r[kFile]);
  const std::string_view reference = TrimAscii(r[kReference]);
  if (file.empty()) return "file is empty";
  if (reference.empty()) return "reference is empty";
  auto path = DocumentPathInFolder(manifest_path, file);
  if (!path.ok()) return std::string(path.status().message());
  listing.file = *std::move(path);
  listing.reference.assign(reference);
  listing.kind.assign(TrimAscii(r[kKind]));
  const std::string_view date = TrimAscii(r[kDate]);
  auto parsed = ParsePartialTime(date);
  const std::string quoted = std::string("date '").append(Utf8Prefix(date, 40)).append("' ");
  if (!parsed.ok()) return quoted + "is not a date (day/month/year)";
  if (parsed->precision != TimePrecision::kUnknown && parsed->precision < TimePrecision::kDay)
    return quoted + "is not a whole day (day/month/year)";
  listing.date = *parsed;
  if (listing.date.precision == TimePrecision::kMinute) {  // the day is what is matched
    listing.date.precision = TimePrecision::kDay;
    listing.date.hour = listing.date.minute = 0;
  }
  return "";
}

}  // namespace

std::span<const CsvColumn> DocumentManifestColumns() { return kColumns; }

LegacyFile ReadDocumentManifest(std::string_view path, std::string text, const ReaderOptions& options) {
  LegacyFile file;
  file.path.assign(path);
  file.format = LegacyFormat::kDocumentManifest;
  ReadCsvRecords(path, std::move(text), kColumns, options, file.problems, [&](CsvRecord& r) {
    DocumentListing listing;
    std::string problem = ReadRow(path, r, listing);
    if (!problem.empty()) {
      file.problems.push_back({std::move(r.locator), std::move(problem), std::string(r.raw())});
      return;
    }
    listing.locator = std::move(r.locator);
    file.documents.push_back(std::move(listing));
  });
  return file;
}

}  // namespace casefile::migration
