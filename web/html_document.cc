#include "web/html_document.h"

#include "absl/strings/str_cat.h"
#include "web/html_escape.h"
#include "web/page_style.h"

namespace casefile::web {

std::string HtmlDocumentHead(absl::string_view title, const DocumentOptions& options) {
  std::string out = absl::StrCat(
      "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<meta name=\"referrer\" content=\"no-referrer\"><title>",
      HtmlEscape(title), "</title>");
  if (options.stylesheet_href.empty()) {
    absl::StrAppend(&out, "<style>", PageStyle(options.running_header), "</style>");
  } else {
    absl::StrAppend(&out, "<link rel=\"stylesheet\" href=\"", HtmlEscape(options.stylesheet_href), "\">");
  }
  absl::StrAppend(&out, "</head>\n<body>\n");
  return out;
}

std::string HtmlDocument(absl::string_view title, absl::string_view body_html, const DocumentOptions& options) {
  return absl::StrCat(HtmlDocumentHead(title, options), body_html, kHtmlDocumentEnd);
}

}  // namespace casefile::web
