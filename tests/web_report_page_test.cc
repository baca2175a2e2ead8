// The inspection report pages: figures, charts and links from a report;
// the self-contained file (styles inline, no links); the cases behind a
// figure; every stored string escaped.
#include "web/report_page.h"

#include <string>

#include "core/safeguarding/report_csv.h"
#include "gmock/gmock.h"
#include "google/protobuf/text_format.h"
#include "gtest/gtest.h"
#include "web/report_chart_svg.h"

namespace casefile::web {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

v1::InspectionReport Example() {
  v1::InspectionReport r;
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(R"pb(
    from_date: "2026-10-01" to_date: "2026-11-30" team: "cait"
    measures {
      measure: REPORT_MEASURE_CSC_FEEDBACK title: "Referrals to children's social care with feedback"
      unit_label: "referrals" met_label: "with feedback"
      period { count: 4 met: 3 }
      months { month: "2026-10" count: 1 met: 1 }
      months { month: "2026-11" count: 3 met: 2 }
      durations { count: 3 median { seconds: 138600 } p90 { seconds: 259200 } longest { seconds: 259200 } }
    }
    dash_by_officer { officer: "<pc1>" assessments: 2 complete: 1 not_known_answers: 3 reviewed: 1 })pb", &r));
  return r;
}

TEST(ReportPageTest, EachFigureLinksToItsCasesWithAChartByMonth) {
  const ReportQuery q{"2026-10-01", "2026-11-30", "cait"};
  const v1::InspectionReport r = Example();
  const std::string page = ReportPage("<nav></nav>", q, &r, "");
  EXPECT_THAT(page, HasSubstr("<a href=\"/report/cases?from=2026-10-01&amp;to=2026-11-30&amp;team=cait&amp;measure=4"
                              "&amp;selection=2\">3</a> of <a href=\"/report/cases?from=2026-10-01&amp;to=2026-11-30"
                              "&amp;team=cait&amp;measure=4&amp;selection=1\">4</a> referrals with feedback (75%)"));
  EXPECT_THAT(page, HasSubstr("median 1d 14h, 90th percentile 3d 0h, longest 3d 0h"));
  EXPECT_THAT(page, HasSubstr("&amp;selection=2&amp;month=2026-11\">2</a>"));
  EXPECT_THAT(page, HasSubstr("<svg class=\"chart\" role=\"img\""));
  EXPECT_THAT(page, HasSubstr("2026-11: 2 of 3."));
  EXPECT_THAT(page, HasSubstr("&lt;pc1&gt;"));  // escaped
  EXPECT_THAT(page, HasSubstr("&amp;officer=%3Cpc1%3E"));
  EXPECT_THAT(page, Not(HasSubstr("<pc1>")));
  EXPECT_THAT(page, HasSubstr("href=\"/report.csv?from=2026-10-01&amp;to=2026-11-30&amp;team=cait\""));
}

TEST(ReportPageTest, TheFileHasItsStylesInlineAndNoLinks) {
  const std::string file = ReportFile(Example());
  EXPECT_THAT(file, HasSubstr("<style>"));
  EXPECT_THAT(file, Not(HasSubstr("href=")));
  EXPECT_THAT(file, HasSubstr(">3</td>"));
}

TEST(ReportPageTest, TheCasesBehindAFigure) {
  v1::ListReportCasesRequest request;
  request.set_measure(v1::REPORT_MEASURE_CSC_FEEDBACK);
  request.set_selection(v1::REPORT_SELECTION_NOT_MET);
  request.set_month("2026-11");
  v1::ListReportCasesResponse response;
  v1::ReportCase& c = *response.add_cases();
  c.set_case_("cases/CF-1");
  c.set_title("<b>Ellie</b>");
  c.set_entry("cases/CF-1/entries/2");
  response.set_total(1);
  response.set_next_page_token("100");
  const std::string page = ReportCasesPage("", {"2026-10-01", "2026-11-30", ""}, request, response, "Feedback");
  EXPECT_THAT(page, HasSubstr("1 that do not meet it, 2026-10-01 to 2026-11-30, month 2026-11."));
  EXPECT_THAT(page, HasSubstr("<a href=\"/cases/CF-1\">CF-1 &lt;b&gt;Ellie&lt;/b&gt;</a>"));
  EXPECT_THAT(page, HasSubstr("&amp;month=2026-11&amp;page=100\">Next page</a>"));
}

TEST(ReportCsvTest, RowsPerMonthAndPeriodThenOfficersWithFormulaeDefused) {
  v1::InspectionReport r = Example();
  r.mutable_dash_by_officer(0)->set_officer("=cmd");
  EXPECT_EQ(InspectionReportCsv(r),
            "measure,month,count,met,share,median_hours,p90_hours,longest_hours\r\n"
            "csc_feedback,2026-10,1,1,100%,,,\r\n"
            "csc_feedback,2026-11,3,2,67%,,,\r\n"
            "csc_feedback,2026-10-01..2026-11-30,4,3,75%,38.50,72.00,72.00\r\n"
            "\r\n"
            "officer,dash_assessments,complete,not_known_answers,reviewed\r\n"
            "'=cmd,2,1,3,1\r\n");
}

}  // namespace
}  // namespace casefile::web
