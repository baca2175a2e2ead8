#include "web/report_chart_svg.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "web/html_escape.h"

namespace casefile::web {
namespace {

constexpr int kPlotHeight = 120;
constexpr int kTop = 10;
constexpr int kLeft = 30;
constexpr int kBarWidth = 12;
constexpr int kMonthWidth = 34;
constexpr char kAllColour[] = "#b1b4b6";  // GOV.UK mid grey
constexpr char kMetColour[] = "#1d70b8";  // GOV.UK blue

}  // namespace

std::string MonthBarsSvg(const v1::MeasureResult& m, const std::string& id) {
  int64_t most = 1;
  for (const v1::MeasureCount& c : m.months()) most = std::max(most, c.count());
  const int width = kLeft + kMonthWidth * m.months_size() + 10;
  const int height = kTop + kPlotHeight + 30;
  const std::string title_id = id + "-title", desc_id = id + "-desc";
  std::string out = absl::StrCat("<svg class=\"chart\" role=\"img\" aria-labelledby=\"", title_id, " ", desc_id,
                                 "\" viewBox=\"0 0 ", width, " ", height, "\" width=\"", width, "\" height=\"", height,
                                 "\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"", title_id, "\">",
                                 HtmlEscape(m.title()), " by month</title><desc id=\"", desc_id, "\">");
  for (const v1::MeasureCount& c : m.months())
    absl::StrAppend(&out, HtmlEscape(c.month()), ": ", c.met(), " of ", c.count(), ". ");
  absl::StrAppend(&out, "</desc>");
  const int base = kTop + kPlotHeight;
  absl::StrAppend(&out, "<line x1=\"", kLeft, "\" y1=\"", base, "\" x2=\"", width - 10, "\" y2=\"", base,
                  "\" stroke=\"#0b0c0c\" stroke-width=\"1\"/><text x=\"", kLeft - 4, "\" y=\"", kTop + 4,
                  "\" font-size=\"10\" text-anchor=\"end\" fill=\"#0b0c0c\">", most, "</text><text x=\"", kLeft - 4,
                  "\" y=\"", base, "\" font-size=\"10\" text-anchor=\"end\" fill=\"#0b0c0c\">0</text>");
  for (int i = 0; i < m.months_size(); ++i) {
    const v1::MeasureCount& c = m.months(i);
    const int x = kLeft + kMonthWidth * i + 4;
    const int all = static_cast<int>(c.count() * kPlotHeight / most), met = static_cast<int>(c.met() * kPlotHeight / most);
    absl::StrAppend(&out, "<rect x=\"", x, "\" y=\"", base - all, "\" width=\"", kBarWidth, "\" height=\"", all,
                    "\" fill=\"", kAllColour, "\"/><rect x=\"", x + kBarWidth, "\" y=\"", base - met, "\" width=\"",
                    kBarWidth, "\" height=\"", met, "\" fill=\"", kMetColour, "\"/><text x=\"", x + kBarWidth,
                    "\" y=\"", base + 12, "\" font-size=\"9\" text-anchor=\"middle\" fill=\"#0b0c0c\">",
                    HtmlEscape(c.month().substr(2)), "</text>");
  }
  absl::StrAppend(&out, "<rect x=\"", kLeft, "\" y=\"", base + 18, "\" width=\"10\" height=\"8\" fill=\"", kAllColour,
                  "\"/><text x=\"", kLeft + 14, "\" y=\"", base + 26, "\" font-size=\"10\" fill=\"#0b0c0c\">",
                  HtmlEscape(m.unit_label()), "</text><rect x=\"", kLeft + 110, "\" y=\"", base + 18,
                  "\" width=\"10\" height=\"8\" fill=\"", kMetColour, "\"/><text x=\"", kLeft + 124, "\" y=\"",
                  base + 26, "\" font-size=\"10\" fill=\"#0b0c0c\">", HtmlEscape(m.met_label()), "</text></svg>");
  return out;
}

}  // namespace casefile::web
