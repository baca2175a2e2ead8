#include "web/report_page.h"

#include <cctype>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/safeguarding/report_words.h"
#include "web/html_document.h"
#include "web/html_escape.h"
#include "web/report_chart_svg.h"
#include "web/site_pages.h"

namespace casefile::web {
namespace {

std::string PeriodQuery(const ReportQuery& q) {
  return absl::StrCat("from=", QueryValue(q.from), "&to=", QueryValue(q.to), "&team=", QueryValue(q.team));
}

std::string Scope(const v1::InspectionReport& r) {
  return absl::StrCat(HtmlEscape(r.from_date()), " to ", HtmlEscape(r.to_date()), ", ",
                      r.team().empty() ? "the whole unit" : absl::StrCat("team ", HtmlEscape(r.team())));
}

// A figure: a link to its cases, or the bare number in a file.
std::string Figure(int64_t n, const std::string& href) {
  if (href.empty()) return absl::StrCat(n);
  return absl::StrCat("<a href=\"", HtmlEscape(href), "\">", n, "</a>");
}

std::string MeasureSection(const v1::MeasureResult& m, const ReportQuery* links) {
  const std::string id = absl::StrCat("measure-", static_cast<int>(m.measure()));
  auto href = [&](v1::ReportSelection s, const std::string& month) {
    return links == nullptr ? "" : ReportCasesHref(*links, m.measure(), s, month, "");
  };
  std::string out = absl::StrCat("<section class=\"measure\" id=\"", id, "\"><h2>", HtmlEscape(m.title()), "</h2><p>",
                                 Figure(m.period().met(), href(v1::REPORT_SELECTION_MET, "")), " of ",
                                 Figure(m.period().count(), href(v1::REPORT_SELECTION_ALL, "")), " ",
                                 HtmlEscape(m.unit_label()), " ", HtmlEscape(m.met_label()), " (",
                                 SharePercent(m.period().met(), m.period().count()), ")</p>");
  if (m.has_durations() && m.durations().count() > 0) {
    absl::StrAppend(&out, "<p>Time taken, over ", m.durations().count(), ": median ",
                    DurationWords(m.durations().median()), ", 90th percentile ", DurationWords(m.durations().p90()),
                    ", longest ", DurationWords(m.durations().longest()), ".</p>");
  }
  absl::StrAppend(&out, MonthBarsSvg(m, id + "-chart"),
                  "<table class=\"cases figures\"><caption>", HtmlEscape(m.title()),
                  " by month</caption><thead><tr><th scope=\"col\">Month</th><th scope=\"col\">",
                  HtmlEscape(m.unit_label()), "</th><th scope=\"col\">", HtmlEscape(m.met_label()),
                  "</th><th scope=\"col\">Share</th></tr></thead><tbody>");
  for (const v1::MeasureCount& c : m.months()) {
    absl::StrAppend(&out, "<tr><th scope=\"row\">", HtmlEscape(c.month()), "</th><td>",
                    Figure(c.count(), href(v1::REPORT_SELECTION_ALL, c.month())), "</td><td>",
                    Figure(c.met(), href(v1::REPORT_SELECTION_MET, c.month())), "</td><td>",
                    SharePercent(c.met(), c.count()), "</td></tr>");
  }
  absl::StrAppend(&out, "</tbody></table></section>");
  return out;
}

std::string OfficerTable(const v1::InspectionReport& r, const ReportQuery* links) {
  std::string out =
      "<section id=\"dash-officers\"><h2>DASH completeness per officer</h2>";
  if (r.dash_by_officer().empty()) return out + "<p class=\"muted\">No DASH risk assessments in the period.</p></section>";
  absl::StrAppend(&out,
                  "<table class=\"cases figures\"><thead><tr><th scope=\"col\">Officer</th><th scope=\"col\">Assessments"
                  "</th><th scope=\"col\">Complete</th><th scope=\"col\">Share</th><th scope=\"col\">Answers not known"
                  "</th><th scope=\"col\">Reviewed</th></tr></thead><tbody>");
  for (const v1::OfficerDash& o : r.dash_by_officer()) {
    auto href = [&](v1::ReportSelection s) {
      return links == nullptr ? "" : ReportCasesHref(*links, v1::REPORT_MEASURE_DASH_COMPLETE, s, "", o.officer());
    };
    absl::StrAppend(&out, "<tr><th scope=\"row\">", HtmlEscape(o.officer()), "</th><td>",
                    Figure(o.assessments(), href(v1::REPORT_SELECTION_ALL)), "</td><td>",
                    Figure(o.complete(), href(v1::REPORT_SELECTION_MET)), "</td><td>",
                    SharePercent(o.complete(), o.assessments()), "</td><td>", o.not_known_answers(), "</td><td>",
                    o.reviewed(), "</td></tr>");
  }
  return out + "</tbody></table></section>";
}

std::string ReportBody(const v1::InspectionReport& r, const ReportQuery* links) {
  std::string out = absl::StrCat("<h1>Inspection report</h1><p id=\"scope\">", Scope(r),
                                 ". Figures count only cases you may know.</p>");
  for (const v1::MeasureResult& m : r.measures()) out += MeasureSection(m, links);
  return out + OfficerTable(r, links);
}

std::string FormHtml(const ReportQuery& q, const std::string& error) {
  return absl::StrCat(
      error.empty() ? ""
                    : absl::StrCat("<div class=\"error-summary\" role=\"alert\"><h2>There is a problem</h2><p>",
                                   HtmlEscape(error), "</p></div>"),
      "<form class=\"stack no-print\" method=\"get\" action=\"/report\"><label for=\"from\">First day</label>"
      "<input type=\"date\" id=\"from\" name=\"from\" value=\"",
      HtmlEscape(q.from), "\" required><label for=\"to\">Last day</label><input type=\"date\" id=\"to\" name=\"to\" value=\"",
      HtmlEscape(q.to),
      "\" required><label for=\"team\">Team (leave blank for the whole unit)</label><input type=\"text\" id=\"team\" "
      "name=\"team\" value=\"",
      HtmlEscape(q.team), "\"><p><button type=\"submit\" id=\"run-report\">Show the report</button></p></form>");
}

}  // namespace

std::string ReportCasesHref(const ReportQuery& query, v1::ReportMeasure measure, v1::ReportSelection selection,
                            const std::string& month, const std::string& officer) {
  std::string href = absl::StrCat("/report/cases?", PeriodQuery(query), "&measure=", static_cast<int>(measure),
                                  "&selection=", static_cast<int>(selection));
  if (!month.empty()) absl::StrAppend(&href, "&month=", QueryValue(month));
  if (!officer.empty()) absl::StrAppend(&href, "&officer=", QueryValue(officer));
  return href;
}

std::string ReportPage(const std::string& nav, const ReportQuery& query, const v1::InspectionReport* report,
                       const std::string& error) {
  std::string body = absl::StrCat(nav, report == nullptr ? "<h1>Inspection report</h1>" : "", FormHtml(query, error));
  if (report != nullptr) {
    absl::StrAppend(&body, "<p class=\"no-print\"><a id=\"csv\" href=\"/report.csv?", HtmlEscape(PeriodQuery(query)),
                    "\">Download as CSV</a> · <a id=\"file\" href=\"/report.html?", HtmlEscape(PeriodQuery(query)),
                    "\">Download as a page to keep or print</a></p>",
                    ReportBody(*report, &query));
  }
  return SitePage("Inspection report — casefile", body);
}

std::string ReportFile(const v1::InspectionReport& report) {
  DocumentOptions options;
  options.running_header = "Inspection report";
  return HtmlDocument("Inspection report", absl::StrCat("<p class=\"marking\">OFFICIAL-SENSITIVE</p>",
                                                        ReportBody(report, nullptr)),
                      options);
}

std::string ReportCasesPage(const std::string& nav, const ReportQuery& query,
                            const v1::ListReportCasesRequest& request, const v1::ListReportCasesResponse& response,
                            const std::string& measure_title) {
  const char* which = request.selection() == v1::REPORT_SELECTION_MET       ? "that meet it"
                      : request.selection() == v1::REPORT_SELECTION_NOT_MET ? "that do not meet it"
                                                                            : "counted";
  std::string body = absl::StrCat(
      nav, "<h1>", HtmlEscape(measure_title), "</h1><p id=\"figure\">", response.total(), " ", which, ", ",
      HtmlEscape(query.from), " to ", HtmlEscape(query.to), request.month().empty() ? "" : ", month ",
      HtmlEscape(request.month()), request.officer().empty() ? "" : ", officer ", HtmlEscape(request.officer()),
      query.team.empty() ? "" : ", team ", HtmlEscape(query.team), ".</p>");
  if (response.cases().empty()) absl::StrAppend(&body, "<p class=\"muted\">None.</p>");
  absl::StrAppend(&body, "<ul class=\"results\" id=\"report-cases\">");
  for (const v1::ReportCase& c : response.cases()) {
    const std::string id = CaseIdOf(c.case_());
    absl::StrAppend(&body, "<li><a href=\"/cases/", HtmlEscape(id), "\">", HtmlEscape(id), " ", HtmlEscape(c.title()),
                    "</a> <span class=\"muted\">", HtmlEscape(c.entry()), c.met() ? " · met" : " · not met",
                    c.has_duration() ? absl::StrCat(" · ", DurationWords(c.duration())) : "", "</span></li>");
  }
  absl::StrAppend(&body, "</ul>");
  if (!response.next_page_token().empty()) {
    absl::StrAppend(&body, "<p><a id=\"next\" href=\"",
                    HtmlEscape(absl::StrCat(ReportCasesHref(query, request.measure(), request.selection(),
                                                            request.month(), request.officer()),
                                            "&page=", QueryValue(response.next_page_token()))),
                    "\">Next page</a></p>");
  }
  absl::StrAppend(&body, "<p><a href=\"/report?", HtmlEscape(PeriodQuery(query)), "\">Back to the report</a></p>");
  return SitePage("Cases behind a figure — casefile", body);
}

}  // namespace casefile::web
