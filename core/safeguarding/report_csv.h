// An inspection report (report.proto) as CSV (RFC 4180), for `casefile
// report --csv` and casefile-web's download: one row per measure and month
// and one for the period, then one per officer's DASH figures. A field that
// a spreadsheet would read as a formula (=, +, -, @ first) is prefixed with
// an apostrophe.
//
// Thread-safe: pure function.
#ifndef CASEFILE_CORE_SAFEGUARDING_REPORT_CSV_H_
#define CASEFILE_CORE_SAFEGUARDING_REPORT_CSV_H_

#include <string>

#include "casefile/v1/report.pb.h"

namespace casefile {

std::string InspectionReportCsv(const v1::InspectionReport& report);

}  // namespace casefile

#endif  // CASEFILE_CORE_SAFEGUARDING_REPORT_CSV_H_
