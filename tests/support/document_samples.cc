#include "tests/support/document_samples.h"

#include <openssl/sha.h>
#include <zip.h>

#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "tools/legacy_generator/minimal_files.h"

namespace casefile::testing {
namespace {

// A zip archive of (name, content) parts, made in memory.
std::string ZipOf(const std::vector<std::pair<std::string, std::string>>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(buffer);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  for (const auto& [name, content] : parts) {
    zip_source_t* part = zip_source_buffer(archive, content.data(), content.size(), 0);
    zip_file_add(archive, name.c_str(), part, ZIP_FL_ENC_UTF_8);
  }
  zip_close(archive);
  zip_source_open(buffer);
  zip_source_seek(buffer, 0, SEEK_END);
  const zip_int64_t size = zip_source_tell(buffer);
  zip_source_seek(buffer, 0, SEEK_SET);
  std::string bytes(static_cast<size_t>(size), '\0');
  zip_source_read(buffer, bytes.data(), static_cast<zip_uint64_t>(size));
  zip_source_close(buffer);
  zip_source_free(buffer);
  zip_error_fini(&error);
  return bytes;
}

}  // namespace

std::string PdfWithText(const std::string& line) {
  const std::string stream = absl::StrCat("BT /F1 12 Tf 72 720 Td (", line, ") Tj ET");
  return legacy_generator::PdfOf({
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> "
      "/Contents 4 0 R >>",
      absl::StrCat("<< /Length ", stream.size(), " >>\nstream\n", stream, "\nendstream"),
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  });
}

std::string PdfWithBlankPages(int pages) {
  std::vector<std::string> objects = {"<< /Type /Catalog /Pages 2 0 R >>", ""};
  std::string kids;
  for (int p = 0; p < pages; ++p) {
    absl::StrAppend(&kids, 3 + p, " 0 R ");
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
  }
  objects[1] = absl::StrCat("<< /Type /Pages /Kids [", kids, "] /Count ", pages, " >>");
  return legacy_generator::PdfOf(objects);
}

std::string DocxWithText(const std::string& paragraph) {
  const std::string xml = absl::StrCat(
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
      "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
      "<w:p><w:r><w:t>",
      paragraph, "</w:t></w:r></w:p></w:body></w:document>");
  return ZipOf({{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", xml}});
}

std::string PlainZip() { return ZipOf({{"notes.txt", "not a word document"}}); }

std::string TinyPng() {
  return absl::HexStringToBytes(
      "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
      "1f15c4890000000d4944415478da63f8cfc0f01f0005000200a1e2d1b60000000049454e44ae426082");
}

std::string HtmlWithScript() {
  return "<!DOCTYPE html>\n<html><body><script>alert(document.cookie)</script>Referral</body></html>\n";
}

std::string SvgWithScript() {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script><circle r=\"4\"/></svg>\n";
}

std::string Sha256Hex(const std::string& bytes) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), digest);
  return absl::BytesToHexString(absl::string_view(reinterpret_cast<const char*>(digest), sizeof(digest)));
}

}  // namespace casefile::testing
