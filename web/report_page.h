// The inspection report pages of casefile-web: the period form, the report
// (each measure's figures by month with its bar chart, durations, DASH per
// officer — every figure a link to the cases behind it), the same report as
// one self-contained printable file (styles inline, no links), and the list
// of cases behind one figure. Every stored string is escaped.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_WEB_REPORT_PAGE_H_
#define CASEFILE_WEB_REPORT_PAGE_H_

#include <string>

#include "casefile/v1/report.pb.h"

namespace casefile::web {

// What a report is of, as the form and the links carry it.
struct ReportQuery {
  std::string from;  // "YYYY-MM-DD"
  std::string to;
  std::string team;  // "" the whole unit
};

// `report` null: the form alone (with `error` when casefiled refused it).
std::string ReportPage(const std::string& nav, const ReportQuery& query, const v1::InspectionReport* report,
                       const std::string& error);
// The report as one file to keep or print: no navigation, no links.
std::string ReportFile(const v1::InspectionReport& report);
// The cases behind a figure; `request` is what was asked (its page token
// included), `measure_title` the measure's words.
std::string ReportCasesPage(const std::string& nav, const ReportQuery& query,
                            const v1::ListReportCasesRequest& request, const v1::ListReportCasesResponse& response,
                            const std::string& measure_title);
// The address of the cases behind a figure.
std::string ReportCasesHref(const ReportQuery& query, v1::ReportMeasure measure, v1::ReportSelection selection,
                            const std::string& month, const std::string& officer);

}  // namespace casefile::web

#endif  // CASEFILE_WEB_REPORT_PAGE_H_
