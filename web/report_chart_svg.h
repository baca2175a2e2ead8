// The chart of one inspection measure by month: an inline SVG, built on the
// server, with one pair of bars per month — all the measure counts (light)
// and those that meet it (dark) — on a shared scale. It has a title and a
// description for screen readers (role="img"); its only text is month
// labels and numbers, so nothing stored goes into it; colours are
// presentation attributes, so it draws the same in a saved file.
//
// Thread-safe: pure function.
#ifndef CASEFILE_WEB_REPORT_CHART_SVG_H_
#define CASEFILE_WEB_REPORT_CHART_SVG_H_

#include <string>

#include "casefile/v1/report.pb.h"

namespace casefile::web {

// `id` makes the chart's title and description ids unique in the page.
std::string MonthBarsSvg(const v1::MeasureResult& measure, const std::string& id);

}  // namespace casefile::web

#endif  // CASEFILE_WEB_REPORT_CHART_SVG_H_
