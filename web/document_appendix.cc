#include "web/document_appendix.h"

#include <algorithm>
#include <fstream>
#include <optional>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "client/document_transfer.h"
#include "client/scratch_folder.h"
#include "core/documents/media_type.h"
#include "web/document_html.h"
#include "web/html_escape.h"

namespace casefile::web {
namespace {

// Base64 of a byte stream given in pieces of any size: whole groups of three
// bytes are encoded as they come, the rest waits for the next piece.
class Base64Stream {
 public:
  explicit Base64Stream(const HtmlSink& sink) : sink_(sink) {}
  bool Add(absl::string_view bytes) {
    pending_.append(bytes.data(), bytes.size());
    const size_t whole = pending_.size() - pending_.size() % 3;
    if (whole == 0) return true;
    const bool sent = sink_(absl::Base64Escape(absl::string_view(pending_).substr(0, whole)));
    pending_.erase(0, whole);
    return sent;
  }
  bool Finish() { return pending_.empty() || sink_(absl::Base64Escape(pending_)); }

 private:
  const HtmlSink& sink_;
  std::string pending_;
};

// The piece of a name `.../entries/N/documents/K` after `word/`.
std::string PartAfter(const std::string& name, absl::string_view word) {
  const size_t at = name.find(absl::StrCat("/", word, "/"));
  if (at == std::string::npos) return "";
  const size_t start = at + word.size() + 2;
  return name.substr(start, name.find('/', start) - start);
}

std::string SectionHead(const v1::Document& d) {
  const std::string entry = HtmlEscape(PartAfter(d.name(), "entries"));
  return absl::StrCat("<section class=\"appended-document\" id=\"document-", entry, "-",
                      HtmlEscape(PartAfter(d.name(), "documents")), "\"><h3><a href=\"#entry-", entry, "\">Entry #",
                      entry, "</a> · ", HtmlEscape(d.file_name()), "</h3><p class=\"muted\">",
                      HtmlEscape(MediaTypeLabel(d.media_type())), " · ", SizeText(d.size_bytes()),
                      " · <span class=\"sha\">SHA-256 ", HtmlEscape(d.sha256()), "</span></p>");
}

std::string Note(absl::string_view text) { return absl::StrCat("<p class=\"note\">", text, "</p>"); }

// An image figure whose data: URI the caller streams between `open` and "\"></figure>".
std::string ImageOpen(absl::string_view media_type, const std::string& alt, const std::string& caption) {
  return absl::StrCat("<figure class=\"document-page\">",
                      caption.empty() ? "" : absl::StrCat("<figcaption>", HtmlEscape(caption), "</figcaption>"),
                      "<img class=\"document-image\" alt=\"", HtmlEscape(alt), "\" src=\"data:", media_type,
                      ";base64,");
}
constexpr absl::string_view kImageClose = "\"></figure>";

// `text` cut to at most `max` bytes, on a UTF-8 character's boundary.
void CutOnCharacter(std::string& text, size_t max) {
  if (text.size() <= max) return;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  text.resize(cut);
}

class AppendixWriter {
 public:
  AppendixWriter(v1::DocumentService::StubInterface& stub, const ContextMaker& context, const std::string& purpose,
                 const HtmlSink& sink, const DocumentAppendixOptions& options)
      : stub_(stub), context_(context), purpose_(purpose), sink_(sink), options_(options) {}

  grpc::Status Write(const v1::Document& d) {
    if (!sink_(SectionHead(d))) return Cancelled();
    grpc::Status status;
    const std::string& type = d.media_type();
    if (type == kPng || type == kJpeg) {
      status = d.size_bytes() > options_.max_image_bytes
                   ? Send(Note(absl::StrCat("Not printed: images over ", SizeText(options_.max_image_bytes),
                                            " are left out of print. ", GetIt(d))))
                   : Image(d);
    } else if (type == kPdf) {
      status = Pdf(d);
    } else if (type == kPlainText) {
      status = Text(d);
    } else {
      status = Send(Note(absl::StrCat("Not printed: a browser cannot draw ", HtmlEscape(MediaTypeLabel(type)),
                                      " documents. ", GetIt(d))));
    }
    if (!status.ok()) return status;
    return Send("</section>\n");
  }

 private:
  static grpc::Status Cancelled() { return grpc::Status(grpc::StatusCode::CANCELLED, "the printed page was not taken"); }
  grpc::Status Send(absl::string_view html) { return sink_(html) ? grpc::Status::OK : Cancelled(); }
  static std::string GetIt(const v1::Document& d) {
    return absl::StrCat("Read it with <code>casefile document get ", HtmlEscape(d.name()),
                        "</code> or open it in casefile-web.");
  }

  // GetDocument with the reader's purpose (the audited read), each chunk to `chunk`.
  grpc::Status Read(const v1::Document& d, const std::function<bool(absl::string_view)>& chunk) {
    v1::GetDocumentRequest request;
    request.set_name(d.name());
    request.set_purpose(purpose_);
    return client::GetDocument(stub_, *context_(), request, [](const v1::Document&) {}, chunk);
  }

  grpc::Status Image(const v1::Document& d) {
    if (!sink_(ImageOpen(d.media_type(), d.file_name(), ""))) return Cancelled();
    Base64Stream base64(sink_);
    bool taken = true;
    grpc::Status status = Read(d, [&](absl::string_view chunk) { return taken = base64.Add(chunk); });
    if (!taken) return Cancelled();
    if (!status.ok()) return status;
    return base64.Finish() ? Send(kImageClose) : Cancelled();
  }

  grpc::Status Text(const v1::Document& d) {
    std::string text;
    const size_t max = static_cast<size_t>(options_.max_text_bytes);
    bool cut = false;
    grpc::Status status = Read(d, [&](absl::string_view chunk) {
      text.append(chunk.data(), std::min(chunk.size(), max + 4 - std::min(text.size(), max + 4)));
      cut = text.size() > max;
      return !cut;  // enough: the rest is not read
    });
    if (!status.ok() && !cut) return status;
    CutOnCharacter(text, max);
    std::string html = "<pre class=\"document-text\">";
    AppendHtmlEscaped(html, text);
    html += "</pre>";
    if (cut) absl::StrAppend(&html, Note(absl::StrCat("Printed up to its first ", SizeText(max), ". ", GetIt(d))));
    return Send(html);
  }

  grpc::Status Pdf(const v1::Document& d) {
    if (!scratch_.has_value()) {
      absl::StatusOr<client::ScratchFolder> made = client::ScratchFolder::Make("casefile-print-");
      if (!made.ok()) return grpc::Status(grpc::StatusCode::INTERNAL, std::string(made.status().message()));
      scratch_.emplace(std::move(*made));
    }
    const std::string pdf_path = scratch_->path() + "/document.pdf";
    grpc::Status status;
    {
      std::ofstream pdf(pdf_path, std::ios::binary | std::ios::trunc);
      status = Read(d, [&](absl::string_view chunk) { return static_cast<bool>(pdf.write(chunk.data(), chunk.size())); });
      pdf.close();
      if (status.ok() && !pdf) status = grpc::Status(grpc::StatusCode::INTERNAL, "cannot write a scratch file");
    }
    if (status.ok()) status = Pages(d, pdf_path);
    scratch_->Empty();  // nothing of this document waits for the next
    return status;
  }

  grpc::Status Pages(const v1::Document& d, const std::string& pdf_path) {
    absl::StatusOr<client::PdfPageImages> pages = client::DrawPdfPages(pdf_path, scratch_->path(), options_.pdf);
    if (!pages.ok())
      return Send(Note(absl::StrCat("Its pages could not be drawn (", HtmlEscape(pages.status().message()), "). ",
                                    GetIt(d))));
    if (pages->paths.empty()) return Send(Note(absl::StrCat("It has no pages to draw. ", GetIt(d))));
    for (size_t i = 0; i < pages->paths.size(); ++i) {
      const std::string page = absl::StrCat("page ", i + 1);
      std::ifstream in(pages->paths[i], std::ios::binary | std::ios::ate);
      const int64_t size = in ? static_cast<int64_t>(in.tellg()) : -1;
      if (size < 0 || size > options_.max_page_image_bytes) {
        if (!sink_(Note(absl::StrCat("Not printed: ", page, " drew larger than ",
                                     SizeText(options_.max_page_image_bytes), ". ", GetIt(d)))))
          return Cancelled();
        continue;
      }
      in.seekg(0);
      if (!sink_(ImageOpen(kPng, absl::StrCat(d.file_name(), ", ", page), absl::StrCat(d.file_name(), " · ", page))))
        return Cancelled();
      Base64Stream base64(sink_);
      char buffer[48 * 1024];
      while (in.read(buffer, sizeof(buffer)) || in.gcount() > 0) {
        if (!base64.Add(absl::string_view(buffer, static_cast<size_t>(in.gcount())))) return Cancelled();
      }
      if (!base64.Finish() || !sink_(kImageClose)) return Cancelled();
    }
    if (pages->more_pages)
      return Send(Note(absl::StrCat("Only its first ", pages->paths.size(), " pages are printed. ", GetIt(d))));
    return grpc::Status::OK;
  }

  v1::DocumentService::StubInterface& stub_;
  const ContextMaker& context_;
  const std::string& purpose_;
  const HtmlSink& sink_;
  const DocumentAppendixOptions& options_;
  std::optional<client::ScratchFolder> scratch_;  // made for the first PDF, removed at the end
};

}  // namespace

std::vector<v1::Document> DocumentsOfEntries(const DocumentsByEntry& documents, const std::vector<int64_t>& entries) {
  std::vector<v1::Document> out;
  absl::flat_hash_set<int64_t> seen;
  for (int64_t entry : entries) {
    auto found = documents.find(entry);
    if (found == documents.end() || !seen.insert(entry).second) continue;
    out.insert(out.end(), found->second.begin(), found->second.end());
  }
  return out;
}

grpc::Status WriteDocumentAppendix(v1::DocumentService::StubInterface& stub, const ContextMaker& context,
                                   const std::vector<v1::Document>& documents, const std::string& purpose,
                                   const HtmlSink& sink, const DocumentAppendixOptions& options) {
  std::string head = "<section class=\"appendix\" id=\"documents\"><h2>Documents</h2>";
  absl::StrAppend(&head, documents.empty() ? "<p>No entry printed here has a document.</p></section>\n"
                                           : absl::StrCat("<p>The ", documents.size(),
                                                          documents.size() == 1 ? " document" : " documents",
                                                          " of the entries above, each from a new page.</p>\n"));
  if (!sink(head)) return grpc::Status(grpc::StatusCode::CANCELLED, "the printed page was not taken");
  if (documents.empty()) return grpc::Status::OK;
  AppendixWriter writer(stub, context, purpose, sink, options);
  for (const v1::Document& d : documents) {
    grpc::Status status = writer.Write(d);
    if (!status.ok()) return status;
  }
  return sink("</section>\n") ? grpc::Status::OK : grpc::Status(grpc::StatusCode::CANCELLED, "the printed page was not taken");
}

}  // namespace casefile::web
