// ParseRequest: a request message from the bytes a raw gRPC method receives.
// When they do not parse it says why in the error, naming the field: proto3
// refuses a string that is not UTF-8, and grpc++ would answer UNIMPLEMENTED
// with no message before any handler ran.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_SERVICES_REQUEST_PARSE_H_
#define CASEFILE_SERVICES_REQUEST_PARSE_H_

#include <string>

#include <vector>

#include <grpcpp/support/byte_buffer.h>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"

namespace casefile {

// OK, or InvalidArgument: "entry.text: not valid UTF-8 at byte 5" for the
// first string field (at any depth) that is not UTF-8, else
// "request: not a valid casefile.v1.AppendEntryRequest message".
absl::Status ParseRequestBytes(absl::string_view bytes, google::protobuf::Message& message);

template <typename Message>
absl::StatusOr<Message> ParseRequest(const grpc::ByteBuffer& buffer) {
  std::vector<grpc::Slice> slices;
  if (!buffer.Dump(&slices).ok()) return absl::InvalidArgumentError("request: unreadable");
  std::string bytes;
  for (const grpc::Slice& s : slices) bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
  Message message;
  if (absl::Status s = ParseRequestBytes(bytes, message); !s.ok()) return s;
  return message;
}

}  // namespace casefile

#endif  // CASEFILE_SERVICES_REQUEST_PARSE_H_
