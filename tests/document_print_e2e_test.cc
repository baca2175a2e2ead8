// `casefile show --format html --with-documents` against the real casefiled:
// after the chronology, each entry's documents themselves — a PNG as it is,
// a PDF's page drawn by pdftoppm, a text escaped, a TIFF named with a note —
// each headed by its entry, name and SHA-256; every document printed is one
// GetDocument audit record with the reader's purpose, and nothing is left in
// the temporary folder.
#include <stdlib.h>

#include <filesystem>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "casefile/v1/document_service.grpc.pb.h"
#include "client/document_transfer.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/casefiled_fixture.h"
#include "tests/support/cli_runner.h"
#include "tests/support/document_samples.h"

namespace casefile::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class DocumentPrintE2eTest : public CasefiledTest {
 protected:
  v1::Document MustAttach(const std::string& entry, const std::string& file_name, const std::string& content) {
    v1::AttachDocumentStart start;
    start.set_entry(entry);
    start.set_file_name(file_name);
    start.set_purpose("referral paperwork");
    bool sent = false;
    v1::Document document;
    auto stub = v1::DocumentService::NewStub(server_->channel());
    grpc::Status status = client::AttachDocument(
        *stub, *Context(kInvestigatorToken), start,
        [&](std::string& buffer) {
          buffer = sent ? "" : content;
          sent = true;
          return true;
        },
        &document);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return document;
  }
};

TEST_F(DocumentPrintE2eTest, PrintWithDocumentsAppendsEachImagePdfPageAndTextAuditedWithThePurpose) {
  const v1::Case c = CreateCase(NewCase("Concern for a child", "CF-P1"));
  for (const char* text : {"Referral received", "Strategy discussion", "Home visit"}) {
    v1::Entry note;
    note.set_kind(v1::ENTRY_KIND_NOTE);
    note.set_text(text);
    Append(c.name(), note);
  }
  const std::string png = TinyPng();
  const std::string pdf = PdfWithText("Minutes of the strategy discussion");
  const std::string text = "Mother & child <b>seen</b>\nAll well.\n";
  const std::string tiff("II*\0\x08\0\0\0\0\0\0\0", 12);
  const v1::Document png_doc = MustAttach("cases/CF-P1/entries/1", "body-map.png", png);
  const v1::Document pdf_doc = MustAttach("cases/CF-P1/entries/2", "minutes.pdf", pdf);
  const v1::Document text_doc = MustAttach("cases/CF-P1/entries/3", "visit <notes>.txt", text);
  const v1::Document tiff_doc = MustAttach("cases/CF-P1/entries/3", "scan.tif", tiff);
  ASSERT_EQ(tiff_doc.media_type(), "image/tiff");
  ASSERT_LT(pdf.size(), 1000u);  // shown as "N bytes"

  // The CLI's scratch folder goes under TMPDIR (inherited from this process).
  const std::string tmp = dir_.path() + "/tmp";
  fs::create_directory(tmp);
  ASSERT_EQ(setenv("TMPDIR", tmp.c_str(), 1), 0);
  const CliRun printed = RunCasefileCli(
      *server_, "show CF-P1 --purpose 'printing for the court bundle' --format html --with-documents", kInvestigatorToken);
  ASSERT_EQ(printed.exit_code, 0) << printed.out;
  const std::string& page = printed.out;
  const size_t start = page.find("<section class=\"appendix\"");
  ASSERT_NE(start, std::string::npos) << page;
  std::string appendix = page.substr(start);

  // The PDF's one page, drawn at 100 dpi of A4's long side (a US letter page: 905 x 1,170).
  const std::string drawn_at = "alt=\"minutes.pdf, page 1\" src=\"data:image/png;base64,";
  const size_t from = appendix.find(drawn_at);
  ASSERT_NE(from, std::string::npos);
  const size_t begin = from + drawn_at.size(), end = appendix.find('"', begin);
  std::string page_png;
  ASSERT_TRUE(absl::Base64Unescape(appendix.substr(begin, end - begin), &page_png));
  ASSERT_GT(page_png.size(), 24u);
  EXPECT_EQ(page_png.substr(0, 8), "\x89PNG\r\n\x1a\n");
  EXPECT_EQ(absl::BytesToHexString(page_png.substr(16, 8)), "0000038900000492");  // IHDR width 905, height 1170
  appendix.replace(begin, end - begin, "PAGE");

  const auto head = [](const v1::Document& d, int entry, int k, const std::string& name, const std::string& type,
                       size_t size) {
    return absl::StrCat("<section class=\"appended-document\" id=\"document-", entry, "-", k,
                        "\"><h3><a href=\"#entry-", entry, "\">Entry #", entry, "</a> · ", name,
                        "</h3><p class=\"muted\">", type, " · ", size, " bytes · <span class=\"sha\">SHA-256 ",
                        d.sha256(), "</span></p>");
  };
  EXPECT_EQ(appendix,
            absl::StrCat(
                "<section class=\"appendix\" id=\"documents\"><h2>Documents</h2><p>The 4 documents of the entries "
                "above, each from a new page.</p>\n",
                head(png_doc, 1, 1, "body-map.png", "PNG", png.size()),
                "<figure class=\"document-page\"><img class=\"document-image\" alt=\"body-map.png\" "
                "src=\"data:image/png;base64,", absl::Base64Escape(png), "\"></figure></section>\n",
                head(pdf_doc, 2, 1, "minutes.pdf", "PDF", pdf.size()),
                "<figure class=\"document-page\"><figcaption>minutes.pdf · page 1</figcaption><img "
                "class=\"document-image\" alt=\"minutes.pdf, page 1\" src=\"data:image/png;base64,PAGE\"></figure>"
                "</section>\n",
                head(text_doc, 3, 1, "visit &lt;notes&gt;.txt", "text", text.size()),
                "<pre class=\"document-text\">Mother &amp; child &lt;b&gt;seen&lt;/b&gt;\nAll well.\n</pre>"
                "</section>\n",
                head(tiff_doc, 3, 2, "scan.tif", "TIFF", tiff.size()),
                "<p class=\"note\">Not printed: a browser cannot draw TIFF documents. Read it with <code>casefile "
                "document get cases/CF-P1/entries/3/documents/2</code> or open it in casefile-web.</p></section>\n"
                "</section>\n\n</body></html>\n"));
  // The chronology and each entry's list come first, as without the option.
  EXPECT_LT(page.find("<section class=\"chronology\">"), start);
  EXPECT_THAT(page.substr(0, start), HasSubstr(absl::StrCat("minutes.pdf · PDF · ", pdf.size(), " bytes")));

  // One recorded read per document printed, with the purpose; the TIFF was not read.
  v1::ListAuditEventsRequest request;
  request.set_kind("GetDocument");
  request.set_page_size(100);
  v1::ListAuditEventsResponse reads;
  ASSERT_TRUE(audit_->ListAuditEvents(Context(kAuditorToken).get(), request, &reads).ok());
  std::vector<std::string> read;
  for (const v1::AuditEvent& e : reads.audit_events()) {
    EXPECT_EQ(e.purpose(), "printing for the court bundle");
    EXPECT_EQ(e.outcome(), "OK");
    read.insert(read.end(), e.resources().begin(), e.resources().end());
  }
  EXPECT_THAT(read, ElementsAre(png_doc.name(), pdf_doc.name(), text_doc.name()));
  // The scratch folder that held the PDF and its page is gone.
  EXPECT_TRUE(fs::is_empty(tmp));
}

TEST_F(DocumentPrintE2eTest, WithDocumentsNeedsHtmlAndACaseWithoutDocumentsSaysSo) {
  const v1::Case c = CreateCase(NewCase("Concern for a child", "CF-P2"));
  v1::Entry note;
  note.set_kind(v1::ENTRY_KIND_NOTE);
  note.set_text("Referral received");
  Append(c.name(), note);
  const CliRun text = RunCasefileCli(*server_, "show CF-P2 --purpose 'printing' --with-documents", kInvestigatorToken);
  EXPECT_EQ(text.exit_code, 2);
  EXPECT_THAT(text.out, HasSubstr("--with-documents needs --format html"));
  const CliRun html =
      RunCasefileCli(*server_, "show CF-P2 --purpose 'printing' --format html --with-documents", kInvestigatorToken);
  ASSERT_EQ(html.exit_code, 0);
  EXPECT_THAT(html.out, ::testing::EndsWith("<section class=\"appendix\" id=\"documents\"><h2>Documents</h2><p>No entry "
                                        "printed here has a document.</p></section>\n\n</body></html>\n"));
}

}  // namespace
}  // namespace casefile::testing
