#include "core/safeguarding/report_csv.h"

#include <initializer_list>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/string_view.h"
#include "core/safeguarding/report_words.h"

namespace casefile {
namespace {

std::string Field(absl::string_view value) {
  std::string v(value);
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) v = absl::StrCat("'", v);
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  return absl::StrCat("\"", absl::StrReplaceAll(v, {{"\"", "\"\""}}), "\"");
}

void Row(std::string& out, std::initializer_list<std::string> fields) {
  bool first = true;
  for (const std::string& f : fields) {
    if (!first) out += ',';
    out += Field(f);
    first = false;
  }
  out += "\r\n";
}

std::string Hours(const google::protobuf::Duration& d) {
  return absl::StrFormat("%.2f", static_cast<double>(d.seconds()) / 3600.0);
}

std::string MeasureName(v1::ReportMeasure m) {
  return absl::AsciiStrToLower(v1::ReportMeasure_Name(m).substr(sizeof("REPORT_MEASURE_") - 1));
}

}  // namespace

std::string InspectionReportCsv(const v1::InspectionReport& report) {
  std::string out;
  Row(out, {"measure", "month", "count", "met", "share", "median_hours", "p90_hours", "longest_hours"});
  for (const v1::MeasureResult& m : report.measures()) {
    for (const v1::MeasureCount& c : m.months())
      Row(out, {MeasureName(m.measure()), c.month(), absl::StrCat(c.count()), absl::StrCat(c.met()),
                SharePercent(c.met(), c.count()), "", "", ""});
    const bool timed = m.has_durations() && m.durations().count() > 0;
    Row(out, {MeasureName(m.measure()), absl::StrCat(report.from_date(), "..", report.to_date()),
              absl::StrCat(m.period().count()), absl::StrCat(m.period().met()),
              SharePercent(m.period().met(), m.period().count()), timed ? Hours(m.durations().median()) : "",
              timed ? Hours(m.durations().p90()) : "", timed ? Hours(m.durations().longest()) : ""});
  }
  Row(out, {});
  Row(out, {"officer", "dash_assessments", "complete", "not_known_answers", "reviewed"});
  for (const v1::OfficerDash& o : report.dash_by_officer())
    Row(out, {o.officer(), absl::StrCat(o.assessments()), absl::StrCat(o.complete()),
              absl::StrCat(o.not_known_answers()), absl::StrCat(o.reviewed())});
  return out;
}

}  // namespace casefile
