// Options of the legacy readers, and the limits on what a ReadProblem keeps
// of the record it could not read.
//
// Thread-safe: plain value type and pure functions.
#ifndef CASEFILE_MIGRATION_READERS_READER_OPTIONS_H_
#define CASEFILE_MIGRATION_READERS_READER_OPTIONS_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "migration/legacy_record.h"

namespace casefile::migration {

struct ReaderOptions {
  // A record (a CSV row, a log entry) of more bytes than this never becomes
  // an event, a nominal or a cross-reference: it is a ReadProblem "record of
  // N bytes exceeds the limit of M bytes" keeping its first 4 KiB. The
  // longest transcribed page of the sample folders is under 8 KiB; 256 KiB
  // leaves room for any real record and keeps one hostile field from
  // filling the store and every later step of the import.
  size_t max_record_bytes = 256 * 1024;
};

// How much of a record over the size limit its ReadProblem keeps: enough for
// an operator to see what it was, not the whole of a hostile field.
inline constexpr size_t kOversizedRawBytes = 4 * 1024;
// How much of a whole file that could not be read its ReadProblem keeps.
inline constexpr size_t kFileRawBytes = 64 * 1024;

// The first `max_bytes` of UTF-8 `text`, not cutting a sequence in half.
inline std::string_view Utf8Prefix(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut);
}

// The problem of a record of `size` bytes over `limit`; `raw` is (at least
// the start of) the record.
inline ReadProblem OversizedRecord(std::string locator, size_t size, size_t limit,
                                   std::string_view raw) {
  return ReadProblem{std::move(locator),
                     "record of " + std::to_string(size) + " bytes exceeds the limit of " +
                         std::to_string(limit) + " bytes",
                     std::string(Utf8Prefix(raw, kOversizedRawBytes))};
}

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_READERS_READER_OPTIONS_H_
