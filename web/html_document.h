// The frame of every page casefile renders: doctype, UTF-8, the stylesheet
// (inline for a self-contained file, or linked for casefile-web, whose
// Content-Security-Policy allows styles from itself only) and a body.
//
// Thread-safe: pure function.
#ifndef CASEFILE_WEB_HTML_DOCUMENT_H_
#define CASEFILE_WEB_HTML_DOCUMENT_H_

#include <string>

#include "absl/strings/string_view.h"

namespace casefile::web {

struct DocumentOptions {
  // Empty: the stylesheet is inlined in a <style> element (one self-contained
  // file). Else the URL of the stylesheet, e.g. "/style.css?h=CF-1".
  std::string stylesheet_href;
  // What the printed pages name in their running header (the case reference).
  std::string running_header;
};

// `title` is stored text (escaped here); `body_html` is already HTML.
std::string HtmlDocument(absl::string_view title, absl::string_view body_html, const DocumentOptions& options);
// The same document in parts, for a large body appended in place:
// HtmlDocumentHead(...) + body + kHtmlDocumentEnd.
std::string HtmlDocumentHead(absl::string_view title, const DocumentOptions& options);
inline constexpr char kHtmlDocumentEnd[] = "\n</body></html>\n";

}  // namespace casefile::web

#endif  // CASEFILE_WEB_HTML_DOCUMENT_H_
