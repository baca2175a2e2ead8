#include "web/person_file_page.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/util/time_util.h"
#include "web/html_document.h"
#include "web/html_escape.h"
#include "web/record_html.h"
#include "web/site_pages.h"
#include "web/words.h"

namespace casefile::web {
namespace {

std::string FullName(const v1::Person& p) {
  return absl::StrCat(p.forename(), p.forename().empty() || p.surname().empty() ? "" : " ", p.surname());
}

// "Ellie WATSON, born 3 April 2008 (day)", escaped.
std::string Heading(const v1::Person& p) {
  return absl::StrCat("<h1>", HtmlEscape(FullName(p)), "</h1><p>Person ", HtmlEscape(PersonIdOf(p.name())),
                      " · born ", TimeText(p.date_of_birth()), " <span class=\"precision\">(",
                      PrecisionWord(p.date_of_birth()), ")</span></p>");
}

std::string CaseLink(const std::string& case_name, const std::string& text) {
  return absl::StrCat("<a href=\"/cases/", HtmlEscape(CaseIdOf(case_name)), "\">", HtmlEscape(text), "</a>");
}

std::string CasesSection(const v1::PersonFile& file) {
  std::string out = absl::StrCat("<section><h2>Cases (", file.cases_size(), ")</h2>");
  if (file.cases().empty()) absl::StrAppend(&out, "<p class=\"muted\">No case you may see names this person.</p>");
  absl::StrAppend(&out, "<ul id=\"person-cases\">");
  for (const v1::Case& c : file.cases()) {
    absl::StrAppend(&out, "<li>", CaseLink(c.name(), CaseIdOf(c.name())), " ", HtmlEscape(c.title()));
    if (!c.legacy_refs().empty())
      absl::StrAppend(&out, " <span class=\"muted\">refs ", HtmlEscape(absl::StrJoin(c.legacy_refs(), ", ")), "</span>");
    if (c.has_restriction()) absl::StrAppend(&out, " <span class=\"muted\">(restricted)</span>");
    absl::StrAppend(&out, "</li>");
  }
  absl::StrAppend(&out, "</ul></section>\n");
  return out;
}

std::string RecordsSection(const v1::PersonFile& file) {
  std::string out = absl::StrCat("<section><h2>Safeguarding records, in the order they happened (",
                                 file.records_size(), ")</h2>");
  if (file.records().empty()) absl::StrAppend(&out, "<p class=\"muted\">None.</p>");
  for (const v1::Entry& e : file.records()) {
    const std::string case_name = e.name().substr(0, e.name().find("/entries/"));
    absl::StrAppend(&out, "<article class=\"entry\"><h3>", TimeText(e.occur_time()), " · ", HtmlEscape(KindWord(e.kind())),
                    " · ", CaseLink(case_name, absl::StrCat(CaseIdOf(case_name), " #", e.number())), "</h3>");
    absl::StrAppend(&out, "<p class=\"muted\">by ",
                    HtmlEscape(e.author_display_name().empty() ? e.author() : e.author_display_name()),
                    e.sources().empty() ? "" : " · imported record", "</p><div class=\"text\">",
                    HtmlEscape(e.text()), "</div>", RecordHtml(e), "</article>");
  }
  absl::StrAppend(&out, "</section>\n");
  return out;
}

std::string AttentionItemsSection(const v1::PersonFile& file) {
  std::string out = absl::StrCat("<section><h2>Needs attention (", file.attention_items_size(), ")</h2>");
  if (file.attention_items().empty()) absl::StrAppend(&out, "<p class=\"muted\">None.</p>");
  absl::StrAppend(&out, "<ul>");
  for (const v1::AttentionItem& item : file.attention_items()) {
    absl::StrAppend(&out, "<li>", HtmlEscape(EnumWord(v1::AttentionList_Name(item.list()), "ATTENTION_LIST_")), ": ",
                    CaseLink(item.case_(), item.entry()), " · due ",
                    google::protobuf::util::TimeUtil::ToString(item.due_time()));
    if (!item.teams().empty()) absl::StrAppend(&out, " · for ", HtmlEscape(absl::StrJoin(item.teams(), ", ")));
    absl::StrAppend(&out, "<br><span class=\"muted\">", HtmlEscape(item.summary()), "</span></li>");
  }
  absl::StrAppend(&out, "</ul></section>\n");
  return out;
}

std::string SourcesSection(const v1::Person& p) {
  std::string out = absl::StrCat("<section><h2>Legacy records (", p.sources_size(), ")</h2><ul>");
  for (const v1::PersonSource& s : p.sources()) {
    absl::StrAppend(&out, "<li><span class=\"ref\">", HtmlEscape(s.locator()), "</span>");
    if (!s.nominal_ref().empty()) absl::StrAppend(&out, " · nominal ", HtmlEscape(s.nominal_ref()));
    if (!s.import().empty()) absl::StrAppend(&out, " · from ", HtmlEscape(s.import()));
    absl::StrAppend(&out, "<br><span class=\"muted\">", HtmlEscape(s.as_written()), "</span></li>");
  }
  absl::StrAppend(&out, "</ul></section>\n");
  return out;
}

}  // namespace

std::string PersonIdOf(const std::string& name) {
  if (name.rfind("persons/", 0) != 0) return "";
  std::string id = name.substr(8);
  return id.find('/') == std::string::npos ? id : "";
}

std::string PersonPurposePage(const std::string& nav, const v1::Person& p, const std::string& csrf,
                              const std::string& error) {
  const std::string id = PersonIdOf(p.name());
  return SitePage(absl::StrCat(FullName(p), " — casefile"),
              absl::StrCat(nav, Heading(p),
                           error.empty() ? "" : absl::StrCat("<p class=\"error\" role=\"alert\">", HtmlEscape(error), "</p>"),
                           "<form class=\"stack\" method=\"post\" action=\"/persons/", HtmlEscape(id), "\">",
                           "<input type=\"hidden\" name=\"csrf\" value=\"", HtmlEscape(csrf), "\">",
                           "<label for=\"purpose\">Why are you looking at this person's records? (recorded in the "
                           "audit trail)</label><textarea id=\"purpose\" name=\"purpose\" rows=\"2\"></textarea>"
                           "<p><button type=\"submit\" id=\"show\">Show the person's file</button></p></form>"));
}

std::string PersonFilePage(const std::string& nav, const v1::PersonFile& file, const std::string& reader,
                           const std::string& purpose) {
  const v1::Person& p = file.person();
  std::string body = absl::StrCat(nav, Heading(p));
  if (!p.name_variants().empty())
    absl::StrAppend(&body, "<p>Named as: ", HtmlEscape(absl::StrJoin(p.name_variants(), "; ")), "</p>");
  if (!p.addresses().empty())
    absl::StrAppend(&body, "<p>Addresses: ", HtmlEscape(absl::StrJoin(p.addresses(), "; ")), "</p>");
  absl::StrAppend(&body, "<p class=\"muted\">Read", reader.empty() ? "" : " by ", HtmlEscape(reader), " for: ",
                  HtmlEscape(purpose), "</p>", CasesSection(file), RecordsSection(file), AttentionItemsSection(file),
                  SourcesSection(p));
  return SitePage(absl::StrCat(FullName(p), " — casefile"), body);
}

}  // namespace casefile::web
