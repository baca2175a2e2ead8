// The words of the inspection report (report.proto), shared by casefiled,
// which puts them in the report, and its clients (the CLI, casefile-web):
// each measure's title and labels, shares and durations as people read them.
//
// Thread-safe: constant data and pure functions.
#ifndef CASEFILE_CORE_SAFEGUARDING_REPORT_WORDS_H_
#define CASEFILE_CORE_SAFEGUARDING_REPORT_WORDS_H_

#include <string>

#include "absl/types/span.h"
#include "casefile/v1/report.pb.h"
#include "google/protobuf/duration.pb.h"

namespace casefile {

struct MeasureWords {
  v1::ReportMeasure measure;
  const char* title;       // "Referrals to children's social care with feedback"
  const char* unit_label;  // "referrals"
  const char* met_label;   // "with feedback"
};

// Every measure, in ReportMeasure order.
absl::Span<const MeasureWords> ReportMeasures();
// The measure's title, "" for one not known.
std::string ReportMeasureTitle(v1::ReportMeasure measure);

// "60%" of `met` in `count`; "-" when count is 0. Whole percents, rounded
// half up.
std::string SharePercent(int64_t met, int64_t count);

// "3h 20m", "2d 4h", "45m", "0m".
std::string DurationWords(const google::protobuf::Duration& d);

}  // namespace casefile

#endif  // CASEFILE_CORE_SAFEGUARDING_REPORT_WORDS_H_
