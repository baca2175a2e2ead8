// The report commands: report (the inspection measures of a period, as text
// or CSV) and report cases (the cases behind one figure).
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "casefile/v1/report.grpc.pb.h"
#include "cli/command.h"
#include "cli/list_pages.h"
#include "cli/output.h"
#include "cli/terminal_safe.h"
#include "core/safeguarding/report_csv.h"
#include "core/safeguarding/report_words.h"

namespace casefile::cli {
namespace {

using v1::ReportService;

void PrintMeasure(const v1::MeasureResult& m) {
  std::cout << m.title() << "\n"
            << absl::StrFormat("  period: %d of %d %s %s (%s)\n", m.period().met(), m.period().count(),
                               m.unit_label(), m.met_label(), SharePercent(m.period().met(), m.period().count()));
  std::vector<std::string> months;
  for (const v1::MeasureCount& c : m.months()) months.push_back(absl::StrCat(c.month(), " ", c.met(), "/", c.count()));
  std::cout << "  by month: " << absl::StrJoin(months, "  ") << "\n";
  if (m.has_durations() && m.durations().count() > 0) {
    std::cout << "  time taken (" << m.durations().count() << "): median " << DurationWords(m.durations().median())
              << ", 90th percentile " << DurationWords(m.durations().p90()) << ", longest "
              << DurationWords(m.durations().longest()) << "\n";
  }
}

void PrintReport(const v1::InspectionReport& r) {
  std::cout << "Inspection report " << r.from_date() << " to " << r.to_date() << ", "
            << (r.team().empty() ? "the whole unit" : "team " + TerminalSafe(r.team())) << "\n\n";
  for (const v1::MeasureResult& m : r.measures()) {
    PrintMeasure(m);
    std::cout << "\n";
  }
  std::cout << "DASH completeness per officer\n";
  if (r.dash_by_officer().empty()) std::cout << "  (none)\n";
  for (const v1::OfficerDash& o : r.dash_by_officer()) {
    std::cout << absl::StrFormat("  %-20s %d assessments, %d complete (%s), %d answers not known, %d reviewed\n",
                                 TerminalSafe(o.officer()), o.assessments(), o.complete(),
                                 SharePercent(o.complete(), o.assessments()), o.not_known_answers(), o.reviewed());
  }
}

void SetPeriod(const Args& args, std::string* from, std::string* to, std::string* team) {
  *from = args.Get("from");
  *to = args.Get("to");
  *team = args.Get("team");
}

int Report(const Args& args, const Connection& conn) {
  v1::GetInspectionReportRequest request;
  SetPeriod(args, request.mutable_from_date(), request.mutable_to_date(), request.mutable_team());
  v1::InspectionReport report;
  grpc::Status status =
      ReportService::NewStub(conn.channel())->GetInspectionReport(conn.NewContext().get(), request, &report);
  if (!status.ok()) return ReportRpcError(status);
  if (args.Has("json")) {
    std::cout << ToJson(report) << "\n";
  } else if (args.Has("csv")) {
    std::cout << InspectionReportCsv(report);
  } else {
    PrintReport(report);
  }
  return kExitOk;
}

// "csc-feedback" → REPORT_MEASURE_CSC_FEEDBACK.
absl::StatusOr<v1::ReportMeasure> ParseMeasure(const std::string& word) {
  v1::ReportMeasure m;
  const std::string name = absl::StrCat("REPORT_MEASURE_", absl::AsciiStrToUpper(absl::StrReplaceAll(word, {{"-", "_"}})));
  if (v1::ReportMeasure_Parse(name, &m) && m != v1::REPORT_MEASURE_UNSPECIFIED) return m;
  std::vector<std::string> known;
  for (int i = 1; v1::ReportMeasure_IsValid(i); ++i) {
    known.push_back(absl::StrReplaceAll(
        absl::AsciiStrToLower(v1::ReportMeasure_Name(static_cast<v1::ReportMeasure>(i)).substr(15)), {{"_", "-"}}));
  }
  return absl::InvalidArgumentError(absl::StrCat("--measure '", word, "' is not one of: ", absl::StrJoin(known, ", ")));
}

int Cases(const Args& args, const Connection& conn) {
  const std::string cmd = "report cases";
  v1::ListReportCasesRequest request;
  SetPeriod(args, request.mutable_from_date(), request.mutable_to_date(), request.mutable_team());
  auto measure = ParseMeasure(args.Get("measure"));
  if (!measure.ok()) return ReportUsageError(measure.status(), cmd);
  if (args.Has("met") && args.Has("not-met"))
    return ReportUsageError(absl::InvalidArgumentError("give --met or --not-met, not both"), cmd);
  auto page_size = PageSizeOption(args);
  if (!page_size.ok()) return ReportUsageError(page_size.status(), cmd);
  request.set_measure(*measure);
  request.set_selection(args.Has("met")       ? v1::REPORT_SELECTION_MET
                        : args.Has("not-met") ? v1::REPORT_SELECTION_NOT_MET
                                              : v1::REPORT_SELECTION_ALL);
  request.set_month(args.Get("month"));
  request.set_officer(args.Get("officer"));
  request.set_page_size(*page_size);
  request.set_page_token(args.Get("page-token"));
  auto stub = ReportService::NewStub(conn.channel());
  return ListPages<v1::ListReportCasesRequest, v1::ListReportCasesResponse>(
      request, args.Has("all"), args.Has("json"),
      [&](const auto& r, auto* response) { return stub->ListReportCases(conn.NewContext().get(), r, response); },
      [](const v1::ListReportCasesResponse& response) {
        if (response.cases().empty()) std::cout << "(none)\n";
        for (const v1::ReportCase& c : response.cases()) {
          std::cout << TerminalSafe(c.entry()) << "  " << (c.met() ? "met" : "not met");
          if (c.has_duration()) std::cout << "  " << DurationWords(c.duration());
          std::cout << "  " << TerminalSafe(c.title()) << "\n";
        }
      });
}

void AddPeriodOptions(CLI::App* c) {
  AddValueOption(c, "--from", "YYYY-MM-DD", "the first day of the period (required)");
  AddValueOption(c, "--to", "YYYY-MM-DD", "its last day (required)");
  AddValueOption(c, "--team", "TEAM", "only cases now with this team (the whole unit without it)");
}

}  // namespace

void AddReportCommands(CommandLine& line) {
  CLI::App* c = line.Add("report", "the inspection measures of a period, by month (admins)", Report);
  AddPeriodOptions(c);
  AddSwitch(c, "--csv", "as CSV, for a spreadsheet");
  c->footer(
      "Counts only cases you may know. Each figure's cases: casefile report cases --measure M.\n"
      "Every report is audited.");

  c = line.Add("report cases", "the cases behind one figure of the report", Cases);
  AddPeriodOptions(c);
  AddValueOption(c, "--measure", "M",
                 "strategy-discussion-in-time, decisions-and-actions, domestic-abuse-child-impact, csc-feedback,\n"
                 "appropriate-adult, repeated-missing-assessed, dash-complete");
  AddSwitch(c, "--met", "only those that meet the measure");
  AddSwitch(c, "--not-met", "only those that do not");
  AddValueOption(c, "--month", "YYYY-MM", "only that month's figure");
  AddValueOption(c, "--officer", "USER", "dash-complete: only this officer's assessments");
  AddValueOption(c, "--page-size", "N", "cases a page (100 without it)");
  AddValueOption(c, "--page-token", "T", "the page that an earlier one said is next");
  AddSwitch(c, "--all", "every page");
}

}  // namespace casefile::cli
