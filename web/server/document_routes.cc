// casefile-web's document routes (WebApp, web_app.h): the attach form and
// its multipart POST (AttachDocument), a document's page (ListDocuments for
// its details), and its content (GetDocument), always as an attachment —
// inline only for images, PDFs and text, and then only into the page's
// sandboxed frame. The content is never parsed or put into a page here, and
// carries a sandboxing Content-Security-Policy and nosniff.
#include <memory>

#include "absl/strings/str_cat.h"
#include "casefile/v1/document_service.grpc.pb.h"
#include "client/document_transfer.h"
#include "core/documents/media_type.h"
#include "web/document_html.h"
#include "web/form_token.h"
#include "web/server/web_app.h"
#include "web/server/web_responses.h"
#include "web/site_pages.h"

namespace casefile::web {
namespace {

// A GetDocument stream that outlives its handler (the content is sent while
// it is read); one not read to the end is cancelled.
struct DocumentReading {
  explicit DocumentReading(std::unique_ptr<grpc::ClientContext> c) : context(std::move(c)) {}
  ~DocumentReading() {
    if (finished) return;
    context->TryCancel();
    reader->Finish();
  }
  std::unique_ptr<grpc::ClientContext> context;
  std::unique_ptr<grpc::ClientReader<v1::GetDocumentResponse>> reader;
  bool finished = false;
};

// A file name as a Content-Disposition header may carry it: the ASCII
// fallback with quotes, backslashes and controls replaced, and the UTF-8
// name percent-encoded (RFC 6266).
std::string Disposition(const char* kind, const std::string& file_name) {
  std::string fallback;
  for (unsigned char c : file_name) fallback += (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') ? '_' : c;
  return absl::StrCat(kind, "; filename=\"", fallback, "\"; filename*=UTF-8''", QueryEscape(file_name));
}

bool ShownInline(const std::string& media_type) {
  return media_type == kPdf || media_type == kJpeg || media_type == kPng || media_type == kPlainText;
}

}  // namespace

DocumentsByEntry WebApp::CaseDocuments(const Signed& s, const std::string& case_id, const std::string& purpose) {
  v1::ListDocumentsRequest request;
  request.set_parent(absl::StrCat("cases/", case_id));
  request.set_purpose(purpose);
  v1::ListDocumentsResponse response;
  if (!v1::DocumentService::NewStub(channel_)->ListDocuments(Context(s.token).get(), request, &response).ok()) return {};
  return GroupByEntry(response.documents());
}

void WebApp::AttachForm(const httplib::Request& req, httplib::Response& res) {
  Signed s = SessionOf(req);
  if (s.token.empty()) return res.set_redirect("/signin", 303);
  const std::string id = req.matches[1];
  if (!PlausibleCaseId(id)) return Fail(grpc::Status(grpc::StatusCode::NOT_FOUND, ""), s, res);
  AttachDraft draft{id, std::stoll(req.matches[2]), RandomHex32()};
  res.set_content(AttachFormPage(Nav(s), form_tokens_.TokenFor(s.token), draft, {}, document_max_bytes_), kHtml);
}

void WebApp::AttachDocument(const httplib::Request& req, httplib::Response& res) {
  Signed s = SessionOf(req);
  if (s.token.empty()) return res.set_redirect("/signin", 303);
  // A multipart form's fields are parts, not parameters.
  if (!form_tokens_.Matches(s.token, req.get_file_value("csrf").content)) {
    res.status = 403;
    return res.set_content(MessagePage(Nav(s), "Refused", "The form had expired; reload the page and try again."),
                           kHtml);
  }
  const std::string id = req.matches[1];
  if (!PlausibleCaseId(id)) return Fail(grpc::Status(grpc::StatusCode::NOT_FOUND, ""), s, res);
  AttachDraft draft{id, std::stoll(req.matches[2]), req.get_file_value("request_id").content};
  if (draft.request_id.empty()) draft.request_id = RandomHex32();
  const httplib::MultipartFormData file = req.get_file_value("file");
  auto refuse = [&](const std::string& message) {
    res.status = 400;
    res.set_content(AttachFormPage(Nav(s), form_tokens_.TokenFor(s.token), draft, {{"file", message}}, document_max_bytes_),
                    kHtml);
  };
  if (file.filename.empty()) return refuse("Choose the document to attach");
  v1::AttachDocumentStart start;
  start.set_entry(absl::StrCat("cases/", id, "/entries/", draft.entry));
  start.set_file_name(file.filename);
  start.set_request_id(draft.request_id);
  start.set_purpose(absl::StrCat("attaching a document to entry #", draft.entry));
  size_t sent = 0;
  v1::Document document;
  auto stub = v1::DocumentService::NewStub(channel_);
  grpc::Status status = client::AttachDocument(
      *stub, *Context(s.token), start,
      [&](std::string& buffer) {
        buffer = file.content.substr(sent, client::kDocumentChunkBytes);
        sent += buffer.size();
        return true;
      },
      &document);
  if (status.error_code() == grpc::StatusCode::INVALID_ARGUMENT) {
    // casefiled's words, less the field path: "content: HTML is not ..." → "HTML is not ...".
    std::string message = status.error_message();
    if (const size_t colon = message.find(": "); colon != std::string::npos && colon < 24)
      message = message.substr(colon + 2);
    message[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(message[0])));
    return refuse(message);
  }
  if (!status.ok()) return Fail(status, s, res);
  res.set_content(AttachedPage(Nav(s), document), kHtml);
}

void WebApp::DocumentView(const httplib::Request& req, httplib::Response& res) {
  Signed s = SessionOf(req);
  if (s.token.empty()) return res.set_redirect("/signin", 303);
  const std::string id = req.matches[1];
  if (!PlausibleCaseId(id)) return Fail(grpc::Status(grpc::StatusCode::NOT_FOUND, ""), s, res);
  const std::string name = absl::StrCat("cases/", id, "/entries/", req.matches[2].str(), "/documents/", req.matches[3].str());
  const std::string purpose = req.get_param_value("purpose");
  if (purpose.empty()) return res.set_content(DocumentPurposePage(Nav(s), name, ""), kHtml);
  v1::ListDocumentsRequest request;
  request.set_parent(absl::StrCat("cases/", id));
  request.set_purpose(purpose);
  v1::ListDocumentsResponse response;
  grpc::Status status =
      v1::DocumentService::NewStub(channel_)->ListDocuments(Context(s.token).get(), request, &response);
  if (status.error_code() == grpc::StatusCode::INVALID_ARGUMENT) {
    res.status = 400;
    return res.set_content(DocumentPurposePage(Nav(s), name, status.error_message()), kHtml);
  }
  if (!status.ok()) return Fail(status, s, res);
  for (const v1::Document& d : response.documents()) {
    if (d.name() != name) continue;
    // The page frames the content (same origin) and nothing else.
    res.set_header("Content-Security-Policy", absl::StrCat(kContentSecurityPolicy, "; frame-src 'self'"));
    return res.set_content(DocumentPage(Nav(s), d, purpose), kHtml);
  }
  Fail(grpc::Status(grpc::StatusCode::NOT_FOUND, ""), s, res);
}

void WebApp::DocumentContent(const httplib::Request& req, httplib::Response& res, bool inline_view) {
  Signed s = SessionOf(req);
  if (s.token.empty()) return res.set_redirect("/signin", 303);
  const std::string id = req.matches[1];
  if (!PlausibleCaseId(id)) return Fail(grpc::Status(grpc::StatusCode::NOT_FOUND, ""), s, res);
  v1::GetDocumentRequest request;
  request.set_name(absl::StrCat("cases/", id, "/entries/", req.matches[2].str(), "/documents/", req.matches[3].str()));
  request.set_purpose(req.get_param_value("purpose"));
  auto reading = std::make_shared<DocumentReading>(Context(s.token));
  reading->reader = v1::DocumentService::NewStub(channel_)->GetDocument(reading->context.get(), request);
  // Nothing comes before the look is recorded: the description, or the refusal.
  v1::GetDocumentResponse first;
  if (!reading->reader->Read(&first) || !first.has_document()) {
    reading->finished = true;
    grpc::Status status = reading->reader->Finish();
    if (status.error_code() == grpc::StatusCode::INVALID_ARGUMENT) {
      res.status = 400;
      return res.set_content(DocumentPurposePage(Nav(s), request.name(), status.error_message()), kHtml);
    }
    return Fail(status.ok() ? grpc::Status(grpc::StatusCode::INTERNAL, "no document") : status, s, res);
  }
  const v1::Document& d = first.document();
  if (inline_view && !ShownInline(d.media_type())) return Fail(grpc::Status(grpc::StatusCode::NOT_FOUND, ""), s, res);
  // Never active content: no script, no plugin, no navigation, whatever the
  // bytes are; inline only inside this site's own sandboxed frame.
  res.set_header("Content-Disposition", Disposition(inline_view ? "inline" : "attachment", d.file_name()));
  res.set_header("Content-Security-Policy",
                 absl::StrCat("default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors ",
                              inline_view ? "'self'" : "'none'"));
  res.set_header("X-Frame-Options", inline_view ? "SAMEORIGIN" : "DENY");
  // Chunked, so no Range request is answered from the wrong place.
  res.set_chunked_content_provider(d.media_type(), [reading](size_t, httplib::DataSink& sink) {
    v1::GetDocumentResponse chunk;
    while (reading->reader->Read(&chunk)) {
      if (!sink.write(chunk.chunk().data(), chunk.chunk().size())) return false;
    }
    reading->finished = true;
    // A stream cut short ends the response without its last chunk: the browser sees a failed download.
    if (!reading->reader->Finish().ok()) return false;
    sink.done();
    return true;
  });
}

}  // namespace casefile::web
