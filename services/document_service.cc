#include "services/document_service.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include "migration/document_text.h"
#include "services/grpc_status.h"

namespace casefile {
namespace {

// Chunks of content sent by GetDocument.
constexpr size_t kChunkBytes = 1 << 20;

template <typename Response, typename Fn>
grpc::Status Unary(const TokenAuthenticator& auth, grpc::ServerContext* context, Response* response, Fn fn) {
  auto caller = auth.Authenticate(*context);
  if (!caller.ok()) return ToGrpcStatus(caller.status());
  absl::StatusOr<Response> result = fn(*caller);
  if (!result.ok()) return ToGrpcStatus(result.status());
  *response = *std::move(result);
  return grpc::Status::OK;
}

}  // namespace

grpc::Status DocumentServiceImpl::AttachDocument(grpc::ServerContext* context,
                                                 grpc::ServerReader<v1::AttachDocumentRequest>* reader,
                                                 v1::Document* response) {
  auto caller = auth_->Authenticate(*context);
  if (!caller.ok()) return ToGrpcStatus(caller.status());
  v1::AttachDocumentRequest request;
  if (!reader->Read(&request) || !request.has_start())
    return ToGrpcStatus(absl::InvalidArgumentError("start: the first message must carry start"));
  auto begun = library_->Begin(*caller, request.start());
  if (!begun.ok()) return ToGrpcStatus(begun.status());
  if (begun->earlier.has_value()) {  // a retry: the first attach's document
    *response = *std::move(begun->earlier);
    return grpc::Status::OK;
  }
  DocumentLibrary::Upload& upload = *begun->upload;
  while (reader->Read(&request)) {
    if (request.part_case() != v1::AttachDocumentRequest::kChunk)
      return ToGrpcStatus(absl::InvalidArgumentError("start: only the first message may carry start"));
    if (auto s = upload.Append(request.chunk()); !s.ok()) return ToGrpcStatus(s);
  }
  if (context->IsCancelled()) return grpc::Status::CANCELLED;
  if (auto s = upload.Finish(); !s.ok()) return ToGrpcStatus(s);
  auto text = migration::ExtractDocumentText(upload.content_path(), upload.media_type(),
                                             {.max_text_bytes = kMaxDocumentTextBytes});
  if (!text.ok()) return ToGrpcStatus(text.status());
  auto attached = library_->Attach(*caller, std::move(upload), *std::move(text));
  if (!attached.ok()) return ToGrpcStatus(attached.status());
  *response = *std::move(attached);
  return grpc::Status::OK;
}

grpc::Status DocumentServiceImpl::GetDocument(grpc::ServerContext* context, const v1::GetDocumentRequest* request,
                                              grpc::ServerWriter<v1::GetDocumentResponse>* writer) {
  auto caller = auth_->Authenticate(*context);
  if (!caller.ok()) return ToGrpcStatus(caller.status());
  auto opened = library_->Open(*caller, *request);
  if (!opened.ok()) return ToGrpcStatus(opened.status());
  const int fd = ::open(opened->content_path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return ToGrpcStatus(absl::NotFoundError(request->name() + " not found"));  // erased meanwhile
  v1::GetDocumentResponse message;
  *message.mutable_document() = std::move(opened->document);
  grpc::Status status = writer->Write(message) ? grpc::Status::OK : grpc::Status::CANCELLED;
  message.Clear();
  std::string& chunk = *message.mutable_chunk();
  while (status.ok()) {
    chunk.resize(kChunkBytes);
    const ssize_t n = ::read(fd, chunk.data(), chunk.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) status = ToGrpcStatus(absl::InternalError("the document's content cannot be read"));
    if (n <= 0) break;
    chunk.resize(static_cast<size_t>(n));
    if (!writer->Write(message)) status = grpc::Status::CANCELLED;
  }
  ::close(fd);
  return status;
}

grpc::Status DocumentServiceImpl::ListDocuments(grpc::ServerContext* context, const v1::ListDocumentsRequest* request,
                                                v1::ListDocumentsResponse* response) {
  return Unary(*auth_, context, response, [&](const Caller& caller) { return library_->List(caller, *request); });
}

grpc::Status DocumentServiceImpl::SearchDocuments(grpc::ServerContext* context,
                                                  const v1::SearchDocumentsRequest* request,
                                                  v1::SearchDocumentsResponse* response) {
  return Unary(*auth_, context, response, [&](const Caller& caller) { return library_->Search(caller, *request); });
}

}  // namespace casefile
