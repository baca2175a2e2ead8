// See docx_body.h. libzip reads the archive from a memory buffer; pugixml
// parses the part. Element names are compared without their namespace
// prefix ("w:p" and "p" alike), which is how every Word version writes them
// in practice whatever the prefix.
#include "migration/readers/docx_body.h"

#include <zip.h>

#include <cstring>
#include <memory>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "migration/readers/text_decoding.h"
#include "pugixml.hpp"

namespace casefile::migration {
namespace {

constexpr zip_uint64_t kMaxDocumentBytes = 64 << 20;
// Tables inside tables inside content controls: deeper than this is read as
// flat text (no recursion on hostile input).
constexpr int kMaxNesting = 16;

struct ZipDiscard {
  void operator()(zip_t* z) const { zip_discard(z); }
};
struct ZipFileClose {
  void operator()(zip_file_t* f) const { zip_fclose(f); }
};

// word/document.xml of an opened archive, up to `max_bytes`.
absl::StatusOr<std::string> ReadDocumentXml(std::unique_ptr<zip_t, ZipDiscard> archive, size_t max_bytes) {
  const zip_int64_t index = zip_name_locate(archive.get(), "word/document.xml", ZIP_FL_NOCASE);
  if (index < 0) return absl::InvalidArgumentError("a zip archive without word/document.xml");
  std::unique_ptr<zip_file_t, ZipFileClose> part(zip_fopen_index(archive.get(), index, 0));
  if (part == nullptr) {
    return absl::InvalidArgumentError(std::string("word/document.xml cannot be read (") +
                                      zip_strerror(archive.get()) + ")");
  }
  // The size in the directory may lie: read until the end, up to the cap.
  std::string xml;
  char buffer[64 * 1024];
  while (true) {
    const zip_int64_t n = zip_fread(part.get(), buffer, sizeof(buffer));
    if (n < 0) {
      return absl::InvalidArgumentError(std::string("word/document.xml cannot be read (") +
                                        zip_file_strerror(part.get()) + ")");
    }
    if (n == 0) break;
    if (xml.size() + static_cast<zip_uint64_t>(n) > max_bytes) {
      return absl::InvalidArgumentError(absl::StrCat("word/document.xml is larger than ", max_bytes, " bytes"));
    }
    xml.append(buffer, static_cast<size_t>(n));
  }
  return xml;
}

absl::StatusOr<std::string> ReadDocumentXml(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    return absl::InvalidArgumentError("not a readable zip archive");
  }
  std::unique_ptr<zip_t, ZipDiscard> archive(zip_open_from_source(source, ZIP_RDONLY, &error));
  if (archive == nullptr) {
    zip_source_free(source);  // not taken over by a failed open
    std::string reason = std::string("not a readable zip archive (") + zip_error_strerror(&error) + ")";
    zip_error_fini(&error);
    return absl::InvalidArgumentError(reason);
  }
  zip_error_fini(&error);
  return ReadDocumentXml(std::move(archive), kMaxDocumentBytes);
}

std::string_view LocalName(const pugi::xml_node& node) {
  std::string_view name = node.name();
  const size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// Appends the text under `root` in document order, without recursion.
void AppendText(const pugi::xml_node& root, std::string& out) {
  pugi::xml_node n = root.first_child();
  while (n && n != root) {
    bool descend = false;
    if (n.type() == pugi::node_element) {
      std::string_view name = LocalName(n);
      if (name == "t") {
        for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
          if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out.append(c.value());
        }
      } else if (name == "tab") {
        out.push_back('\t');
      } else if (name == "br" || name == "cr") {
        out.push_back('\n');
      } else if (name == "noBreakHyphen") {
        out.push_back('-');
      } else if (name == "p" && n != root && !out.empty() && out.back() != '\n') {
        out.push_back('\n');  // a paragraph nested deeper (a text box, a deep table)
        descend = true;
      } else {
        // Deleted text (delText), field codes (instrText) and properties hold
        // no w:t of the visible text; descending into them finds nothing.
        descend = name != "delText" && name != "instrText";
      }
    }
    if (descend && n.first_child()) {
      n = n.first_child();
      continue;
    }
    while (n != root && !n.next_sibling()) n = n.parent();
    if (n != root) n = n.next_sibling();
  }
}

void ReadBlocks(const pugi::xml_node& container, int depth, std::vector<DocxBlock>& out);

std::string CellText(const pugi::xml_node& cell, int depth) {
  std::vector<DocxBlock> blocks;
  ReadBlocks(cell, depth + 1, blocks);
  std::string text;
  for (const DocxBlock& b : blocks) {
    if (!b.is_table) {
      if (!text.empty()) text.push_back('\n');
      text.append(b.paragraph);
      continue;
    }
    for (const auto& row : b.table_rows) {
      for (const std::string& c : row) {
        if (!text.empty()) text.push_back('\n');
        text.append(c);
      }
    }
  }
  return text;
}

DocxBlock ReadTable(const pugi::xml_node& table, int depth) {
  DocxBlock block;
  block.is_table = true;
  for (pugi::xml_node tr = table.first_child(); tr; tr = tr.next_sibling()) {
    if (LocalName(tr) != "tr") continue;
    std::vector<std::string>& row = block.table_rows.emplace_back();
    for (pugi::xml_node tc = tr.first_child(); tc; tc = tc.next_sibling()) {
      if (LocalName(tc) == "tc") row.push_back(RepairUtf8(CellText(tc, depth)));
    }
  }
  return block;
}

// Paragraphs and tables that are children of `container` (a body, a cell, a
// content control), in order.
void ReadBlocks(const pugi::xml_node& container, int depth, std::vector<DocxBlock>& out) {
  for (pugi::xml_node n = container.first_child(); n; n = n.next_sibling()) {
    if (n.type() != pugi::node_element) continue;
    std::string_view name = LocalName(n);
    if (name == "p" || depth >= kMaxNesting) {
      DocxBlock& b = out.emplace_back();
      AppendText(n, b.paragraph);
      b.paragraph = RepairUtf8(b.paragraph);
    } else if (name == "tbl") {
      out.push_back(ReadTable(n, depth));
    } else if (name == "sdt" || name == "sdtContent" || name == "customXml" ||
               name == "smartTag" || name == "ins") {
      ReadBlocks(n, depth + 1, out);
    }
  }
}

}  // namespace

absl::StatusOr<std::vector<DocxBlock>> ReadDocxBody(std::string_view bytes) {
  absl::StatusOr<std::string> xml = ReadDocumentXml(bytes);
  if (!xml.ok()) return xml.status();
  return ParseDocumentXml(*std::move(xml));
}

absl::StatusOr<std::vector<DocxBlock>> ReadDocxFileBody(const std::string& path, size_t max_xml_bytes) {
  int error = 0;
  std::unique_ptr<zip_t, ZipDiscard> archive(zip_open(path.c_str(), ZIP_RDONLY, &error));
  if (archive == nullptr) return absl::InvalidArgumentError("not a readable zip archive");
  absl::StatusOr<std::string> xml = ReadDocumentXml(std::move(archive), max_xml_bytes);
  if (!xml.ok()) return xml.status();
  return ParseDocumentXml(*std::move(xml));
}

absl::StatusOr<std::vector<DocxBlock>> ParseDocumentXml(std::string xml) {
  pugi::xml_document doc;
  // parse_ws_pcdata_single keeps a lone space in <w:t xml:space="preserve"> </w:t>.
  const pugi::xml_parse_result parsed =
      doc.load_buffer_inplace(xml.data(), xml.size(),
                              pugi::parse_default | pugi::parse_ws_pcdata_single,
                              pugi::encoding_utf8);
  if (!parsed) {
    return absl::InvalidArgumentError(std::string("word/document.xml is not well-formed XML (") +
                                      parsed.description() + ")");
  }
  pugi::xml_node body;
  for (pugi::xml_node n = doc.document_element().first_child(); n; n = n.next_sibling()) {
    if (LocalName(n) == "body") body = n;
  }
  if (!body) return absl::InvalidArgumentError("word/document.xml has no body");
  std::vector<DocxBlock> blocks;
  ReadBlocks(body, 0, blocks);
  return blocks;
}

}  // namespace casefile::migration
