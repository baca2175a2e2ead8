#include "core/safeguarding/inspection_report.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "core/access/need_to_know.h"
#include "core/access/supervision.h"
#include "core/input/resource_names.h"
#include "core/safeguarding/report_words.h"
#include "core/time/uk_instant.h"
#include "google/protobuf/util/time_util.h"
#include "storage/case_tables.h"
#include "storage/keys.h"
#include "storage/measure_tables.h"

namespace casefile {
namespace {

using google::protobuf::util::TimeUtil;
using storage::MeasureRow;


constexpr int kMaxPeriodDays = 5 * 366;

absl::Status Invalid(absl::string_view field, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", what));
}

struct Period {
  int64_t from_micros = 0;
  int64_t to_micros = 0;  // exclusive
  std::vector<absl::CivilMonth> months;
};

absl::StatusOr<absl::CivilDay> Day(const std::string& text, absl::string_view field) {
  absl::CivilDay day;
  if (text.size() != 10 || !absl::ParseCivilTime(text, &day))
    return Invalid(field, "must be a day, YYYY-MM-DD");
  return day;
}

absl::StatusOr<Period> ReadPeriod(const std::string& from_date, const std::string& to_date,
                                  const std::string& team) {
  auto from = Day(from_date, "from_date");
  if (!from.ok()) return from.status();
  auto to = Day(to_date, "to_date");
  if (!to.ok()) return to.status();
  if (*to < *from) return Invalid("to_date", "is before from_date");
  if (*to - *from >= kMaxPeriodDays) return Invalid("to_date", "the period may be at most 5 years");
  if (!team.empty() && !IsValidTeamName(team)) return Invalid("team", "is not a team name (a-z, 0-9, '-', '_')");
  Period p;
  p.from_micros = absl::ToUnixMicros(absl::FromCivil(*from, UkTimeZone()));
  p.to_micros = absl::ToUnixMicros(absl::FromCivil(*to + 1, UkTimeZone()));
  for (absl::CivilMonth m(*from); m <= absl::CivilMonth(*to); ++m) p.months.push_back(m);
  return p;
}

std::string MonthText(absl::CivilMonth m) { return absl::FormatCivilTime(m).substr(0, 7); }

// Which cases' rows count for the caller: those they may know, and with a
// team those now with it. Loads each case header once, and none for an
// admin's report of the whole unit.
class CaseFilter {
 public:
  CaseFilter(const storage::LmdbTxn& txn, const Caller& caller, std::string team)
      : txn_(txn), caller_(caller), team_(std::move(team)) {}

  absl::StatusOr<bool> Counts(const std::string& case_id) {
    if (caller_.role == Role::kAdmin && team_.empty()) return true;
    auto c = Header(case_id);
    if (!c.ok()) return c.status();
    return *c != nullptr && MayKnow(caller_, **c) && (team_.empty() || (*c)->team() == team_);
  }
  // The case's title ("" once erased).
  absl::StatusOr<std::string> Title(const std::string& case_id) {
    auto c = Header(case_id);
    if (!c.ok()) return c.status();
    return *c == nullptr ? "" : (*c)->title();
  }

 private:
  absl::StatusOr<const v1::Case*> Header(const std::string& case_id) {
    auto [at, fresh] = cases_.try_emplace(case_id);
    if (fresh) {
      auto c = storage::LoadCase(txn_, case_id);
      if (!c.ok()) return c.status();
      at->second = *std::move(c);
    }
    return at->second.has_value() ? &*at->second : nullptr;
  }

  const storage::LmdbTxn& txn_;
  const Caller& caller_;
  const std::string team_;
  absl::flat_hash_map<std::string, std::optional<v1::Case>> cases_;
};

// One unit a figure counts.
struct Unit {
  MeasureRow row;
  int64_t micros = 0;
  int month = 0;  // index into Period::months
  bool met = false;
};

class UnitReader {
 public:
  UnitReader(const storage::LmdbTxn& txn, const Caller& caller, const Period& period, const std::string& team,
             absl::Duration sd_within)
      : txn_(txn), period_(period), filter_(txn, caller, team), sd_within_micros_(absl::ToInt64Microseconds(sd_within)) {}

  // The units of `measure` in the period that the caller's figures count;
  // with `by_month`, a child counts once in each month, else once in all.
  absl::StatusOr<std::vector<Unit>> Read(v1::ReportMeasure measure, bool by_month) {
    std::vector<Unit> units;
    absl::Status s = storage::ScanMeasureRows(
        txn_, measure, period_.from_micros, period_.to_micros,
        [&](absl::string_view key, absl::string_view value) -> absl::Status {
          Unit u;
          if (!u.row.ParseFromArray(value.data(), static_cast<int>(value.size())))
            return absl::DataLossError("unreadable measure row");
          auto counts = filter_.Counts(u.row.case_id());
          if (!counts.ok()) return counts.status();
          if (!*counts) return absl::OkStatus();
          u.micros = storage::keys::MeasureRowMicros(key);
          u.month = MonthIndex(u.micros);
          u.met = measure == v1::REPORT_MEASURE_STRATEGY_DISCUSSION_IN_TIME
                      ? u.row.has_duration() && u.row.duration_micros() <= sd_within_micros_
                      : u.row.met();
          units.push_back(std::move(u));
          return absl::OkStatus();
        });
    if (!s.ok()) return s;
    if (measure == v1::REPORT_MEASURE_REPEATED_MISSING_ASSESSED) units = LatestPerChild(std::move(units), by_month);
    return units;
  }

  CaseFilter& filter() { return filter_; }

 private:
  int MonthIndex(int64_t micros) const {
    const absl::CivilMonth m(absl::ToCivilSecond(absl::FromUnixMicros(micros), UkTimeZone()));
    return static_cast<int>(m - period_.months.front());
  }

  // A child's latest episode in the period (or in each month) stands for them.
  static std::vector<Unit> LatestPerChild(std::vector<Unit> units, bool by_month) {
    std::map<std::pair<int, std::string>, size_t> latest;  // rows come oldest first
    for (size_t i = 0; i < units.size(); ++i) latest[{by_month ? units[i].month : 0, units[i].row.child()}] = i;
    std::vector<size_t> kept;
    for (const auto& [child, i] : latest) kept.push_back(i);
    std::sort(kept.begin(), kept.end());
    std::vector<Unit> out;
    for (size_t i : kept) out.push_back(std::move(units[i]));
    return out;
  }

  const storage::LmdbTxn& txn_;
  const Period& period_;
  CaseFilter filter_;
  const int64_t sd_within_micros_;
};

bool HasDurations(v1::ReportMeasure m) {
  return m == v1::REPORT_MEASURE_CSC_FEEDBACK || m == v1::REPORT_MEASURE_APPROPRIATE_ADULT;
}

google::protobuf::Duration Micros(int64_t micros) { return TimeUtil::MicrosecondsToDuration(micros); }

// The median (the lower middle value), 90th percentile (nearest rank) and
// longest of the met units' durations.
v1::DurationSummary Durations(const std::vector<Unit>& units) {
  std::vector<int64_t> d;
  for (const Unit& u : units) {
    if (u.met && u.row.has_duration()) d.push_back(u.row.duration_micros());
  }
  v1::DurationSummary out;
  out.set_count(static_cast<int64_t>(d.size()));
  if (d.empty()) return out;
  std::sort(d.begin(), d.end());
  const size_t n = d.size();
  *out.mutable_median() = Micros(d[(n - 1) / 2]);
  *out.mutable_p90() = Micros(d[static_cast<size_t>(std::ceil(0.9 * static_cast<double>(n))) - 1]);
  *out.mutable_longest() = Micros(d.back());
  return out;
}

}  // namespace

InspectionReports::InspectionReports(storage::Store* store, Clock clock, absl::Duration strategy_discussion_within)
    : store_(store), clock_(std::move(clock)), strategy_discussion_within_(strategy_discussion_within) {}

absl::StatusOr<v1::InspectionReport> InspectionReports::Report(const Caller& caller,
                                                               const v1::GetInspectionReportRequest& request) const {
  if (auto s = MayReadReports(caller, request.team()); !s.ok()) return s;
  auto period = ReadPeriod(request.from_date(), request.to_date(), request.team());
  if (!period.ok()) return period.status();
  auto read = store_->BeginRead();
  if (!read.ok()) return read.status();
  UnitReader reader((*read)->txn(), caller, *period, request.team(), strategy_discussion_within_);

  v1::InspectionReport report;
  report.set_from_date(request.from_date());
  report.set_to_date(request.to_date());
  report.set_team(request.team());
  for (const MeasureWords& words : ReportMeasures()) {
    v1::MeasureResult& m = *report.add_measures();
    m.set_measure(words.measure);
    m.set_title(words.title);
    m.set_unit_label(words.unit_label);
    m.set_met_label(words.met_label);
    for (const absl::CivilMonth month : period->months) m.add_months()->set_month(MonthText(month));
    const bool per_child = words.measure == v1::REPORT_MEASURE_REPEATED_MISSING_ASSESSED;
    auto units = reader.Read(words.measure, per_child);
    if (!units.ok()) return units.status();
    for (const Unit& u : *units) {
      v1::MeasureCount& month = *m.mutable_months(u.month);
      month.set_count(month.count() + 1);
      month.set_met(month.met() + u.met);
    }
    if (per_child) {
      units = reader.Read(words.measure, false);
      if (!units.ok()) return units.status();
    }
    for (const Unit& u : *units) {
      m.mutable_period()->set_count(m.period().count() + 1);
      m.mutable_period()->set_met(m.period().met() + u.met);
    }
    if (HasDurations(words.measure)) *m.mutable_durations() = Durations(*units);
    if (words.measure != v1::REPORT_MEASURE_DASH_COMPLETE) continue;
    std::map<std::string, v1::OfficerDash> officers;
    for (const Unit& u : *units) {
      v1::OfficerDash& o = officers[u.row.officer()];
      o.set_officer(u.row.officer());
      o.set_assessments(o.assessments() + 1);
      o.set_complete(o.complete() + u.met);
      o.set_not_known_answers(o.not_known_answers() + u.row.not_known());
      o.set_reviewed(o.reviewed() + u.row.reviewed());
    }
    for (auto& [officer, o] : officers) *report.add_dash_by_officer() = std::move(o);
  }
  *report.mutable_compute_time() = TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(clock_()));
  return report;
}

absl::StatusOr<v1::ListReportCasesResponse> InspectionReports::ListCases(
    const Caller& caller, const v1::ListReportCasesRequest& request) const {
  if (auto s = MayReadReports(caller, request.team()); !s.ok()) return s;
  auto period = ReadPeriod(request.from_date(), request.to_date(), request.team());
  if (!period.ok()) return period.status();
  if (request.measure() == v1::REPORT_MEASURE_UNSPECIFIED || !v1::ReportMeasure_IsValid(request.measure()))
    return Invalid("measure", "is required (e.g. REPORT_MEASURE_CSC_FEEDBACK)");
  if (!v1::ReportSelection_IsValid(request.selection())) return Invalid("selection", "unknown selection");
  std::optional<int> month;
  if (!request.month().empty()) {
    for (size_t i = 0; i < period->months.size(); ++i) {
      if (MonthText(period->months[i]) == request.month()) month = static_cast<int>(i);
    }
    if (!month) return Invalid("month", "must be a month of the period, YYYY-MM");
  }
  if (!request.officer().empty() && !IsValidUserIdInRequest(request.officer()))
    return Invalid("officer", "is not a user id");
  if (request.page_size() < 0 || request.page_size() > 1000) return Invalid("page_size", "must be 0 to 1000");
  const size_t page_size = request.page_size() == 0 ? 100 : static_cast<size_t>(request.page_size());
  size_t offset = 0;
  if (!request.page_token().empty() && !absl::SimpleAtoi(request.page_token(), &offset))
    return Invalid("page_token", "is not a token of this list");

  auto read = store_->BeginRead();
  if (!read.ok()) return read.status();
  UnitReader reader((*read)->txn(), caller, *period, request.team(), strategy_discussion_within_);
  auto units = reader.Read(request.measure(), month.has_value());
  if (!units.ok()) return units.status();
  std::vector<const Unit*> chosen;
  for (const Unit& u : *units) {
    if (month && u.month != *month) continue;
    if (!request.officer().empty() && u.row.officer() != request.officer()) continue;
    if (request.selection() == v1::REPORT_SELECTION_MET && !u.met) continue;
    if (request.selection() == v1::REPORT_SELECTION_NOT_MET && u.met) continue;
    chosen.push_back(&u);
  }
  v1::ListReportCasesResponse out;
  out.set_total(static_cast<int64_t>(chosen.size()));
  for (size_t i = offset; i < chosen.size() && i < offset + page_size; ++i) {
    const Unit& u = *chosen[i];
    v1::ReportCase& c = *out.add_cases();
    c.set_case_(CaseName(u.row.case_id()));
    auto title = reader.filter().Title(u.row.case_id());
    if (!title.ok()) return title.status();
    c.set_title(*title);
    c.set_entry(EntryResourceName(u.row.case_id(), u.row.entry()));
    c.set_met(u.met);
    if (u.row.has_duration()) *c.mutable_duration() = Micros(u.row.duration_micros());
  }
  if (offset + page_size < chosen.size()) out.set_next_page_token(absl::StrCat(offset + page_size));
  return out;
}

}  // namespace casefile
