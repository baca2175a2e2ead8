#include "web/timeline_svg.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "web/words.h"

namespace casefile::web {
namespace {

constexpr int kWidth = 1000;
constexpr int kLabelWidth = 150;
constexpr int kRowHeight = 20;
constexpr int kAxisHeight = 24;

// Kinds that need the eye first get strong colours; the rest stay grey-blue.
const char* KindColour(v1::EntryKind kind) {
  switch (kind) {
    case v1::ENTRY_KIND_MISSING_EPISODE: return "#c0392b";
    case v1::ENTRY_KIND_REFERRAL: return "#d35400";
    case v1::ENTRY_KIND_STRATEGY_DISCUSSION: return "#7d3c98";
    case v1::ENTRY_KIND_CUSTODY: return "#1f618d";
    case v1::ENTRY_KIND_ASSESSMENT: return "#117a65";
    case v1::ENTRY_KIND_CORRECTION: return "#7f8c8d";
    default: return "#5d6d7e";
  }
}

}  // namespace

TimelineMark MarkOf(const v1::Entry& e, std::string time_text) {
  TimelineMark mark;
  mark.kind = e.kind();
  mark.number = e.number();
  mark.dated = DayNumber(e.occur_time(), mark.day);
  if (mark.dated) mark.time_text = std::move(time_text);
  return mark;
}

std::string TimelineSvg(const std::vector<v1::Entry>& entries) {
  std::vector<TimelineMark> marks;
  marks.reserve(entries.size());
  for (const v1::Entry& e : entries) marks.push_back(MarkOf(e, TimeText(e.occur_time())));
  return TimelineSvg(marks);
}

std::string TimelineSvg(const std::vector<TimelineMark>& entries) {
  std::map<int, std::vector<std::pair<long, const TimelineMark*>>> rows;  // kind → (day, mark)
  long first = 0, last = 0;
  bool any = false;
  int undated = 0;
  for (const TimelineMark& e : entries) {
    if (!e.dated) {
      ++undated;
      continue;
    }
    const long day = e.day;
    first = any ? std::min(first, day) : day;
    last = any ? std::max(last, day) : day;
    any = true;
    rows[e.kind].push_back({day, &e});
  }
  if (!any) return "<p class=\"timeline-empty\">No entry is dated: there is no timeline to draw.</p>";
  // A little room either side so marks at the ends stay whole.
  first -= 1;
  last += 1;
  const double span = static_cast<double>(last - first);
  const int plot = kWidth - kLabelWidth - 10;
  const auto x = [&](long day) { return kLabelWidth + plot * (day - first) / span; };
  const int height = static_cast<int>(rows.size()) * kRowHeight + kAxisHeight;

  std::string out = absl::StrFormat(
      "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
      "role=\"group\" aria-label=\"Entries by kind over time\">",
      kWidth, height);
  int row = 0;
  for (const auto& [kind, marks] : rows) {
    const int y = row * kRowHeight;
    absl::StrAppendFormat(&out,
                          "<text x=\"4\" y=\"%d\" class=\"tl-label\">%s (%d)</text>"
                          "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"tl-row\"/>",
                          y + 14, KindWord(static_cast<v1::EntryKind>(kind)), marks.size(), kLabelWidth, y + 10,
                          kWidth - 10, y + 10);
    const std::string& word = KindWord(static_cast<v1::EntryKind>(kind));
    const char* colour = KindColour(static_cast<v1::EntryKind>(kind));
    for (const auto& [day, e] : marks) {
      // x to one decimal, as tenths (StrFormat's %.1f was most of the strip's time).
      const long tenths = std::lround((x(day) - 1.5) * 10);
      // A group, not an image, since its marks are links; each link is named.
      const std::string name = absl::StrCat("#", e->number, " ", word, ", ", e->time_text);
      absl::StrAppend(&out, "<a href=\"#entry-", e->number, "\" aria-label=\"", name, "\"><rect x=\"", tenths / 10, ".", tenths % 10,
                      "\" y=\"", y + 3, "\" width=\"3\" height=\"14\" fill=\"", colour, "\"><title>", name,
                      "</title></rect></a>");
    }
    ++row;
  }
  // Year ticks on the axis (at most about twelve labels).
  const absl::CivilDay epoch(1970, 1, 1);
  const int first_year = static_cast<int>((epoch + first).year());
  const int last_year = static_cast<int>((epoch + last).year());
  const int step = std::max(1, (last_year - first_year + 1) / 12);
  const int axis_y = row * kRowHeight;
  for (int year = first_year + 1; year <= last_year; year += step) {
    const long day = static_cast<long>(absl::CivilDay(year, 1, 1) - epoch);
    absl::StrAppendFormat(&out,
                          "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\" class=\"tl-tick\"/>"
                          "<text x=\"%.1f\" y=\"%d\" class=\"tl-year\">%d</text>",
                          x(day), x(day), axis_y + 4, x(day) + 2, axis_y + 18, year);
  }
  if (first_year == last_year)
    absl::StrAppendFormat(&out, "<text x=\"%d\" y=\"%d\" class=\"tl-year\">%s to %s</text>", kLabelWidth,
                          axis_y + 18, absl::FormatCivilTime(epoch + first + 1),
                          absl::FormatCivilTime(epoch + last - 1));
  out += "</svg>";
  if (undated > 0) absl::StrAppend(&out, "<p class=\"timeline-note\">", undated, " undated entries are not on the timeline.</p>");
  return out;
}

}  // namespace casefile::web
