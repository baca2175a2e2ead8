// The pages of a PDF drawn as PNG images, for a printed case file: poppler's
// `pdftoppm` run as a child process with no shell, its standard streams
// closed to it, a time limit, and a cap on the pages drawn and on their size
// (the long side of each page in pixels, whatever size the PDF says its pages
// are). It writes into a folder the caller owns (client/scratch_folder.h).
//
// Thread-safe.
#ifndef CASEFILE_CLIENT_PDF_PAGE_IMAGES_H_
#define CASEFILE_CLIENT_PDF_PAGE_IMAGES_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace casefile::client {

struct PdfPageImageOptions {
  std::string pdftoppm = "/usr/bin/pdftoppm";
  // At most this many pages are drawn (the first ones).
  int max_pages = 30;
  // The long side of a page in pixels: 1,170 is an A4 page at 100 dpi
  // (827 x 1,170), and bounds a page that claims to be a metre long.
  int long_side_pixels = 1170;
  // pdftoppm is stopped after this long, and nothing it drew is used.
  absl::Duration timeout = absl::Seconds(60);
};

struct PdfPageImages {
  std::vector<std::string> paths;  // page 1, 2, ... as PNG files in the folder
  bool more_pages = false;         // the PDF has pages beyond max_pages
};

// Draws the PDF at `pdf_path` into `folder` (files `page-N.png`).
// DeadlineExceeded after the time limit; Internal when pdftoppm cannot be
// run or fails (a damaged PDF).
absl::StatusOr<PdfPageImages> DrawPdfPages(const std::string& pdf_path, const std::string& folder,
                                           const PdfPageImageOptions& options = {});

}  // namespace casefile::client

#endif  // CASEFILE_CLIENT_PDF_PAGE_IMAGES_H_
