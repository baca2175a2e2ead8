// See format_detection.h.
#include "migration/readers/format_detection.h"

#include "migration/readers/case_xref_reader.h"
#include "migration/readers/crime_export_reader.h"
#include "migration/readers/csv_records.h"
#include "migration/readers/document_manifest_reader.h"
#include "migration/readers/investigation_log.h"
#include "migration/readers/nominal_index_reader.h"
#include "migration/readers/paper_file_reader.h"
#include "migration/readers/text_decoding.h"

namespace casefile::migration {
namespace {

constexpr size_t kSniffBytes = 64 * 1024;
constexpr std::string_view kOleMagic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

}  // namespace

LegacyFormat DetectCsvFormat(std::span<const std::string> header) {
  struct Candidate {
    LegacyFormat format;
    std::span<const CsvColumn> columns;
  };
  const Candidate candidates[] = {
      {LegacyFormat::kCaseXref, CaseXrefColumns()},
      {LegacyFormat::kPaperFile, PaperFileColumns()},
      {LegacyFormat::kCrimeExport, CrimeExportColumns()},
      {LegacyFormat::kNominalIndex, NominalIndexColumns()},
      {LegacyFormat::kDocumentManifest, DocumentManifestColumns()},
  };
  LegacyFormat best = LegacyFormat::kUnrecognised;
  int best_count = 1;  // two matching columns at least
  bool tie = false;
  for (const Candidate& c : candidates) {
    const int count = CountMatchingColumns(header, c.columns);
    if (count > best_count) {
      best = c.format;
      best_count = count;
      tie = false;
    } else if (count == best_count && best != LegacyFormat::kUnrecognised) {
      tie = true;
    }
  }
  return tie ? LegacyFormat::kUnrecognised : best;
}

DetectedFormat DetectDecodedFormat(std::string_view text) {
  if (text.find_first_not_of(" \t\n\r") == std::string_view::npos) {
    return {LegacyFormat::kUnrecognised, "the file is empty"};
  }
  if (IsTextInvestigationLog(text)) return {LegacyFormat::kInvestigationLog, ""};
  const LegacyFormat csv = DetectCsvFormat(ReadCsvHeader(text));
  if (csv != LegacyFormat::kUnrecognised) return {csv, ""};
  return {LegacyFormat::kUnrecognised,
          "not a legacy format: not a .docx, no INVESTIGATION LOG title, and the first row is "
          "not the header of a case cross-reference, paper file, crime export, nominal index or document manifest"};
}

std::optional<DetectedFormat> DetectBinaryFormat(std::string_view bytes) {
  if (bytes.substr(0, 4) == "PK\x03\x04") return DetectedFormat{LegacyFormat::kInvestigationLog, ""};
  if (bytes.substr(0, kOleMagic.size()) == kOleMagic) {
    return DetectedFormat{
        LegacyFormat::kUnrecognised,
        "a Word 97-2003 document or an encrypted Office file: save it as an unprotected .docx"};
  }
  return std::nullopt;
}

DetectedFormat DetectLegacyFormat(std::string_view bytes) {
  if (std::optional<DetectedFormat> binary = DetectBinaryFormat(bytes)) return *binary;
  return DetectDecodedFormat(DecodeLegacyText(bytes.substr(0, kSniffBytes)).text);
}

}  // namespace casefile::migration
