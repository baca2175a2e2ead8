#include "core/input/input_rules.h"

#include <cstdint>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/time/partial_time_proto.h"

namespace casefile {
namespace {

absl::Status Invalid(absl::string_view field, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", what));
}

absl::Status NotUtf8(absl::string_view field, size_t at) {
  return Invalid(field, absl::StrCat("not valid UTF-8 at byte ", at));
}

absl::Status ControlCharacter(absl::string_view field, uint32_t c, size_t at) {
  return Invalid(field, absl::StrFormat("control character U+%04X at byte %d", c, at));
}

}  // namespace

bool IsBlank(absl::string_view value) {
  return value.find_first_not_of(" \t\r\n") == absl::string_view::npos;
}

absl::Status ValidateTextChars(absl::string_view value, absl::string_view field,
                               TextLayout layout) {
  const auto* p = reinterpret_cast<const unsigned char*>(value.data());
  const size_t n = value.size();
  size_t i = 0;
  while (i < n) {
    const size_t at = i;
    uint32_t c = p[i];
    if (c < 0x80) {
      ++i;
      if ((c >= 0x20 && c != 0x7F) || layout == TextLayout::kAny) continue;
      if (layout == TextLayout::kMultiline && (c == '\t' || c == '\n')) continue;
      return ControlCharacter(field, c, at);
    }
    // A strict decode: no overlong forms, surrogates or code points past U+10FFFF.
    size_t extra = 0;
    uint32_t min = 0;
    if ((c & 0xE0) == 0xC0) {
      extra = 1, c &= 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2, c &= 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3, c &= 0x07, min = 0x10000;
    } else {
      return NotUtf8(field, at);
    }
    if (n - i - 1 < extra) return NotUtf8(field, at);
    for (size_t k = 1; k <= extra; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return NotUtf8(field, at);
      c = (c << 6) | (p[i + k] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return NotUtf8(field, at);
    // C1 controls: U+009B is a terminal's CSI, as ESC [ is.
    if (c <= 0x9F && layout != TextLayout::kAny) return ControlCharacter(field, c, at);
    i += extra + 1;
  }
  return absl::OkStatus();
}

absl::Status ValidateLine(absl::string_view value, absl::string_view field, bool required,
                          size_t max_bytes) {
  if (required && IsBlank(value)) return Invalid(field, "is required");
  if (value.size() > max_bytes)
    return Invalid(field, absl::StrCat("is longer than ", max_bytes, " bytes"));
  return ValidateTextChars(value, field, TextLayout::kLine);
}

absl::Status ValidateMultilineText(absl::string_view text, absl::string_view field) {
  if (IsBlank(text)) return Invalid(field, "is required");
  if (text.size() > kMaxTextBytes)
    return Invalid(field, absl::StrCat(text.size(), " bytes exceeds the limit of ", kMaxTextBytes, " bytes"));
  return ValidateTextChars(text, field, TextLayout::kMultiline);
}

absl::Status ValidatePartialTime(const v1::PartialTime& t, absl::string_view field) {
  using P = v1::PartialTime;
  if (!P::Precision_IsValid(t.precision())) return Invalid(field, "unknown precision");
  // Compared as TimePrecision: the wire numbers are not in order of precision.
  const TimePrecision p = PrecisionFromProto(t.precision());
  // Fields finer than the precision must be zero: we never invent them.
  if (p < TimePrecision::kMinute && (t.hour() != 0 || t.minute() != 0))
    return Invalid(field, "has a time but precision is coarser than minute");
  if (p < TimePrecision::kDay && t.day() != 0) return Invalid(field, "has a day but precision is coarser than day");
  if (p < TimePrecision::kMonth && p != TimePrecision::kUnknown && t.month() != 0)
    return Invalid(field, "has a month but precision is coarser than month");
  if (p == TimePrecision::kUnknown && (t.year() != 0 || t.month() != 0))
    return Invalid(field, "has a date but no precision");
  if (p == TimePrecision::kUnknown) return absl::OkStatus();
  if (t.year() < 1900 || t.year() > 2200) return Invalid(field, "year out of range 1900-2200");
  if (p == TimePrecision::kYear) return absl::OkStatus();
  if (t.month() < 1 || t.month() > 12) return Invalid(field, "month out of range 1-12");
  if (p >= TimePrecision::kDay && (t.day() < 1 || t.day() > DaysInMonth(t.year(), t.month())))
    return Invalid(field, absl::StrFormat("%04d-%02d has no day %d", t.year(), t.month(), t.day()));
  if (p == TimePrecision::kMinute && (t.hour() < 0 || t.hour() > 23 || t.minute() < 0 || t.minute() > 59))
    return Invalid(field, "time out of range 00:00-23:59");
  return absl::OkStatus();
}

absl::Status ValidateRequestId(absl::string_view request_id, absl::string_view field) {
  if (request_id.size() > 128) return Invalid(field, "is longer than 128 bytes");
  return ValidateTextChars(request_id, field, TextLayout::kLine);
}

absl::Status ValidatePurpose(absl::string_view purpose, absl::string_view field) {
  if (IsBlank(purpose))
    return Invalid(field, "is required: say why you are looking at this case file");
  return ValidateLine(purpose, field, true);
}

}  // namespace casefile
