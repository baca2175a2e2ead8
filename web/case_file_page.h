// A whole case file as one HTML page: the header, the people, the timeline
// strip, and the chronology in time order — each time with its precision,
// each correction beside the entry it corrects, structured safeguarding
// records laid out, and every entry's legacy sources. The same page serves
// the browser (casefile-web) and paper (`casefile show --format html`, whose
// print style gives A4 pages with the marking, the reference and numbers).
//
// Every string from the store is escaped (web/html_escape.h).
//
// Thread-safe: pure function.
#ifndef CASEFILE_WEB_CASE_FILE_PAGE_H_
#define CASEFILE_WEB_CASE_FILE_PAGE_H_

#include <string>
#include <vector>

#include "casefile/v1/case.pb.h"
#include "web/html_document.h"

namespace casefile::web {

struct CaseFilePageOptions {
  DocumentOptions document;  // running_header is set to the case reference
  // Trusted HTML put at the top of the body (casefile-web's navigation).
  std::string top_html;
  // Who is reading and why, shown under the header ("Read by ... for ...");
  // stored strings, escaped. Empty: not shown.
  std::string reader;
  std::string purpose;
};

// The case's reference as people say it: "CF-000001" for "cases/CF-000001".
std::string CaseReference(const v1::Case& c);

// The body of the case file (without the document frame).
std::string CaseFileBody(const v1::Case& c, const std::vector<v1::Entry>& entries, const CaseFilePageOptions& options);
// The whole page.
std::string CaseFilePage(const v1::Case& c, const std::vector<v1::Entry>& entries, CaseFilePageOptions options);

}  // namespace casefile::web

#endif  // CASEFILE_WEB_CASE_FILE_PAGE_H_
