// See date_fields.h.
#include "migration/readers/date_fields.h"

#include "migration/readers/ascii.h"
#include "migration/readers/reader_options.h"

namespace casefile::migration {
namespace {

// The date as quoted in a note: a note names the value, it does not carry
// a record's text along with it.
constexpr size_t kMaxQuoted = 40;

}  // namespace

DateField ReadDateField(std::string_view field, std::string_view written) {
  LenientPartialTime read = ReadPartialTimeLeniently(written);
  DateField out{read.time, {}};
  if (read.known_form) return out;
  std::string_view trimmed = TrimAscii(written);
  std::string_view quoted = Utf8Prefix(trimmed, kMaxQuoted);
  out.note.reserve(field.size() + quoted.size() + read.note.size() + 24);
  out.note.append(field).append(" '").append(quoted);
  if (quoted.size() < trimmed.size()) out.note.append("...");
  out.note.append("' partly read: ").append(read.note);
  return out;
}

void AppendNote(std::string& notes, std::string_view note) {
  if (note.empty()) return;
  if (!notes.empty()) notes.append("; ");
  notes.append(note);
}

}  // namespace casefile::migration
