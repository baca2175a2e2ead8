#include "web/tasking_page.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "core/time/uk_instant.h"
#include "web/form_html.h"
#include "web/html_escape.h"
#include "web/site_pages.h"

namespace casefile::web {
namespace {

std::string UkTime(const google::protobuf::Timestamp& t) {
  return absl::FormatTime("%d/%m/%Y %H:%M", absl::FromUnixSeconds(t.seconds()), UkTimeZone());
}

std::string CaseLink(const std::string& name) {
  const std::string id = CaseIdOf(name);
  return absl::StrCat("<a href=\"/cases/", HtmlEscape(id), "\">", HtmlEscape(id), "</a>");
}

// A part of the agenda: its heading, and a table or the words for none. A
// part longer than casefiled sends says so (`total` its lines in all).
std::string Part(const std::string& id, const std::string& heading, const std::vector<std::string>& columns,
                 const std::vector<std::string>& rows, int64_t total, const std::string& none) {
  std::string out = absl::StrCat("<section aria-labelledby=\"", id, "\"><h2 id=\"", id, "\">", HtmlEscape(heading),
                                 " (", rows.size(), ")</h2>");
  if (total > static_cast<int64_t>(rows.size()))
    absl::StrAppend(&out, "<p class=\"notice\" id=\"", id, "-cut\">The first ", rows.size(), " of ", total,
                    " are shown.</p>");
  if (rows.empty()) return absl::StrCat(out, "<p class=\"muted\">", HtmlEscape(none), "</p></section>");
  absl::StrAppend(&out, "<table><thead><tr>");
  for (const std::string& c : columns) absl::StrAppend(&out, "<th scope=\"col\">", HtmlEscape(c), "</th>");
  return absl::StrCat(out, "</tr></thead><tbody>", absl::StrJoin(rows, ""), "</tbody></table></section>");
}

std::string Agenda(const v1::Tasking& t) {
  std::vector<std::string> came_in, approvals, attention, quiet;
  for (const auto& c : t.written_since())
    came_in.push_back(absl::StrCat("<tr><td>", CaseLink(c.case_()), "</td><td>", HtmlEscape(c.title()), "</td><td>",
                                   c.new_entries(), c.opened_since() ? " (opened)" : "", "</td><td>",
                                   HtmlEscape(c.owner()), "</td></tr>"));
  for (const auto& a : t.approvals_waiting()) {
    const std::string id = CaseIdOf(a.request().substr(0, a.request().find("/entries/")));
    const std::string n = a.request().substr(a.request().rfind('/') + 1);
    approvals.push_back(absl::StrCat(
        "<tr><td>", CaseLink(absl::StrCat("cases/", id)), "</td><td>", HtmlEscape(a.text()), "</td><td>",
        HtmlEscape(a.requester()), ", ", UkTime(a.request_time()), "</td><td class=\"no-print\"><a href=\"/cases/",
        HtmlEscape(id), "/supervision/new?step=decide&amp;entry=", HtmlEscape(n), "\">Approve or return"
        "<span class=\"visually-hidden\"> request ", HtmlEscape(n), " of ", HtmlEscape(id), "</span></a></td></tr>"));
  }
  for (const auto& a : t.needs_attention())
    attention.push_back(absl::StrCat("<tr><td>", CaseLink(a.case_()), "</td><td>", HtmlEscape(a.list()), "</td><td>",
                                     HtmlEscape(a.summary()), "</td><td>", UkTime(a.due_time()), "</td></tr>"));
  for (const auto& c : t.quiet())
    quiet.push_back(absl::StrCat("<tr><td>", CaseLink(c.case_()), "</td><td>", HtmlEscape(c.title()), "</td><td>",
                                 UkTime(c.update_time()), "</td><td>", HtmlEscape(c.owner()), "</td></tr>"));
  return absl::StrCat(
      "<p id=\"agenda-since\">Since ", UkTime(t.since_time()),
      t.has_last_held_time() ? " (the last meeting)" : "", "; printed ", UkTime(t.read_time()), ".</p>",
      Part("came-in", "Came in since", {"Case", "Title", "New entries", "Owner"}, came_in,
           t.written_since_total(), "No case of the team was written since."),
      Part("approvals-waiting", "Approvals waiting", {"Case", "Asked", "By", "Decision"}, approvals,
           t.approvals_waiting_total(), "No approval waits."),
      Part("needs-attention", "Needs attention", {"Case", "List", "What", "Due"}, attention, t.needs_attention_total(),
           "Nothing is due."),
      Part("quiet", absl::StrCat("No entry for ", t.quiet_days(), " days"), {"Case", "Title", "Last written", "Owner"},
           quiet, t.quiet_total(), "Every open case was written to recently."));
}

}  // namespace

std::string TaskingPage(const std::string& nav, const std::string& csrf, const TaskingPageData& d) {
  const std::string team = d.has_agenda ? d.agenda.team() : "";
  std::string body = absl::StrCat(nav, "<h1>Tasking", team.empty() ? "" : absl::StrCat(": team ", HtmlEscape(team)),
                                  "</h1>");
  std::vector<Choice> teams;
  for (const std::string& t : d.teams) teams.push_back({t, t});
  absl::StrAppend(&body, "<form class=\"stack no-print\" method=\"get\" action=\"/tasking\">",
                  Radios({}, "team", "Team", teams, team),
                  TextInput({}, "since", "Came in since (a day, e.g. 2026-12-03)", d.since,
                            "Leave empty for the last meeting, or the last 24 hours"),
                  TextInput({}, "quiet", "Cases with no entry for this many days", d.quiet_days, "14 unless given"),
                  "<p><button type=\"submit\" id=\"show-agenda\">Show the agenda</button></p></form>");
  if (!d.error.empty()) absl::StrAppend(&body, "<p class=\"notice\" id=\"tasking-error\">", HtmlEscape(d.error), "</p>");
  if (d.has_agenda) {
    absl::StrAppend(&body, Agenda(d.agenda), "<form class=\"no-print\" method=\"post\" action=\"/tasking/held\">",
                    Hidden("csrf", csrf), Hidden("team", team),
                    "<p><button type=\"submit\" id=\"mark-held\">Mark the meeting held now</button></p></form>");
  }
  return SitePage(absl::StrCat("Tasking", team.empty() ? "" : absl::StrCat(" ", team), " — casefile"), body);
}

}  // namespace casefile::web
