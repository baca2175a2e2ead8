// Media types decided from content (core/documents/media_type.h) and the
// text kept for search (migration/document_text.h).
#include <fstream>

#include "core/documents/media_type.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "migration/document_text.h"
#include "tests/support/document_samples.h"

using namespace std::string_literals;

namespace casefile {
namespace {

using ::testing::HasSubstr;

// The type of `content` sent in chunks of `chunk` bytes.
absl::StatusOr<std::string> TypeOf(const std::string& content, size_t chunk = 3) {
  ContentProbe probe;
  for (size_t at = 0; at < content.size(); at += chunk) probe.Add(absl::string_view(content).substr(at, chunk));
  probe.Finish();
  return DecideMediaType(probe, ZipHoldsWordDocument(content));
}

TEST(DocumentTypeTest, EachKeptTypeIsKnownByItsMagicBytes) {
  EXPECT_EQ(*TypeOf(testing::PdfWithText("x")), kPdf);
  EXPECT_EQ(*TypeOf(testing::TinyPng()), kPng);
  EXPECT_EQ(*TypeOf(std::string("\xFF\xD8\xFF\xDB", 4)), kJpeg);
  EXPECT_EQ(*TypeOf(std::string("MM\0*", 4)), kTiff);
  EXPECT_EQ(*TypeOf(testing::DocxWithText("minutes")), kDocx);
}

TEST(DocumentTypeTest, TextIsValidUtf8WithoutNulWhereverTheChunksCutIt) {
  const std::string text = "Café visit — “bruise” noted 😟\n";
  for (size_t chunk = 1; chunk <= 5; ++chunk) {
    SCOPED_TRACE(chunk);
    EXPECT_EQ(*TypeOf(text, chunk), kPlainText);
  }
  EXPECT_THAT(TypeOf("a\0b"s).status().message(), HasSubstr("unknown binary"));
  EXPECT_THAT(TypeOf("caf\xE9").status().message(), HasSubstr("unknown binary"));     // Latin-1, not UTF-8
  EXPECT_THAT(TypeOf("cut \xE2\x80").status().message(), HasSubstr("unknown binary"));  // ends mid-character
}

TEST(DocumentTypeTest, MarkupAndOtherTypesAreRefusedNamingWhatTheyAre) {
  EXPECT_EQ(TypeOf(testing::HtmlWithScript()).status().message(),
            "content: HTML is not a document type casefile keeps (PDF, JPEG, PNG, TIFF, DOCX or plain text)");
  EXPECT_THAT(TypeOf("\xEF\xBB\xBF  \n<script>alert(1)</script>").status().message(), HasSubstr("HTML"));
  EXPECT_THAT(TypeOf(testing::SvgWithScript()).status().message(), HasSubstr("SVG"));
  EXPECT_THAT(TypeOf("<?xml version=\"1.0\"?><svg/>").status().message(), HasSubstr("SVG"));
  EXPECT_THAT(TypeOf("<?xml version=\"1.0\"?><note/>").status().message(), HasSubstr("XML"));
  EXPECT_THAT(TypeOf(testing::PlainZip()).status().message(), HasSubstr("ZIP"));
  EXPECT_THAT(TypeOf("GIF89a\x01\0\x01\0\x80\0\0"s).status().message(), HasSubstr("GIF"));
  EXPECT_THAT(TypeOf("").status().message(), HasSubstr("an empty file"));
  EXPECT_EQ(TypeOf("PK\x03\x04 not really a zip").status().message(),
            "content: ZIP is not a document type casefile keeps (PDF, JPEG, PNG, TIFF, DOCX or plain text)");
}

TEST(DocumentTextTest, TextDocxAndPdfGiveTheirTextAndImagesNone) {
  const std::string dir = ::testing::TempDir();
  auto text_of = [&](const std::string& content, const char* type) {
    const std::string path = dir + "/document";
    std::ofstream(path, std::ios::binary) << content;
    auto text = migration::ExtractDocumentText(path, type);
    EXPECT_TRUE(text.ok()) << text.status();
    return text.value_or("");
  };
  EXPECT_EQ(text_of("Home visit\n", kPlainText), "Home visit\n");
  EXPECT_EQ(text_of(testing::DocxWithText("Section 47 enquiry agreed"), kDocx), "Section 47 enquiry agreed\n");
  EXPECT_THAT(text_of(testing::PdfWithText("Referral from school"), kPdf), HasSubstr("Referral from school"));
  EXPECT_EQ(text_of("%PDF-1.4 damaged beyond reading", kPdf), "");
  EXPECT_EQ(text_of(testing::TinyPng(), kPng), "");
}

TEST(DocumentTextTest, KeptTextIsCutOnACharacterBoundary) {
  const std::string path = ::testing::TempDir() + "/long";
  std::ofstream(path, std::ios::binary) << "ab\xC3\xA9" "cd";  // "abécd"
  auto text = migration::ExtractDocumentText(path, kPlainText, {.max_text_bytes = 3});
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text, "ab");
}

}  // namespace
}  // namespace casefile
