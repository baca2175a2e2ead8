#include "core/safeguarding/report_words.h"

#include "absl/strings/str_cat.h"

namespace casefile {
namespace {

constexpr MeasureWords kMeasures[] = {
    {v1::REPORT_MEASURE_STRATEGY_DISCUSSION_IN_TIME,
     "Significant-harm referrals with a strategy discussion within 24 hours", "referrals", "in time"},
    {v1::REPORT_MEASURE_DECISIONS_AND_ACTIONS, "Strategy discussions recording decisions and actions", "discussions",
     "with decisions and actions"},
    {v1::REPORT_MEASURE_DOMESTIC_ABUSE_CHILD_IMPACT, "Domestic-abuse referrals stating the impact on each child",
     "referrals", "stating the impact"},
    {v1::REPORT_MEASURE_CSC_FEEDBACK, "Referrals to children's social care with feedback", "referrals",
     "with feedback"},
    {v1::REPORT_MEASURE_APPROPRIATE_ADULT, "Children in custody: waits for an appropriate adult", "custodies",
     "adult arrived"},
    {v1::REPORT_MEASURE_REPEATED_MISSING_ASSESSED,
     "Children missing three or more times in twelve months, and assessed", "children", "assessed"},
    {v1::REPORT_MEASURE_DASH_COMPLETE, "DASH risk assessments with every question answered yes or no",
     "assessments", "complete"},
};

}  // namespace

absl::Span<const MeasureWords> ReportMeasures() { return kMeasures; }

std::string ReportMeasureTitle(v1::ReportMeasure measure) {
  for (const MeasureWords& m : kMeasures) {
    if (m.measure == measure) return m.title;
  }
  return "";
}

std::string SharePercent(int64_t met, int64_t count) {
  if (count == 0) return "-";
  return absl::StrCat((met * 200 + count) / (2 * count), "%");
}

std::string DurationWords(const google::protobuf::Duration& d) {
  const int64_t minutes = d.seconds() / 60;
  const int64_t days = minutes / (24 * 60), hours = minutes / 60 % 24, mins = minutes % 60;
  if (days > 0) return absl::StrCat(days, "d ", hours, "h");
  if (hours > 0) return absl::StrCat(hours, "h ", mins, "m");
  return absl::StrCat(mins, "m");
}

}  // namespace casefile
