#include "web/document_html.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/documents/media_type.h"
#include "web/html_escape.h"
#include "web/site_pages.h"

namespace casefile::web {
namespace {

bool ShownInFrame(const std::string& media_type) {
  return media_type == kPdf || media_type == kJpeg || media_type == kPng || media_type == kPlainText;
}

std::string WithThousands(int64_t n) {
  std::string digits = absl::StrCat(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// The entry number of `cases/X/entries/N/documents/K`, or 0.
int64_t EntryOf(const std::string& document_name) {
  const size_t at = document_name.find("/entries/");
  if (at == std::string::npos) return 0;
  return std::strtoll(document_name.c_str() + at + 9, nullptr, 10);
}

std::string DocumentDetails(const v1::Document& d) {
  return absl::StrCat("<dl class=\"details\"><dt>File name</dt><dd>", HtmlEscape(d.file_name()),
                      "</dd><dt>Type</dt><dd>", HtmlEscape(MediaTypeLabel(d.media_type())), "</dd><dt>Size</dt><dd>",
                      SizeText(d.size_bytes()), "</dd><dt>SHA-256</dt><dd class=\"sha\">", HtmlEscape(d.sha256()),
                      "</dd><dt>Attached by</dt><dd>", HtmlEscape(d.author()), "</dd></dl>");
}

}  // namespace

std::string SizeText(int64_t bytes) {
  std::string scaled;
  if (bytes >= 1'000'000) {
    scaled = absl::StrFormat("%.1f MB", bytes / 1e6);
  } else if (bytes >= 1'000) {
    scaled = absl::StrFormat("%.1f KB", bytes / 1e3);
  } else {
    return absl::StrCat(bytes, bytes == 1 ? " byte" : " bytes");
  }
  return absl::StrCat(scaled, " (", WithThousands(bytes), " bytes)");
}

std::string QueryEscape(const std::string& value) { return QueryValue(value); }

std::string DocumentPath(const std::string& document_name) { return "/" + document_name; }

DocumentsByEntry GroupByEntry(const google::protobuf::RepeatedPtrField<v1::Document>& documents) {
  DocumentsByEntry by_entry;
  for (const v1::Document& d : documents) by_entry[EntryOf(d.name())].push_back(d);
  return by_entry;
}

std::string EntryDocumentsHtml(int64_t entry, const DocumentsByEntry& documents, const DocumentLinks& links) {
  static const std::vector<v1::Document> kNone;
  auto found = documents.find(entry);
  const std::vector<v1::Document>& of_entry = found == documents.end() ? kNone : found->second;
  std::string items;
  for (const v1::Document& d : of_entry) {
    const std::string name = HtmlEscape(d.file_name());
    absl::StrAppend(&items, "<li>",
                    links.case_id.empty()
                        ? name
                        : absl::StrCat("<a href=\"", HtmlEscape(DocumentPath(d.name())), "?purpose=",
                                       HtmlEscape(QueryEscape(links.purpose)), "\">", name, "</a>"),
                    " · ", HtmlEscape(MediaTypeLabel(d.media_type())), " · ", SizeText(d.size_bytes()),
                    " · <span class=\"sha\">SHA-256 ", HtmlEscape(d.sha256()), "</span></li>");
  }
  std::string out;
  if (!of_entry.empty())
    absl::StrAppend(&out, "<div class=\"documents\"><div class=\"muted\">", of_entry.size(),
                    of_entry.size() == 1 ? " document" : " documents", ":</div><ul>", items, "</ul></div>");
  if (links.may_attach && !links.case_id.empty())
    absl::StrAppend(&out, "<a class=\"no-print\" href=\"/cases/", HtmlEscape(links.case_id), "/entries/", entry,
                    "/attach\" aria-label=\"Attach a document to entry ", entry, "\">Attach a document</a>");
  return out;
}

std::string DocumentPurposePage(const std::string& nav, const std::string& name, const std::string& error) {
  return SitePage(
      "Open a document — casefile",
      absl::StrCat(nav, "<h1>Open a document</h1><p>", HtmlEscape(name), "</p>",
                   error.empty() ? "" : absl::StrCat("<p class=\"error\" role=\"alert\">", HtmlEscape(error), "</p>"),
                   "<form class=\"stack\" method=\"get\" action=\"", HtmlEscape(DocumentPath(name)), "\">",
                   "<label for=\"purpose\">Why are you opening this document? (recorded in the audit trail)</label>"
                   "<textarea id=\"purpose\" name=\"purpose\" rows=\"2\"></textarea>"
                   "<p><button type=\"submit\" id=\"open\">Open the document</button></p></form>"));
}

std::string DocumentPage(const std::string& nav, const v1::Document& d, const std::string& purpose) {
  const std::string path = DocumentPath(d.name());
  const std::string query = absl::StrCat("?purpose=", QueryEscape(purpose));
  std::string body = absl::StrCat(nav, "<h1>", HtmlEscape(d.file_name()), "</h1>", DocumentDetails(d),
                                  "<p><a class=\"button\" id=\"download\" href=\"", HtmlEscape(path + "/download" + query),
                                  "\">Download <span class=\"visually-hidden\">", HtmlEscape(d.file_name()),
                                  "</span></a></p>");
  if (ShownInFrame(d.media_type())) {
    // Every sandbox restriction: the content runs nothing, reaches nothing,
    // and is served with a sandboxing policy of its own besides.
    absl::StrAppend(&body, "<iframe class=\"document-frame\" sandbox=\"\" id=\"document-frame\" title=\"",
                    HtmlEscape(d.file_name()), "\" src=\"", HtmlEscape(path + "/content" + query), "\"></iframe>");
  } else {
    absl::StrAppend(&body, "<p class=\"muted\">", HtmlEscape(MediaTypeLabel(d.media_type())),
                    " documents are not shown in the browser: download it to read it.</p>");
  }
  return SitePage(absl::StrCat(d.file_name(), " — casefile"), body);
}

std::string AttachFormPage(const std::string& nav, const std::string& csrf, const AttachDraft& draft,
                           const std::vector<FieldError>& errors, int64_t max_bytes) {
  const std::string action = absl::StrCat("/cases/", draft.case_id, "/entries/", draft.entry, "/attach");
  std::string message;
  for (const FieldError& e : errors) {
    if (e.field == "file") message = e.message;
  }
  return SitePage(
      absl::StrCat(errors.empty() ? "" : "Error: ", "Attach a document — casefile"),
      absl::StrCat(
          nav, ErrorSummary(errors), "<h1>Attach a document to entry #", draft.entry, "</h1><p>Case ",
          HtmlEscape(draft.case_id), "</p><form class=\"stack\" method=\"post\" enctype=\"multipart/form-data\" action=\"",
          HtmlEscape(action), "\">", Hidden("csrf", csrf), Hidden("request_id", draft.request_id),
          "<label for=\"file\">The document</label><p class=\"hint\" id=\"file-hint\">A PDF, JPEG, PNG, TIFF, Word "
          "(.docx) or plain text file, up to ",
          SizeText(max_bytes), ". Its type is read from its content, not its name.</p>",
          FieldErrorHtml(errors, "file"),
          "<input type=\"file\" id=\"file\" name=\"file\" aria-describedby=\"file-hint",
          message.empty() ? "" : " file-error", "\"", message.empty() ? "" : " aria-invalid=\"true\"",
          "><p><button type=\"submit\" id=\"attach\">Attach the document</button></p></form><p><a href=\"/cases/",
          HtmlEscape(draft.case_id), "\">Back to the case</a></p>"));
}

std::string AttachedPage(const std::string& nav, const v1::Document& d) {
  const std::string case_id = d.name().substr(6, d.name().find('/', 6) - 6);
  return SitePage("Document attached — casefile",
                  absl::StrCat(nav, "<div class=\"panel\" role=\"status\"><h1>Document attached</h1><p>",
                               HtmlEscape(d.name()), "</p></div>", DocumentDetails(d), "<p><a href=\"/cases/",
                               HtmlEscape(case_id), "\">Back to the case</a></p>"));
}

}  // namespace casefile::web
