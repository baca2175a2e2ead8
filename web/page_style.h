// The stylesheet of casefile's pages, for the screen and for print: A4 with
// "OFFICIAL-SENSITIVE" and the case reference at the top of every printed
// page and "Page N of M" at the bottom (CSS @page margin boxes, which
// Chromium prints since version 131).
//
// Thread-safe: pure function.
#ifndef CASEFILE_WEB_PAGE_STYLE_H_
#define CASEFILE_WEB_PAGE_STYLE_H_

#include <string>

#include "absl/strings/string_view.h"

namespace casefile::web {

// The whole stylesheet; `running_header` (e.g. the case reference) is put
// into the page's margin boxes as a CSS string, escaped.
std::string PageStyle(absl::string_view running_header);

}  // namespace casefile::web

#endif  // CASEFILE_WEB_PAGE_STYLE_H_
