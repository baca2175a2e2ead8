// The pages of casefile-web other than the case file: sign-in, search,
// search results, the purpose form, the attention lists and plain messages.
// Server-rendered HTML with no script; every form carries its CSRF token;
// every stored or typed string is escaped.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_WEB_SITE_PAGES_H_
#define CASEFILE_WEB_SITE_PAGES_H_

#include <string>
#include <vector>

#include "casefile/v1/attention.pb.h"
#include "casefile/v1/case.pb.h"

namespace casefile::web {

// The stylesheet URL of the site's pages (served by casefile-web itself).
inline constexpr char kStylesheetPath[] = "/style.css";

// A whole page of the site: `body` under the OFFICIAL-SENSITIVE marking,
// with the site's stylesheet and running header.
std::string SitePage(const std::string& title, const std::string& body);

// The bar at the top of a signed-in page: who, links, the sign-out form.
// `may_write`: offer "Open a case"; `may_report`: offer the inspection report;
// `may_operate`: offer the review queue and the imports.
std::string NavHtml(const std::string& display_name, const std::string& csrf, bool may_write = false,
                    bool may_report = false, bool may_operate = false);

// `kept_html`: trusted hidden fields carried through the sign-in (an unsent
// form, web/kept_form.h), announced above the form.
std::string SignInPage(const std::string& csrf, const std::string& error, const std::string& kept_html = "");
std::string SearchPage(const std::string& nav, const std::string& query);
// The search box under its heading ("h1" on its own page, "h2" on the home page).
std::string SearchFormHtml(const std::string& heading_tag, const std::string& query);

// One line of search results.
struct SearchHit {
  std::string case_id;  // "CF-000001"
  std::string title;    // stored text
  std::string why;      // stored text: what matched ("Ellie WATSON born 2008-04-03")
};
std::string SearchResultsPage(const std::string& nav, const std::string& query, const std::vector<SearchHit>& hits);

// The case header and the purpose form (POST /cases/{id}).
std::string PurposePage(const std::string& nav, const v1::Case& c, const std::string& csrf, const std::string& error);

struct AttentionSection {
  std::string list_name;  // "strategy discussion overdue"
  std::vector<v1::AttentionItem> items;
};
std::string AttentionPage(const std::string& nav, const std::vector<AttentionSection>& sections);

// A page with a heading and one paragraph (not found, refused, errors).
std::string MessagePage(const std::string& nav, const std::string& heading, const std::string& message);

// "CF-1" for "cases/CF-1"; "" when `name` is not a case name.
std::string CaseIdOf(const std::string& name);

}  // namespace casefile::web

#endif  // CASEFILE_WEB_SITE_PAGES_H_
