#include "migration/document_completeness.h"

#include "core/documents/media_type.h"
#include "gtest/gtest.h"
#include "tests/support/document_samples.h"

namespace casefile::migration {
namespace {

TEST(DocumentCompleteness, WholeFilesPass) {
  EXPECT_EQ(WhyIncompleteTail(testing::PdfWithText("a line"), kPdf), "");
  EXPECT_EQ(WhyIncompleteTail("%PDF-1.4 ... %%EOF\r\n  ", kPdf), "");
  EXPECT_EQ(WhyIncompleteTail(testing::TinyPng(), kPng), "");
  EXPECT_EQ(WhyIncompleteTail("\xFF\xD8\xFF\xE0...\xFF\xD9", kJpeg), "");
  EXPECT_EQ(WhyIncompleteTail("any text", kPlainText), "");  // no end to check
}

TEST(DocumentCompleteness, FilesCutShortAreNamedSo) {
  const std::string pdf = testing::PdfWithText("a line");
  EXPECT_EQ(WhyIncompleteTail(pdf.substr(0, pdf.size() / 2), kPdf), "truncated: a PDF ends with %%EOF");
  const std::string png = testing::TinyPng();
  EXPECT_EQ(WhyIncompleteTail(png.substr(0, png.size() - 1), kPng), "truncated: a PNG ends with its IEND chunk");
  EXPECT_EQ(WhyIncompleteTail("\xFF\xD8\xFF\xE0...", kJpeg), "truncated: a JPEG ends with its end-of-image marker");
}

}  // namespace
}  // namespace casefile::migration
