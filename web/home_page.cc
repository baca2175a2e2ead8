#include "web/home_page.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "core/time/uk_instant.h"
#include "web/html_escape.h"

namespace casefile::web {
namespace {

// A table of cases under `heading`; `id` names the section for tests and links.
std::string CasesSection(const std::string& id, const std::string& heading, const std::vector<v1::Case>& cases,
                         bool more, const std::string& none) {
  std::string out = absl::StrCat("<section id=\"", id, "\" aria-labelledby=\"", id, "-title\"><h2 id=\"", id,
                                 "-title\">", HtmlEscape(heading), "</h2>");
  if (cases.empty()) return absl::StrCat(out, "<p class=\"muted\">", HtmlEscape(none), "</p></section>");
  absl::StrAppend(&out, "<table class=\"cases\"><thead><tr><th scope=\"col\">Reference</th><th scope=\"col\">Title"
                        "</th><th scope=\"col\">Team</th><th scope=\"col\">Last written</th></tr></thead><tbody>");
  for (const v1::Case& c : cases) {
    const std::string case_id = CaseIdOf(c.name());
    absl::StrAppend(&out, "<tr><td><a href=\"/cases/", HtmlEscape(case_id), "\">", HtmlEscape(case_id),
                    "</a></td><td>", HtmlEscape(c.title()), "</td><td>", HtmlEscape(c.team()), "</td><td>",
                    LastWrittenText(c), "</td></tr>");
  }
  absl::StrAppend(&out, "</tbody></table>");
  if (more) absl::StrAppend(&out, "<p class=\"muted\">Only the ", cases.size(), " most recently written are shown.</p>");
  return absl::StrCat(out, "</section>");
}

std::string AttentionSummary(const std::vector<AttentionSection>& sections) {
  std::string out = "<section id=\"attention\" aria-labelledby=\"attention-title\"><h2 id=\"attention-title\">"
                    "Needs your attention</h2>";
  std::vector<std::string> lines;
  for (const AttentionSection& s : sections) {
    if (!s.items.empty()) lines.push_back(absl::StrCat("<li>", HtmlEscape(s.list_name), ": ", s.items.size(), "</li>"));
  }
  if (lines.empty()) {
    absl::StrAppend(&out, "<p class=\"muted\">Nothing needs attention for your teams now.</p>");
  } else {
    absl::StrAppend(&out, "<ul>", absl::StrJoin(lines, ""), "</ul>");
  }
  return absl::StrCat(out, "<p><a href=\"/attention\">All attention lists</a></p></section>");
}

// The approvals waiting for the reader's teams, each linking to its form.
std::string ApprovalsSection(const HomePageData& data) {
  std::string out = "<section id=\"approvals\" aria-labelledby=\"approvals-title\"><h2 id=\"approvals-title\">"
                    "Approvals waiting</h2>";
  std::vector<std::string> rows;
  for (const AttentionSection& s : data.attention) {
    for (const v1::AttentionItem& item : s.items) {
      if (item.list() != v1::ATTENTION_LIST_APPROVALS_WAITING) continue;
      const std::string case_id = CaseIdOf(item.case_());
      const std::string request = item.entry().substr(item.entry().rfind('/') + 1);
      rows.push_back(absl::StrCat(
          "<tr><td><a href=\"/cases/", HtmlEscape(case_id), "\">", HtmlEscape(case_id), "</a></td><td>",
          HtmlEscape(item.summary()), "</td><td><a href=\"/cases/", HtmlEscape(case_id),
          "/supervision/new?step=decide&amp;entry=", HtmlEscape(request), "\" id=\"decide-", HtmlEscape(case_id), "-",
          HtmlEscape(request), "\">Approve or return<span class=\"visually-hidden\"> request ", HtmlEscape(request),
          " of ", HtmlEscape(case_id), "</span></a></td></tr>"));
    }
  }
  if (rows.empty()) {
    absl::StrAppend(&out, "<p class=\"muted\">No approval waits for your teams.</p>");
  } else {
    absl::StrAppend(&out, "<table><thead><tr><th scope=\"col\">Case</th><th scope=\"col\">Asked</th>"
                          "<th scope=\"col\">Decision</th></tr></thead><tbody>",
                    absl::StrJoin(rows, ""), "</tbody></table>");
  }
  for (const std::string& team : data.teams)
    absl::StrAppend(&out, "<p><a href=\"/tasking?team=", HtmlEscape(team), "\">Tasking agenda of ", HtmlEscape(team),
                    "</a></p>");
  return absl::StrCat(out, "</section>");
}

// An operator's work: the review queue and the imports' reports.
std::string MigrationSection() {
  return "<section id=\"migration\" aria-labelledby=\"migration-title\"><h2 id=\"migration-title\">Imports and "
         "review</h2><ul><li><a href=\"/review\" id=\"home-review\">The review queue</a>: uncertain matches "
         "waiting for a decision, the strongest evidence first</li><li><a href=\"/imports\" id=\"home-imports\">"
         "Imports</a>: each import's report and the records it could not read</li></ul></section>";
}

}  // namespace

std::string LastWrittenText(const v1::Case& c) {
  const google::protobuf::Timestamp& t = c.has_update_time() ? c.update_time() : c.create_time();
  return absl::FormatTime("%d/%m/%Y %H:%M", absl::FromUnixSeconds(t.seconds()), UkTimeZone());
}

std::string HomePage(const std::string& nav, const HomePageData& data) {
  std::string body = absl::StrCat(nav, "<h1>casefile</h1>");
  if (data.may_open_cases)
    absl::StrAppend(&body, "<p><a class=\"button\" href=\"/cases/new\" id=\"home-open-a-case\">Open a case</a></p>");
  absl::StrAppend(&body, SearchFormHtml("h2", ""));
  if (!data.user_known) {
    absl::StrAppend(&body, "<p class=\"notice\" id=\"who-unknown\">casefile-web has restarted since you signed in: "
                           "sign out and in again to see your cases here.</p>");
  } else {
    absl::StrAppend(&body, CasesSection("my-cases", "My cases", data.my_cases, data.more_mine, "No case is yours."),
                    CasesSection("team-cases",
                                 data.teams.size() == 1 ? absl::StrCat("My team's cases (", data.teams[0], ")")
                                                        : "My teams' cases",
                                 data.team_cases, data.more_team,
                                 data.teams.empty() ? "You are in no team." : "No case is with your team."));
  }
  if (data.operates) absl::StrAppend(&body, MigrationSection());
  if (data.supervises) absl::StrAppend(&body, ApprovalsSection(data));
  absl::StrAppend(&body, AttentionSummary(data.attention));
  return SitePage("Home — casefile", body);
}

}  // namespace casefile::web
