// Recognises a legacy file's format from its content, never from its name or
// folder (LEGACY_FORMATS.md, general rules): a zip archive is a .docx
// investigation log; text that opens with INVESTIGATION LOG is a .txt log;
// otherwise the CSV header row decides — the format whose documented columns
// the header names most (at least two, and more than any other format).
//
// Thread-safe: pure functions.
#ifndef CASEFILE_MIGRATION_READERS_FORMAT_DETECTION_H_
#define CASEFILE_MIGRATION_READERS_FORMAT_DETECTION_H_

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "migration/legacy_record.h"

namespace casefile::migration {

struct DetectedFormat {
  LegacyFormat format = LegacyFormat::kUnrecognised;
  std::string reason;  // why, when kUnrecognised
};

// `bytes` is the file as stored. Looks only at its start.
DetectedFormat DetectLegacyFormat(std::string_view bytes);

// The decision for binary files (a .docx, or an Office file that is not);
// nullopt for anything else, which is decided as text.
std::optional<DetectedFormat> DetectBinaryFormat(std::string_view bytes);

// The decision for text already decoded (see text_decoding.h).
DetectedFormat DetectDecodedFormat(std::string_view text);

// The CSV format a header row (trimmed fields) belongs to, or kUnrecognised.
LegacyFormat DetectCsvFormat(std::span<const std::string> header);

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_READERS_FORMAT_DETECTION_H_
