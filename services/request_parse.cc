#include "services/request_parse.h"

#include <optional>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "core/chronology/validation.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/wire_format_lite.h"

namespace casefile {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::internal::WireFormatLite;

// The first string field under `type` in `bytes` that is not UTF-8, as an
// error naming its path; nullopt when there is none or the bytes end early.
std::optional<absl::Status> FindBadString(const Descriptor& type, absl::string_view bytes,
                                          const std::string& path, int depth) {
  if (depth > 32) return std::nullopt;
  google::protobuf::io::CodedInputStream in(reinterpret_cast<const uint8_t*>(bytes.data()),
                                            static_cast<int>(bytes.size()));
  absl::flat_hash_map<int, int> seen;  // field number → occurrences so far
  while (uint32_t tag = in.ReadTag()) {
    const FieldDescriptor* field = type.FindFieldByNumber(WireFormatLite::GetTagFieldNumber(tag));
    const bool nested = field != nullptr && (field->type() == FieldDescriptor::TYPE_STRING ||
                                             field->type() == FieldDescriptor::TYPE_MESSAGE);
    if (!nested || WireFormatLite::GetTagWireType(tag) != WireFormatLite::WIRETYPE_LENGTH_DELIMITED) {
      if (!WireFormatLite::SkipField(&in, tag)) return std::nullopt;
      continue;
    }
    uint32_t length = 0;
    std::string value;
    if (!in.ReadVarint32(&length) || !in.ReadString(&value, static_cast<int>(length)))
      return std::nullopt;
    std::string at = absl::StrCat(path, field->name());
    if (field->is_repeated()) absl::StrAppend(&at, "[", seen[field->number()]++, "]");
    if (field->type() == FieldDescriptor::TYPE_STRING) {
      if (absl::Status s = ValidateTextChars(value, at, TextLayout::kAny); !s.ok()) return s;
    } else if (auto bad = FindBadString(*field->message_type(), value, at + ".", depth + 1)) {
      return bad;
    }
  }
  return std::nullopt;
}

}  // namespace

absl::Status ParseRequestBytes(absl::string_view bytes, google::protobuf::Message& message) {
  if (message.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) return absl::OkStatus();
  if (auto bad = FindBadString(*message.GetDescriptor(), bytes, "", 0)) return *bad;
  return absl::InvalidArgumentError(
      absl::StrCat("request: not a valid ", message.GetDescriptor()->full_name(), " message"));
}

}  // namespace casefile
