// Sending and fetching documents the way every casefile client should:
// AttachDocument with `start` first and the content in chunks of 1 MiB read
// as they go (never the whole file in memory), and GetDocument written to a
// sink chunk by chunk.
//
// Thread-compatible.
#ifndef CASEFILE_CLIENT_DOCUMENT_TRANSFER_H_
#define CASEFILE_CLIENT_DOCUMENT_TRANSFER_H_

#include <cstddef>
#include <functional>
#include <string>

#include <grpcpp/grpcpp.h>

#include "absl/strings/string_view.h"
#include "casefile/v1/document_service.grpc.pb.h"

namespace casefile::client {

inline constexpr size_t kDocumentChunkBytes = 1 << 20;

// Fills `buffer` with the next bytes of the content; an empty buffer ends it.
// False when the content cannot be read (the call is then cancelled).
using ContentSource = std::function<bool(std::string& buffer)>;

// Attaches the content `next` gives. The status is the server's, or
// CANCELLED when the source failed.
grpc::Status AttachDocument(v1::DocumentService::StubInterface& stub, grpc::ClientContext& context,
                            const v1::AttachDocumentStart& start, const ContentSource& next,
                            v1::Document* document);
// The same from the file at `path`; INVALID_ARGUMENT when it cannot be read.
grpc::Status AttachDocumentFile(v1::DocumentService::StubInterface& stub, grpc::ClientContext& context,
                                const v1::AttachDocumentStart& start, const std::string& path,
                                v1::Document* document);

// Reads a document: `described` with its description, then `sink` with each
// chunk of content in order (return false to stop: the call is cancelled).
grpc::Status GetDocument(v1::DocumentService::StubInterface& stub, grpc::ClientContext& context,
                         const v1::GetDocumentRequest& request,
                         const std::function<void(const v1::Document&)>& described,
                         const std::function<bool(absl::string_view chunk)>& sink);

}  // namespace casefile::client

#endif  // CASEFILE_CLIENT_DOCUMENT_TRANSFER_H_
