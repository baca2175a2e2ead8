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

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "casefile/v1/case.pb.h"
#include "web/html_document.h"
#include "web/timeline_svg.h"

namespace casefile::web {

// Which part of the chronology a page shows (a case of 20,000 entries opens
// on its newest page; filters narrow it). Entries are chosen by the entry
// each chain of corrections starts from; its corrections go with it.
struct ChronologyView {
  // Only these kinds; empty: every kind.
  std::vector<v1::EntryKind> kinds;
  // Only entries that happened within [from, to] (SortKey of a partial time:
  // a year or month covers its whole span); unset ends are open.
  std::optional<long long> from, to;
  // Entries a page (0: all on one page, as printed), and which page: 0 is
  // the newest, 1 the one before it, ...
  int page_size = 0;
  int page = 0;
  // The chains of the whole case that pass the filters, when the entries
  // given are only page `page` of them (casefiled filtered and paged:
  // CaseFilePageStream); unset: the entries given are all there are.
  std::optional<int> total;
  // Trusted HTML of the way to page `page` ("Earlier entries"), made by the
  // caller (casefile-web's forms); unset: no links.
  std::function<std::string(int page, const std::string& label)> page_link;
};

struct CaseFilePageOptions {
  DocumentOptions document;  // running_header is set to the case reference
  ChronologyView view;
  // Trusted HTML put before the chronology (casefile-web's filter form).
  std::string view_html;
  // Trusted HTML put at the top of the body (casefile-web's navigation).
  std::string top_html;
  // Trusted HTML put right after the header (casefile-web's assign form).
  std::string header_html;
  // Who is reading and why, shown under the header ("Read by ... for ...");
  // stored strings, escaped. Empty: not shown.
  std::string reader;
  std::string purpose;
  // Trusted HTML put at the end of each entry (its documents); unset: nothing.
  std::function<std::string(const v1::Entry&)> entry_extra_html;
  // The page ends without closing its body: the caller appends more (the
  // documents, web/document_appendix.h) and then kHtmlDocumentEnd.
  bool body_left_open = false;
};

// The case's reference as people say it: "CF-000001" for "cases/CF-000001".
std::string CaseReference(const v1::Case& c);

// Who the case is with: "owner <strong>dc4471</strong> · team
// <strong>cait</strong>" (escaped), "no owner" / "no team" for empty ones.
std::string OwnerAndTeamHtml(const v1::Case& c);

// Builds the page from entries in any order (each rendered as it is added),
// put in time order, filtered and paged here: `casefile show --format html`
// and tests. CaseFilePage is Add(every entry) then Finish, joined.
// (casefile-web has casefiled order, filter and page: CaseFilePageStream.)
//
// Thread-compatible.
class CaseFilePageBuilder {
 public:
  // `correct_case`: a case id to give each current entry a "Correct" link
  // (casefile-web, for writers); empty for none (paper, `casefile show`).
  // `entry_extra_html` as CaseFilePageOptions'.
  explicit CaseFilePageBuilder(std::string correct_case = "",
                               std::function<std::string(const v1::Entry&)> entry_extra_html = {})
      : correct_case_(std::move(correct_case)), entry_extra_html_(std::move(entry_extra_html)) {}

  // Renders the entry's article now.
  void Add(const v1::Entry& e);
  // The whole page in order, in parts (their concatenation is the page).
  std::vector<std::string> Finish(const v1::Case& c, CaseFilePageOptions options);

 private:
  struct Rendered {
    std::string name, supersedes, superseded_by;
    long long sort_key = 0;
    int64_t number = 0;
    v1::EntryKind kind = v1::ENTRY_KIND_UNSPECIFIED;
    std::string html;
  };
  std::string correct_case_;
  std::function<std::string(const v1::Entry&)> entry_extra_html_;
  std::vector<Rendered> rendered_;
  std::vector<TimelineMark> marks_;
};

// Sends the page while the entries arrive (casefile-web): entries come in
// the page's order (GetCaseFile in time order, filtered and paged by
// casefiled), so each is sent as soon as it is rendered, a correction inside
// the group of the entry it corrects. The timeline strip, drawn from every
// entry of the page, comes after the chronology.
//
// Thread-compatible.
class CaseFilePageStream {
 public:
  // `correct_case` as CaseFilePageBuilder's.
  CaseFilePageStream(const v1::Case& c, CaseFilePageOptions options, std::string correct_case);
  // The page up to its first entry.
  std::string Head();
  // The entry's HTML, ready to send.
  std::string Add(const v1::Entry& e);
  // The rest of the page; `error` (shown, escaped) when the stream broke off.
  std::string Tail(const std::string& error);

 private:
  v1::Case case_;
  CaseFilePageOptions options_;
  std::string correct_case_;
  std::string pager_;
  std::string last_in_group_;  // name of the last entry of the open group; "" when none is open
  int shown_ = 0;
  std::vector<TimelineMark> marks_;
};

// The whole page.
std::string CaseFilePage(const v1::Case& c, const std::vector<v1::Entry>& entries, CaseFilePageOptions options);

}  // namespace casefile::web

#endif  // CASEFILE_WEB_CASE_FILE_PAGE_H_
