#include "tools/legacy_generator/docx_document.h"

#include <zip.h>

#include <memory>

#include "absl/strings/str_cat.h"
#include "tools/legacy_generator/absl_view.h"

namespace casefile::legacy_generator {
namespace {

constexpr std::string_view kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>)"
    R"(</Types>)";
constexpr std::string_view kRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>)"
    R"(</Relationships>)";
constexpr std::string_view kDocumentHead =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>)";
constexpr std::string_view kDocumentTail = "<w:sectPr/></w:body></w:document>";
// 2012-01-01 00:00 UTC: any fixed time keeps the zip bytes reproducible.
constexpr time_t kFixedMtime = 1325376000;

void AppendEscaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out.push_back(c);
    }
  }
}

void AppendParagraph(std::string& out, std::string_view text) {
  out += R"(<w:p><w:r><w:t xml:space="preserve">)";
  AppendEscaped(out, text);
  out += "</w:t></w:r></w:p>";
}

struct ZipDiscarder {
  void operator()(zip_t* z) const { zip_discard(z); }
};

}  // namespace

DocxDocument::DocxDocument() { body_.reserve(16384); }

void DocxDocument::CloseTable() {
  if (in_table_) body_ += "</w:tbl>";
  in_table_ = false;
}

void DocxDocument::AddParagraph(std::string_view text) {
  CloseTable();
  AppendParagraph(body_, text);
}

void DocxDocument::AddTableRow(const std::vector<std::vector<std::string>>& cells, bool header) {
  if (!in_table_) {
    body_ += R"(<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/></w:tblPr><w:tblGrid>)";
    for (size_t i = 0; i < cells.size(); ++i) body_ += R"(<w:gridCol w:w="4500"/>)";
    body_ += "</w:tblGrid>";
    in_table_ = true;
  }
  body_ += header ? R"(<w:tr><w:trPr><w:tblHeader/></w:trPr>)" : "<w:tr>";
  for (const std::vector<std::string>& cell : cells) {
    body_ += "<w:tc>";
    // A cell must hold at least one paragraph.
    if (cell.empty()) AppendParagraph(body_, "");
    for (const std::string& paragraph : cell) AppendParagraph(body_, paragraph);
    body_ += "</w:tc>";
  }
  body_ += "</w:tr>";
}

absl::Status DocxDocument::Save(const std::filesystem::path& path) const {
  const std::string document =
      absl::StrCat(Av(kDocumentHead), body_, in_table_ ? "</w:tbl>" : "", Av(kDocumentTail));
  int error = 0;
  std::unique_ptr<zip_t, ZipDiscarder> zip(
      zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error));
  if (zip == nullptr) {
    return absl::UnavailableError(absl::StrCat("cannot create ", path.string()));
  }
  const std::pair<const char*, std::string_view> parts[] = {{"[Content_Types].xml", kContentTypes},
                                                            {"_rels/.rels", kRels},
                                                            {"word/document.xml", document}};
  for (const auto& [name, data] : parts) {
    // libzip reads the buffer at zip_close, while `document` is still alive.
    zip_source_t* source = zip_source_buffer(zip.get(), data.data(), data.size(), 0);
    const zip_int64_t index =
        source == nullptr ? -1 : zip_file_add(zip.get(), name, source, ZIP_FL_ENC_UTF_8);
    if (index < 0) {
      if (source != nullptr) zip_source_free(source);
      return absl::InternalError(absl::StrCat("cannot add ", name, " to ", path.string()));
    }
    zip_file_set_mtime(zip.get(), index, kFixedMtime, 0);
    zip_set_file_compression(zip.get(), index, ZIP_CM_DEFLATE, 1);
  }
  if (zip_close(zip.get()) != 0) {
    return absl::UnavailableError(
        absl::StrCat("cannot write ", path.string(), ": ", zip_strerror(zip.get())));
  }
  zip.release();  // zip_close freed it
  return absl::OkStatus();
}

}  // namespace casefile::legacy_generator
