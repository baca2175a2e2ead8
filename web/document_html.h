// The documents of a case as HTML: the list under each entry (name, type,
// size, SHA-256 — what the printed file shows), and casefile-web's pages of
// one document: the purpose form, the document's page (details, download,
// and images and PDFs in a sandboxed frame), and the attach form. Every
// stored string is escaped; a document's own content is never put in a page.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_WEB_DOCUMENT_HTML_H_
#define CASEFILE_WEB_DOCUMENT_HTML_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "casefile/v1/document_service.pb.h"
#include "web/form_html.h"

namespace casefile::web {

// How a list links (casefile-web); an empty case id: no links (paper).
struct DocumentLinks {
  std::string case_id;
  std::string purpose;      // the reader's purpose, carried to each document's page
  bool may_attach = false;  // an "Attach a document" link for writers
};

// "12.1 KB (12,345 bytes)".
std::string SizeText(int64_t bytes);
// "%2F"-style escaping of a query value.
std::string QueryEscape(const std::string& value);
// `/cases/X/entries/N/documents/K` for the document named so.
std::string DocumentPath(const std::string& document_name);

// A case's documents (ListDocuments) by the number of their entry.
using DocumentsByEntry = absl::flat_hash_map<int64_t, std::vector<v1::Document>>;
DocumentsByEntry GroupByEntry(const google::protobuf::RepeatedPtrField<v1::Document>& documents);

// The documents of entry `entry`, and for writers the way to attach one; or "".
std::string EntryDocumentsHtml(int64_t entry, const DocumentsByEntry& documents, const DocumentLinks& links);

// The page asking why the reader opens document `name`.
std::string DocumentPurposePage(const std::string& nav, const std::string& name, const std::string& error);
// The document's page: its details, a download link and, for images and PDFs,
// the content in a frame with every sandbox restriction.
std::string DocumentPage(const std::string& nav, const v1::Document& document, const std::string& purpose);

// What an attach form holds besides the file (which a browser cannot fill in again).
struct AttachDraft {
  std::string case_id;
  int64_t entry = 0;
  std::string request_id;
};
std::string AttachFormPage(const std::string& nav, const std::string& csrf, const AttachDraft& draft,
                           const std::vector<FieldError>& errors, int64_t max_bytes);
// After a successful attach.
std::string AttachedPage(const std::string& nav, const v1::Document& document);

}  // namespace casefile::web

#endif  // CASEFILE_WEB_DOCUMENT_HTML_H_
