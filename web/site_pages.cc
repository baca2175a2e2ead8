#include "web/site_pages.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/util/time_util.h"
#include "web/html_document.h"
#include "web/html_escape.h"

namespace casefile::web {
namespace {

std::string CsrfField(const std::string& csrf) {
  return absl::StrCat("<input type=\"hidden\" name=\"csrf\" value=\"", HtmlEscape(csrf), "\">");
}

std::string ErrorLine(const std::string& error) {
  return error.empty() ? "" : absl::StrCat("<p class=\"error\" role=\"alert\">", HtmlEscape(error), "</p>");
}

}  // namespace

std::string SitePage(const std::string& title, const std::string& body) {
  DocumentOptions options;
  options.stylesheet_href = kStylesheetPath;
  options.running_header = "casefile";
  return HtmlDocument(title, absl::StrCat("<p class=\"marking\">OFFICIAL-SENSITIVE</p>", body), options);
}

std::string CaseIdOf(const std::string& name) {
  if (name.rfind("cases/", 0) != 0) return "";
  std::string id = name.substr(6);
  return id.find('/') == std::string::npos ? id : "";
}

std::string NavHtml(const std::string& display_name, const std::string& csrf, bool may_write, bool may_report,
                    bool may_operate) {
  return absl::StrCat("<nav class=\"top\"><a href=\"/\">Find</a><a href=\"/attention\">Attention</a>",
                      may_write ? "<a href=\"/cases/new\" id=\"open-a-case\">Open a case</a>" : "",
                      may_report ? "<a href=\"/report\" id=\"report\">Report</a>" : "",
                      may_operate ? "<a href=\"/review\" id=\"review\">Review</a><a href=\"/imports\" "
                                    "id=\"imports\">Imports</a>"
                                  : "",
                      "<span>",
                      HtmlEscape(display_name), "</span><form method=\"post\" action=\"/signout\">", CsrfField(csrf),
                      "<button type=\"submit\" id=\"signout\">Sign out</button></form></nav>");
}

std::string SignInPage(const std::string& csrf, const std::string& error, const std::string& kept_html) {
  return SitePage("Sign in — casefile",
              absl::StrCat("<h1>Sign in to casefile</h1>", ErrorLine(error),
                           kept_html.empty() ? "" : "<p class=\"notice\" id=\"kept\">You were signed out while you were "
                                                    "writing. What you typed is kept, not sent yet: sign in and it is "
                                                    "shown back to you to send.</p>",
                           "<form class=\"stack\" method=\"post\" action=\"/signin\">", CsrfField(csrf), kept_html,
                           "<label for=\"user\">User name</label><input type=\"text\" id=\"user\" name=\"user\" "
                           "autocomplete=\"username\" required autofocus>"
                           "<label for=\"password\">Password</label><input type=\"password\" id=\"password\" "
                           "name=\"password\" autocomplete=\"current-password\" required>"
                           "<p><button type=\"submit\" id=\"signin\">Sign in</button></p></form>"));
}

std::string SearchFormHtml(const std::string& heading_tag, const std::string& query) {
  return absl::StrCat("<", heading_tag, ">Find a child or a case</", heading_tag,
                      "><form class=\"stack\" method=\"get\" action=\"/search\">"
                      "<label for=\"q\">Name, date of birth (dd/mm/yyyy) or reference</label>"
                      "<input type=\"text\" id=\"q\" name=\"q\" value=\"",
                      HtmlEscape(query), "\" required><p><button type=\"submit\" id=\"find\">Find</button></p></form>");
}

std::string SearchPage(const std::string& nav, const std::string& query) {
  return SitePage("Find — casefile", absl::StrCat(nav, SearchFormHtml("h1", query)));
}

std::string SearchResultsPage(const std::string& nav, const std::string& query, const std::vector<SearchHit>& hits) {
  std::string body = absl::StrCat(nav, "<h1>Found for “", HtmlEscape(query), "”</h1>");
  if (hits.empty()) absl::StrAppend(&body, "<p id=\"no-results\">Nothing found.</p>");
  absl::StrAppend(&body, "<ul class=\"results\">");
  for (const SearchHit& h : hits)
    absl::StrAppend(&body, "<li><a href=\"/cases/", HtmlEscape(h.case_id), "\">", HtmlEscape(h.case_id), " ",
                    HtmlEscape(h.title), "</a> <span class=\"muted\">", HtmlEscape(h.why), "</span></li>");
  absl::StrAppend(&body, "</ul><p><a href=\"/\">Search again</a></p>");
  return SitePage("Found — casefile", body);
}

std::string PurposePage(const std::string& nav, const v1::Case& c, const std::string& csrf, const std::string& error) {
  const std::string id = CaseIdOf(c.name());
  return SitePage(absl::StrCat(id, " — casefile"),
              absl::StrCat(nav, "<h1>", HtmlEscape(c.title()), "</h1><p>Case ", HtmlEscape(id), " · ", c.version(),
                           " entries</p>", ErrorLine(error),
                           "<form class=\"stack\" method=\"post\" action=\"/cases/", HtmlEscape(id), "\">",
                           CsrfField(csrf),
                           "<label for=\"purpose\">Why are you looking at this case file? (recorded in the audit "
                           "trail)</label><textarea id=\"purpose\" name=\"purpose\" rows=\"2\"></textarea>"
                           "<p><button type=\"submit\" id=\"show\">Show the case file</button></p></form>"));
}

std::string AttentionPage(const std::string& nav, const std::vector<AttentionSection>& sections) {
  std::string body = absl::StrCat(nav, "<h1>Needs attention</h1>");
  for (const AttentionSection& s : sections) {
    absl::StrAppend(&body, "<section><h2>", HtmlEscape(s.list_name), " (", s.items.size(), ")</h2>");
    if (s.items.empty()) absl::StrAppend(&body, "<p class=\"muted\">None.</p>");
    absl::StrAppend(&body, "<ul>");
    for (const v1::AttentionItem& item : s.items) {
      const std::string id = CaseIdOf(item.case_());
      absl::StrAppend(&body, "<li><a href=\"/cases/", HtmlEscape(id), "\">", HtmlEscape(item.entry()), "</a>",
                      item.action() != 0 ? absl::StrCat(" action ", item.action()) : "", " · due ",
                      google::protobuf::util::TimeUtil::ToString(item.due_time()), " · ", HtmlEscape(item.child()));
      if (!item.teams().empty()) absl::StrAppend(&body, " · for ", HtmlEscape(absl::StrJoin(item.teams(), ", ")));
      if (item.from_import()) absl::StrAppend(&body, " · imported record");
      absl::StrAppend(&body, "<br><span class=\"muted\">", HtmlEscape(item.summary()), "</span></li>");
    }
    absl::StrAppend(&body, "</ul></section>");
  }
  return SitePage("Attention — casefile", body);
}

std::string MessagePage(const std::string& nav, const std::string& heading, const std::string& message) {
  return SitePage(heading, absl::StrCat(nav, "<h1>", HtmlEscape(heading), "</h1><p id=\"message\">", HtmlEscape(message), "</p>"));
}

}  // namespace casefile::web
