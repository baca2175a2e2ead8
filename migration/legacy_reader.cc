// See legacy_reader.h.
#include "migration/legacy_reader.h"

#include <exception>

#include "migration/readers/case_xref_reader.h"
#include "migration/readers/crime_export_reader.h"
#include "migration/readers/document_manifest_reader.h"
#include "migration/readers/docx_investigation_log.h"
#include "migration/readers/format_detection.h"
#include "migration/readers/investigation_log.h"
#include "migration/readers/nominal_index_reader.h"
#include "migration/readers/paper_file_reader.h"
#include "migration/readers/text_decoding.h"

namespace casefile::migration {
namespace {

// `text`: the start of the file as text (decoded, or the bytes of a binary
// file read as text), kept as the problem's raw content.
LegacyFile Unrecognised(std::string_view path, std::string reason, std::string_view text) {
  LegacyFile file;
  file.path.assign(path);
  file.problems.push_back({file.path, std::move(reason), std::string(Utf8Prefix(text, kFileRawBytes))});
  return file;
}

LegacyFile Read(std::string_view path, std::string_view bytes, const ReaderOptions& options) {
  if (std::optional<DetectedFormat> binary = DetectBinaryFormat(bytes)) {
    if (binary->format == LegacyFormat::kInvestigationLog) {
      return ReadDocxInvestigationLog(path, bytes, options);
    }
    return Unrecognised(path, std::move(binary->reason),
                        DecodeLegacyText(bytes.substr(0, kFileRawBytes)).text);
  }
  std::string text = DecodeLegacyText(bytes).text;
  DetectedFormat detected = DetectDecodedFormat(text);
  switch (detected.format) {
    case LegacyFormat::kCaseXref:
      return ReadCaseXref(path, std::move(text), options);
    case LegacyFormat::kPaperFile:
      return ReadPaperFile(path, std::move(text), options);
    case LegacyFormat::kCrimeExport:
      return ReadCrimeExport(path, std::move(text), options);
    case LegacyFormat::kNominalIndex:
      return ReadNominalIndex(path, std::move(text), options);
    case LegacyFormat::kDocumentManifest:
      return ReadDocumentManifest(path, std::move(text), options);
    case LegacyFormat::kInvestigationLog:
      return ReadTextInvestigationLog(path, text, options);
    case LegacyFormat::kUnrecognised:
      break;
  }
  return Unrecognised(path, std::move(detected.reason), text);
}

}  // namespace

LegacyFile ReadLegacyFile(std::string_view relative_path, std::string_view bytes,
                          const ReaderOptions& options) {
  // The readers do not throw; running out of memory on a hostile file is the
  // one exception left, and it must not take the whole import down.
  try {
    return Read(relative_path, bytes, options);
  } catch (const std::exception&) {
    // No copy of the file here: memory has just run out.
    return Unrecognised(relative_path, "the file could not be read (out of memory)", "");
  }
}

}  // namespace casefile::migration
