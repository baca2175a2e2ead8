// inspection_report_bench: how long the inspection report takes for a year
// at 100,000 cases and about 5 million entries (issue 21: at most 1 s), and
// the cases behind one figure.
//
// It fills a store directly (no gRPC) through the store's writer with the
// generator of the brute-force test (tests/support/measure_store.h): each
// case its records — referrals, strategy discussions, feedback, custody,
// missing episodes, assessments, DASH assessments and reviews, dated over
// two years — and `--notes_per_case` plain notes (the bulk of a real store,
// which the report never reads). Then it answers the report for one year,
// for the whole unit and for one team (which loads each counted case's
// header), many times, and prints the median and maximum.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "bench/support/temp_dir.h"
#include "core/safeguarding/inspection_report.h"
#include "storage/store.h"
#include "tests/support/measure_store.h"

ABSL_FLAG(int, cases, 100000, "Cases in the store.");
ABSL_FLAG(int, notes_per_case, 48, "Plain notes per case besides its records (48: about 5M entries at 100,000 cases).");
ABSL_FLAG(int, repeats, 20, "Reports timed per kind.");
ABSL_FLAG(std::string, dir, "", "Where to make the store (default $TMPDIR).");

namespace casefile {
namespace {

struct Timing {
  double median_ms = 0;
  double max_ms = 0;
  int64_t units = 0;
};

template <typename Call>
Timing Time(int repeats, Call call) {
  std::vector<double> ms;
  Timing t;
  for (int i = 0; i < repeats; ++i) {
    const absl::Time start = absl::Now();
    t.units = call();
    ms.push_back(absl::ToDoubleMilliseconds(absl::Now() - start));
  }
  std::sort(ms.begin(), ms.end());
  t.median_ms = ms[ms.size() / 2];
  t.max_ms = ms.back();
  return t;
}

int Run() {
  bench::TempDir dir(absl::GetFlag(FLAGS_dir));
  storage::StoreOptions options;
  options.lmdb.map_size = size_t{64} << 30;
  auto store = storage::Store::Open(dir.path(), options);
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    return 1;
  }
  testing::MeasureStoreOptions generator;
  generator.cases = absl::GetFlag(FLAGS_cases);
  generator.notes_per_case = absl::GetFlag(FLAGS_notes_per_case);
  generator.children = std::max(100, generator.cases / 10);
  generator.seed = 21;
  const absl::Time start = absl::Now();
  if (absl::Status s = testing::FillMeasureStore(**store, generator); !s.ok()) {
    std::fprintf(stderr, "%s\n", s.ToString().c_str());
    return 1;
  }
  const double fill_s = absl::ToDoubleSeconds(absl::Now() - start);
  int64_t entries = 0;
  {
    auto read = (*store)->BeginRead();
    for (int i = 0; i < generator.cases; ++i)
      entries += (**storage::LoadCase((*read)->txn(), testing::MeasureStoreCaseId(i))).version();
  }
  std::printf("store: %d cases, %lld entries, filled in %.1f s\n", generator.cases,
              static_cast<long long>(entries), fill_s);

  InspectionReports reports(store->get(), [] { return absl::Now(); }, absl::Hours(24));
  const Caller admin{"admin1", "Admin", Role::kAdmin};
  auto report = [&](const std::string& team) {
    v1::GetInspectionReportRequest request;
    request.set_from_date("2025-01-01");
    request.set_to_date("2025-12-31");
    request.set_team(team);
    auto r = reports.Report(admin, request);
    int64_t units = 0;
    if (r.ok()) {
      for (const v1::MeasureResult& m : r->measures()) units += m.period().count();
    }
    return units;
  };
  const int repeats = absl::GetFlag(FLAGS_repeats);
  const Timing whole = Time(repeats, [&] { return report(""); });
  const Timing team = Time(repeats, [&] { return report("pvp-east"); });
  const Timing cases = Time(repeats, [&] {
    v1::ListReportCasesRequest request;
    request.set_from_date("2025-01-01");
    request.set_to_date("2025-12-31");
    request.set_measure(v1::REPORT_MEASURE_CSC_FEEDBACK);
    request.set_selection(v1::REPORT_SELECTION_NOT_MET);
    auto r = reports.ListCases(admin, request);
    return r.ok() ? r->total() : int64_t{-1};
  });
  std::printf("%-40s %10s %10s %12s\n", "a year's report", "median ms", "max ms", "units");
  std::printf("%-40s %10.1f %10.1f %12lld\n", "whole unit", whole.median_ms, whole.max_ms,
              static_cast<long long>(whole.units));
  std::printf("%-40s %10.1f %10.1f %12lld\n", "team pvp-east (headers loaded)", team.median_ms, team.max_ms,
              static_cast<long long>(team.units));
  std::printf("%-40s %10.1f %10.1f %12lld\n", "cases behind a figure (first page)", cases.median_ms, cases.max_ms,
              static_cast<long long>(cases.units));
  return 0;
}

}  // namespace
}  // namespace casefile

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  return casefile::Run();
}
