// Test support: small documents of each kind casefile keeps, and of kinds it
// refuses, made in memory (no fixtures to keep in step).
//
// Thread-safe: pure functions.
#ifndef CASEFILE_TESTS_SUPPORT_DOCUMENT_SAMPLES_H_
#define CASEFILE_TESTS_SUPPORT_DOCUMENT_SAMPLES_H_

#include <string>

namespace casefile::testing {

// A one-page US Letter PDF whose text layer is `line` (ASCII), written by
// the generator's PdfOf (tools/legacy_generator/minimal_files.h).
std::string PdfWithText(const std::string& line);
// A PDF of `pages` blank A4 pages (595 x 842 points).
std::string PdfWithBlankPages(int pages);
// A DOCX (zip holding word/document.xml) of one paragraph, `paragraph` (XML-safe text).
std::string DocxWithText(const std::string& paragraph);
// A zip archive that is not a DOCX.
std::string PlainZip();
// A valid 1x1 PNG.
std::string TinyPng();
// An HTML page with a script, and an SVG with a script.
std::string HtmlWithScript();
std::string SvgWithScript();
// Lower-case hex SHA-256 of `bytes`.
std::string Sha256Hex(const std::string& bytes);

}  // namespace casefile::testing

#endif  // CASEFILE_TESTS_SUPPORT_DOCUMENT_SAMPLES_H_
