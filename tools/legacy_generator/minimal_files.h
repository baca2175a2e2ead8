// Small, valid PDF and PNG files written by hand, for the scanned documents
// of a generated folder: no library, so the importer's type detection and
// text extraction are tested against files they were not derived from.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_TOOLS_LEGACY_GENERATOR_MINIMAL_FILES_H_
#define CASEFILE_TOOLS_LEGACY_GENERATOR_MINIMAL_FILES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace casefile::legacy_generator {

// A PDF 1.4 of these objects (the first the catalog, numbered from 1), with
// a correct cross-reference table.
std::string PdfOf(const std::vector<std::string>& objects);

// A one-page PDF 1.4 whose text layer is `line` (printable ASCII, no
// parentheses or backslashes), Helvetica, with a correct cross-reference
// table, so that pdftotext reads the line back.
std::string MinimalPdf(std::string_view line);

// A `width` x `height` greyscale PNG (8 bits) whose pixels come from
// `pattern`, its image data in stored (uncompressed) deflate blocks, with
// the CRC-32 of each chunk and the Adler-32 of the zlib stream.
std::string MinimalPng(int width, int height, uint32_t pattern);

}  // namespace casefile::legacy_generator

#endif  // CASEFILE_TOOLS_LEGACY_GENERATOR_MINIMAL_FILES_H_
