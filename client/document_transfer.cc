#include "client/document_transfer.h"

#include <fstream>
#include <memory>

namespace casefile::client {

grpc::Status AttachDocument(v1::DocumentService::StubInterface& stub, grpc::ClientContext& context,
                            const v1::AttachDocumentStart& start, const ContentSource& next,
                            v1::Document* document) {
  std::unique_ptr<grpc::ClientWriterInterface<v1::AttachDocumentRequest>> writer =
      stub.AttachDocument(&context, document);
  v1::AttachDocumentRequest request;
  *request.mutable_start() = start;
  // A write that fails means the server has answered (a refusal, or a retry
  // it recognised): its status comes from Finish.
  bool sending = writer->Write(request);
  while (sending) {
    std::string* chunk = request.mutable_chunk();
    if (!next(*chunk)) {
      context.TryCancel();
      writer->Finish().ok();
      return grpc::Status(grpc::StatusCode::CANCELLED, "the content could not be read");
    }
    if (chunk->empty()) break;
    sending = writer->Write(request);
  }
  if (sending) writer->WritesDone();
  return writer->Finish();
}

grpc::Status AttachDocumentFile(v1::DocumentService::StubInterface& stub, grpc::ClientContext& context,
                                const v1::AttachDocumentStart& start, const std::string& path,
                                v1::Document* document) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, "cannot read " + path);
  return AttachDocument(
      stub, context, start,
      [&](std::string& buffer) {
        buffer.resize(kDocumentChunkBytes);
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        buffer.resize(static_cast<size_t>(in.gcount()));
        return !in.bad();
      },
      document);
}

grpc::Status GetDocument(v1::DocumentService::StubInterface& stub, grpc::ClientContext& context,
                         const v1::GetDocumentRequest& request,
                         const std::function<void(const v1::Document&)>& described,
                         const std::function<bool(absl::string_view chunk)>& sink) {
  std::unique_ptr<grpc::ClientReaderInterface<v1::GetDocumentResponse>> reader =
      stub.GetDocument(&context, request);
  v1::GetDocumentResponse response;
  while (reader->Read(&response)) {
    if (response.has_document()) described(response.document());
    if (!response.chunk().empty() && !sink(response.chunk())) {
      context.TryCancel();
      break;
    }
  }
  return reader->Finish();
}

}  // namespace casefile::client
