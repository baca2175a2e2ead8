// Input rules that every part of the domain applies at the edge: each check
// returns OK or an InvalidArgument whose message starts with the offending
// field's path. API text is valid UTF-8 with no control characters (C0, DEL,
// C1): entry text and corrections may hold tab and newline, every other field
// none, so that nothing stored can drive a terminal or forge a line of a
// report. The rules of whole requests are their owners' (e.g.
// core/chronology/validation.h).
//
// Thread-safe: pure functions.
#ifndef CASEFILE_CORE_INPUT_INPUT_RULES_H_
#define CASEFILE_CORE_INPUT_INPUT_RULES_H_

#include <cstddef>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "casefile/v1/case.pb.h"

namespace casefile {

// Upper bounds that keep every entry well inside one 4 MiB gRPC message.
// Entry and correction text: 256 KiB, the importers' limit on one legacy
// record (ReaderOptions::max_record_bytes), so that a case file streams in
// chunks of about 256 KiB whatever its entries ("entry.text: N bytes exceeds
// the limit of 262144 bytes" beyond it).
inline constexpr size_t kMaxTextBytes = 256 * 1024;
inline constexpr size_t kMaxShortFieldBytes = 512;
// Legacy references and subject names become parts of LMDB index keys, which
// are at most 511 bytes: tag, ref or name token, case id (63) and separators.
inline constexpr size_t kMaxIndexedFieldBytes = 256;

// How much layout a text field may carry.
enum class TextLayout {
  kLine,       // titles, names, references, reasons, purposes, ids: no control characters
  kMultiline,  // entry text: tab and newline allowed, no other control character
  kAny,        // any character: only the UTF-8 is checked
};
// OK, or "<field>: not valid UTF-8 at byte N" or
// "<field>: control character U+001B at byte N".
absl::Status ValidateTextChars(absl::string_view value, absl::string_view field,
                               TextLayout layout = TextLayout::kLine);

// Only spaces, tabs and line ends (or nothing).
bool IsBlank(absl::string_view value);

// A one-line field: `required` refuses a blank one; at most `max_bytes`;
// no control characters ('\0' is also a key separator).
absl::Status ValidateLine(absl::string_view value, absl::string_view field, bool required,
                          size_t max_bytes = kMaxShortFieldBytes);
// Entry or correction text: not blank, at most kMaxTextBytes, tabs and
// newlines allowed.
absl::Status ValidateMultilineText(absl::string_view text, absl::string_view field);
absl::Status ValidatePartialTime(const v1::PartialTime& t, absl::string_view field);
absl::Status ValidateRequestId(absl::string_view request_id, absl::string_view field);
// Why a reader looks at case content (recorded in the audit trail).
absl::Status ValidatePurpose(absl::string_view purpose, absl::string_view field);

}  // namespace casefile

#endif  // CASEFILE_CORE_INPUT_INPUT_RULES_H_
