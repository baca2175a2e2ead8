// Just enough of the protobuf wire format to assemble messages from bytes that
// are already serialized (stored entries), without parsing them again.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_STORAGE_PROTO_WIRE_H_
#define CASEFILE_STORAGE_PROTO_WIRE_H_

#include <cstdint>
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

}  // namespace casefile::storage

#endif  // CASEFILE_STORAGE_PROTO_WIRE_H_
