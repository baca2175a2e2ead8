// The documents put on paper after a case file's chronology (`casefile show
// --format html --with-documents`, casefile-web's "The whole file with its
// documents"): each on a new page, headed by its entry, name, type, size and
// SHA-256 — an image as it is (PNG, JPEG: a data: URI, so the file stays
// self-contained and casefile-web's Content-Security-Policy admits it), a
// PDF's first pages drawn as PNG images (client/pdf_page_images.h), text as
// escaped preformatted text. TIFF and DOCX are named with a note (browsers
// draw neither), as is whatever passes a cap below.
//
// Every document printed is read with GetDocument and the reader's purpose:
// one audited read each, as `casefile document get`. Memory stays bounded
// whatever the documents: an image streams from casefiled through a base64
// encoder to the sink; a PDF streams to a private scratch folder, and its
// drawn pages are streamed from there one at a time, the folder emptied after
// each document and removed at the end; text is read up to its cap.
//
// Thread-compatible.
#ifndef CASEFILE_WEB_DOCUMENT_APPENDIX_H_
#define CASEFILE_WEB_DOCUMENT_APPENDIX_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "absl/strings/string_view.h"
#include "casefile/v1/document_service.grpc.pb.h"
#include "client/pdf_page_images.h"
#include "web/document_html.h"

namespace casefile::web {

struct DocumentAppendixOptions {
  // A PNG or JPEG larger than this is named, not printed (nor read).
  int64_t max_image_bytes = int64_t{20} << 20;
  // A text document is printed up to this many bytes (cut on a character).
  int64_t max_text_bytes = int64_t{1} << 20;
  // A drawn PDF page larger than this is left out with a note.
  int64_t max_page_image_bytes = int64_t{8} << 20;
  // pdftoppm's page cap, page size and time limit.
  client::PdfPageImageOptions pdf;
};

// Receives the HTML as it is made; false stops the writing (CANCELLED).
using HtmlSink = std::function<bool(absl::string_view html)>;
// A fresh call context (credentials, deadline) for each GetDocument.
using ContextMaker = std::function<std::unique_ptr<grpc::ClientContext>()>;

// The documents of the entries numbered `entries`, in that order (each
// entry once), to print after them.
std::vector<v1::Document> DocumentsOfEntries(const DocumentsByEntry& documents, const std::vector<int64_t>& entries);

// Writes the appendix of `documents` (in the order given: that of their
// entries in the chronology) to `sink`: a "Documents" section, then one
// section per document. A read casefiled refuses ends it with that status;
// a PDF pdftoppm cannot draw is printed as a note and the writing goes on.
grpc::Status WriteDocumentAppendix(v1::DocumentService::StubInterface& stub, const ContextMaker& context,
                                   const std::vector<v1::Document>& documents, const std::string& purpose,
                                   const HtmlSink& sink, const DocumentAppendixOptions& options = {});

}  // namespace casefile::web

#endif  // CASEFILE_WEB_DOCUMENT_APPENDIX_H_
