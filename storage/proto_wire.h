// Just enough of the protobuf wire format to assemble messages from bytes that
// are already serialized (stored entries), without parsing them again.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_STORAGE_PROTO_WIRE_H_
#define CASEFILE_STORAGE_PROTO_WIRE_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace casefile::storage {

inline void AppendVarint(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

// Appends field `field_number` as a length-delimited value (a string, bytes or
// an embedded message). Appending a field to a serialized message sets it:
// for singular fields the last occurrence wins when parsed.
inline void AppendLengthDelimited(std::string& out, int field_number, absl::string_view bytes) {
  AppendVarint(out, (static_cast<uint64_t>(field_number) << 3) | 2);
  AppendVarint(out, bytes.size());
  out.append(bytes.data(), bytes.size());
}

// Walks the top-level fields of a serialized message, calling
// `visit(field_number, wire_type, whole_field_bytes, value)` for each, where
// `value` is the payload of a length-delimited field (empty otherwise).
// Returns false (having stopped) when the bytes are not a valid message.
template <typename Visit>
bool VisitFields(absl::string_view message, Visit visit);

// The payload of the last length-delimited field `field_number` (the one a
// parser keeps), or nullopt when there is none or the bytes are malformed.
std::optional<absl::string_view> FindLengthDelimited(absl::string_view message, int field_number);

// `message` without its length-delimited fields `field_number`.
// REQUIRES: `message` is well formed (VisitFields returns true).
std::string WithoutLengthDelimited(absl::string_view message, int field_number);

// ---- implementation ----

namespace wire_internal {
inline bool ReadVarint(absl::string_view& in, uint64_t& v) {
  v = 0;
  for (int shift = 0; shift < 64 && !in.empty(); shift += 7) {
    const auto byte = static_cast<uint8_t>(in.front());
    in.remove_prefix(1);
    v |= static_cast<uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}
}  // namespace wire_internal

template <typename Visit>
bool VisitFields(absl::string_view message, Visit visit) {
  absl::string_view in = message;
  while (!in.empty()) {
    const char* start = in.data();
    uint64_t tag = 0;
    if (!wire_internal::ReadVarint(in, tag)) return false;
    absl::string_view value;
    switch (tag & 7) {
      case 0: {
        uint64_t ignored = 0;
        if (!wire_internal::ReadVarint(in, ignored)) return false;
        break;
      }
      case 1:
        if (in.size() < 8) return false;
        in.remove_prefix(8);
        break;
      case 2: {
        uint64_t size = 0;
        if (!wire_internal::ReadVarint(in, size) || size > in.size()) return false;
        value = in.substr(0, size);
        in.remove_prefix(size);
        break;
      }
      case 5:
        if (in.size() < 4) return false;
        in.remove_prefix(4);
        break;
      default:
        return false;  // groups are not used by casefile messages
    }
    visit(static_cast<int>(tag >> 3), static_cast<int>(tag & 7),
          absl::string_view(start, static_cast<size_t>(in.data() - start)), value);
  }
  return true;
}

inline std::optional<absl::string_view> FindLengthDelimited(absl::string_view message,
                                                            int field_number) {
  std::optional<absl::string_view> found;
  bool ok = VisitFields(message, [&](int field, int type, absl::string_view, absl::string_view value) {
    if (field == field_number && type == 2) found = value;
  });
  return ok ? found : std::nullopt;
}

inline std::string WithoutLengthDelimited(absl::string_view message, int field_number) {
  std::string out;
  out.reserve(message.size());
  VisitFields(message, [&](int field, int type, absl::string_view whole, absl::string_view) {
    if (field != field_number || type != 2) out.append(whole.data(), whole.size());
  });
  return out;
}

}  // namespace casefile::storage

#endif  // CASEFILE_STORAGE_PROTO_WIRE_H_
