// Every figure of the inspection report, read from the measure index, equals
// a brute-force count over every entry of every case of the same generated
// store (tests/support/measure_store.h, a fixed seed), for several periods
// and teams; and what the index keeps survives erasing a case and building
// the index again from the entries of an older store.
#include "core/safeguarding/inspection_report.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "core/input/resource_names.h"
#include "core/retention/case_eraser.h"
#include "core/safeguarding/attention_index.h"
#include "core/time/uk_instant.h"
#include "google/protobuf/util/time_util.h"
#include "gtest/gtest.h"
#include "storage/case_tables.h"
#include "storage/keys.h"
#include "storage/store.h"
#include "tests/support/measure_store.h"
#include "tests/scratch_dir.h"

namespace casefile {
namespace {

using google::protobuf::util::TimeUtil;

constexpr int64_t kDay = 24 * 3600 * 1000000LL;

struct Figure {
  int64_t count = 0;
  int64_t met = 0;
  bool operator==(const Figure& o) const { return count == o.count && met == o.met; }
};

// What the report should say, counted from the entries themselves.
struct Expected {
  std::map<int, Figure> period;                       // by measure
  std::map<std::pair<int, std::string>, Figure> month;  // by measure and "YYYY-MM"
  std::map<int, std::vector<int64_t>> durations;      // met units' durations
  std::map<std::string, v1::OfficerDash> officers;
};

struct Case {
  v1::Case header;
  std::vector<v1::Entry> entries;
};

int64_t Micros(const v1::PartialTime& t) { return absl::ToUnixMicros(*UkInstant(t)); }
int64_t RecordMicros(const v1::Entry& e) { return TimeUtil::TimestampToMicroseconds(e.record_time()); }
int64_t MicrosOr(const v1::PartialTime& t, const v1::Entry& e) {
  return t.precision() == v1::PartialTime::PRECISION_UNSPECIFIED ? RecordMicros(e) : Micros(t);
}
int64_t SpanEnd(const v1::PartialTime& t) {
  return t.precision() == v1::PartialTime::PRECISION_MINUTE ? Micros(t) + 60 * 1000000LL
                                                            : absl::ToUnixMicros(UkStartOfNextDay(t));
}
std::string MonthOf(int64_t micros) {
  const absl::CivilMonth m(absl::ToCivilSecond(absl::FromUnixMicros(micros), UkTimeZone()));
  return absl::FormatCivilTime(m).substr(0, 7);
}

std::vector<Case> EveryCase(storage::Store& store) {
  std::vector<Case> cases;
  auto read = store.BeginRead();
  EXPECT_TRUE(read.ok());
  const storage::LmdbTxn& txn = (*read)->txn();
  auto cursor = txn.OpenCursor();
  const std::string prefix = storage::keys::CasePrefix();
  std::vector<std::string> ids;
  for (auto at = cursor->Seek(prefix); at.ok() && *at && cursor->key().substr(0, prefix.size()) == prefix;
       at = cursor->Next())
    ids.emplace_back(cursor->key().substr(prefix.size()));
  for (const std::string& id : ids) {
    Case c;
    c.header = **storage::LoadCase(txn, id);
    for (int64_t n = 1; n <= c.header.version(); ++n) c.entries.push_back(**storage::LoadBareEntry(txn, id, n));
    cases.push_back(std::move(c));
  }
  return cases;
}

// The brute force: every measure's units from the entries, as report.proto defines them.
Expected Count(const std::vector<Case>& cases, int64_t from, int64_t to, const std::string& team) {
  Expected x;
  struct Unit {
    int measure;
    int64_t micros;
    bool met;
    std::optional<int64_t> duration;
  };
  std::vector<Unit> units;
  struct Episode {
    int64_t micros;
    std::string case_id;
    int64_t entry;
    bool counts;  // its case counts for this report
    bool operator<(const Episode& o) const {
      return std::tie(micros, case_id, entry) < std::tie(o.micros, o.case_id, o.entry);
    }
  };
  std::map<std::string, std::vector<Episode>> episodes;
  std::map<std::string, std::vector<int64_t>> assessments;
  for (const Case& c : cases) {
    const std::string id = std::string(c.header.name()).substr(6);
    const bool counts = team.empty() || c.header.team() == team;
    std::vector<std::pair<int64_t, int64_t>> discussions;  // [start, end)
    for (const v1::Entry& e : c.entries) {
      if (e.has_strategy_discussion())
        discussions.emplace_back(Micros(e.strategy_discussion().held_time()), SpanEnd(e.strategy_discussion().held_time()));
    }
    auto entry_number = [](const std::string& name) { return *ParseEntryName(name, "x"); };
    for (const v1::Entry& e : c.entries) {
      if (e.has_missing_episode() && e.missing_episode().updates().empty())
        episodes[ChildKey(e.missing_episode().child())].push_back(
            {Micros(e.missing_episode().reported_time()), id, e.number(), counts});
      if (e.has_assessment()) assessments[ChildKey(e.assessment().child())].push_back(Micros(e.assessment().assessed_time()));
      if (!counts) continue;
      if (e.has_referral()) {
        const v1::Referral& r = e.referral();
        const int64_t t = MicrosOr(r.referred_time(), e);
        if (r.significant_harm_suspected()) {
          std::optional<int64_t> best;
          for (auto [start, end] : discussions) {
            if (end <= t) continue;
            const int64_t after = std::max<int64_t>(0, start - t);
            if (!best || after < *best) best = after;
          }
          units.push_back({1, t, best && *best <= kDay, std::nullopt});
        }
        if (r.domestic_abuse()) {
          bool stated = r.child_impacts_size() > 0;
          for (const auto& ci : r.child_impacts()) stated &= !ci.impact().empty();
          units.push_back({3, t, stated, std::nullopt});
        }
        if (r.to_agency() == v1::AGENCY_CSC) {
          std::optional<int64_t> took;
          for (const v1::Entry& f : c.entries) {
            if (!f.has_referral_feedback() || f.referral_feedback().referral() != e.name()) continue;
            const int64_t d = std::max<int64_t>(0, MicrosOr(f.referral_feedback().received_time(), f) - t);
            if (!took || d < *took) took = d;
          }
          units.push_back({4, t, took.has_value(), took});
        }
      }
      if (e.has_strategy_discussion()) {
        const v1::StrategyDiscussion& d = e.strategy_discussion();
        units.push_back({2, Micros(d.held_time()), d.decisions_size() > 0 && d.actions_size() > 0, std::nullopt});
      }
      if (e.has_custody() && e.custody().updates().empty()) {
        const int64_t requested = Micros(e.custody().appropriate_adult_requested_time());
        std::optional<int64_t> wait;
        // The records of this custody: the first and those that update one of them.
        std::set<int64_t> chain = {e.number()};
        for (const v1::Entry& u : c.entries) {
          if (u.has_custody() && !u.custody().updates().empty() &&
              chain.contains(entry_number(u.custody().updates()).number))
            chain.insert(u.number());
        }
        for (const v1::Entry& u : c.entries) {
          if (chain.contains(u.number()) &&
              u.custody().appropriate_adult_arrived_time().precision() != v1::PartialTime::PRECISION_UNSPECIFIED)
            wait = std::max<int64_t>(0, Micros(u.custody().appropriate_adult_arrived_time()) - requested);
        }
        units.push_back({5, requested, wait.has_value(), wait});
      }
      if (e.has_dash_risk_assessment()) {
        const v1::DashRiskAssessment& d = e.dash_risk_assessment();
        int not_known = 0;
        for (const auto& [q, a] : d.answers()) not_known += a == v1::DASH_ANSWER_NOT_KNOWN;
        bool reviewed = d.has_review();
        for (const v1::Entry& r : c.entries) reviewed |= r.has_dash_review() && r.dash_review().assessment() == e.name();
        const int64_t t = Micros(d.assessed_time());
        units.push_back({7, t, not_known == 0, std::nullopt});
        if (t >= from && t < to) {
          v1::OfficerDash& o = x.officers[d.officer()];
          o.set_officer(d.officer());
          o.set_assessments(o.assessments() + 1);
          o.set_complete(o.complete() + (not_known == 0));
          o.set_not_known_answers(o.not_known_answers() + not_known);
          o.set_reviewed(o.reviewed() + reviewed);
        }
      }
    }
  }
  for (const Unit& u : units) {
    if (u.micros < from || u.micros >= to) continue;
    for (Figure* f : {&x.period[u.measure], &x.month[{u.measure, MonthOf(u.micros)}]}) {
      ++f->count;
      f->met += u.met;
    }
    if (u.met && u.duration && (u.measure == 4 || u.measure == 5)) x.durations[u.measure].push_back(*u.duration);
  }
  // Children: each episode that is the third or later within 365 days; a
  // child counts once (their latest such episode) in the period and in each month.
  std::map<std::string, std::pair<Episode, bool>> latest_in_period;
  std::map<std::pair<std::string, std::string>, std::pair<Episode, bool>> latest_in_month;
  for (auto& [child, list] : episodes) {
    std::sort(list.begin(), list.end());
    for (size_t i = 0; i < list.size(); ++i) {
      int in_year = 0;
      int64_t first = list[i].micros;
      for (size_t j = 0; j <= i; ++j) {
        if (list[j].micros >= list[i].micros - 365 * kDay) {
          ++in_year;
          first = std::min(first, list[j].micros);
        }
      }
      if (in_year < 3 || !list[i].counts || list[i].micros < from || list[i].micros >= to) continue;
      bool met = false;
      for (int64_t a : assessments[child]) met |= a >= first;
      latest_in_period[child] = {list[i], met};
      latest_in_month[{child, MonthOf(list[i].micros)}] = {list[i], met};
    }
  }
  for (const auto& [child, unit] : latest_in_period) {
    ++x.period[6].count;
    x.period[6].met += unit.second;
  }
  for (const auto& [key, unit] : latest_in_month) {
    Figure& f = x.month[{6, key.second}];
    ++f.count;
    f.met += unit.second;
  }
  return x;
}

class InspectionReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    storage::StoreOptions options;
    options.lmdb.map_size = size_t{1} << 30;
    auto store = storage::Store::Open(dir_.path(), options);
    ASSERT_TRUE(store.ok()) << store.status();
    store_ = *std::move(store);
    generator_.cases = 3000;
    generator_.seed = 20261207;
    ASSERT_TRUE(testing::FillMeasureStore(*store_, generator_).ok());
  }

  // The report's figures against the brute force, measure by measure.
  void ExpectReportMatches(const std::string& from_date, const std::string& to_date, const std::string& team) {
    SCOPED_TRACE(absl::StrCat(from_date, "..", to_date, " team '", team, "'"));
    InspectionReports reports(store_.get(), [] { return absl::Now(); }, absl::Hours(24));
    v1::GetInspectionReportRequest request;
    request.set_from_date(from_date);
    request.set_to_date(to_date);
    request.set_team(team);
    auto report = reports.Report(admin_, request);
    ASSERT_TRUE(report.ok()) << report.status();
    absl::CivilDay from, to;
    ASSERT_TRUE(absl::ParseCivilTime(from_date, &from) && absl::ParseCivilTime(to_date, &to));
    const Expected x = Count(EveryCase(*store_), absl::ToUnixMicros(absl::FromCivil(from, UkTimeZone())),
                             absl::ToUnixMicros(absl::FromCivil(to + 1, UkTimeZone())), team);
    ASSERT_EQ(report->measures_size(), 7);
    int64_t units = 0;
    for (const v1::MeasureResult& m : report->measures()) {
      const int measure = m.measure();
      SCOPED_TRACE(m.title());
      const Figure period = x.period.contains(measure) ? x.period.at(measure) : Figure{};
      EXPECT_EQ(m.period().count(), period.count);
      EXPECT_EQ(m.period().met(), period.met);
      units += period.count;
      for (const v1::MeasureCount& month : m.months()) {
        auto it = x.month.find({measure, month.month()});
        const Figure f = it == x.month.end() ? Figure{} : it->second;
        EXPECT_EQ(month.count(), f.count) << month.month();
        EXPECT_EQ(month.met(), f.met) << month.month();
      }
      if (measure == 4 || measure == 5) {
        std::vector<int64_t> d = x.durations.contains(measure) ? x.durations.at(measure) : std::vector<int64_t>{};
        std::sort(d.begin(), d.end());
        ASSERT_EQ(m.durations().count(), static_cast<int64_t>(d.size()));
        if (!d.empty()) {
          EXPECT_EQ(TimeUtil::DurationToMicroseconds(m.durations().median()), d[(d.size() - 1) / 2]);
          EXPECT_EQ(TimeUtil::DurationToMicroseconds(m.durations().p90()),
                    d[static_cast<size_t>(std::ceil(0.9 * static_cast<double>(d.size()))) - 1]);
          EXPECT_EQ(TimeUtil::DurationToMicroseconds(m.durations().longest()), d.back());
        }
      }
      // The cases behind the figure are as many as it counts.
      v1::ListReportCasesRequest cases;
      cases.set_from_date(from_date);
      cases.set_to_date(to_date);
      cases.set_team(team);
      cases.set_measure(m.measure());
      cases.set_selection(v1::REPORT_SELECTION_MET);
      auto listed = reports.ListCases(admin_, cases);
      ASSERT_TRUE(listed.ok()) << listed.status();
      EXPECT_EQ(listed->total(), period.met);
    }
    EXPECT_GT(units, 100) << "the generated store should give every figure something to count";
    ASSERT_EQ(report->dash_by_officer_size(), static_cast<int>(x.officers.size()));
    for (const v1::OfficerDash& o : report->dash_by_officer()) {
      const v1::OfficerDash& want = x.officers.at(o.officer());
      EXPECT_EQ(o.assessments(), want.assessments()) << o.officer();
      EXPECT_EQ(o.complete(), want.complete()) << o.officer();
      EXPECT_EQ(o.not_known_answers(), want.not_known_answers()) << o.officer();
      EXPECT_EQ(o.reviewed(), want.reviewed()) << o.officer();
    }
  }

  ScratchDir dir_;
  std::unique_ptr<storage::Store> store_;
  testing::MeasureStoreOptions generator_;
  Caller admin_{"admin1", "Admin", Role::kAdmin};
};

TEST_F(InspectionReportTest, EveryFigureEqualsABruteForceCount) {
  ExpectReportMatches("2025-01-01", "2025-12-31", "");
  ExpectReportMatches("2025-03-15", "2026-06-20", "");
  ExpectReportMatches("2025-01-01", "2026-12-31", "pvp-east");
}

TEST_F(InspectionReportTest, BuildingTheIndexFromAnOlderStoreGivesTheSameFigures) {
  // Forget the index, as in a store written before it, and build it again.
  ASSERT_TRUE(store_->writer()
                  .Run([](storage::LmdbTxn& txn) -> absl::Status {
                    std::vector<std::string> doomed;
                    auto cursor = txn.OpenCursor();
                    for (auto at = cursor->Seek(std::string("M\0", 2)); at.ok() && *at && cursor->key()[0] == 'M';
                         at = cursor->Next())
                      doomed.emplace_back(cursor->key());
                    for (const std::string& key : doomed) {
                      if (auto s = txn.Delete(key); !s.ok()) return s;
                    }
                    return absl::OkStatus();
                  })
                  .ok());
  ASSERT_TRUE(IndexMeasuresOfOlderStore(*store_).ok());
  ExpectReportMatches("2025-01-01", "2026-12-31", "");
}

TEST_F(InspectionReportTest, AnErasedCaseLeavesEveryFigure) {
  // Erase a few cases with records of every kind; the figures follow.
  for (int i : {1, 2, 3, 5, 8, 13, 21, 34}) {
    ASSERT_TRUE(store_->writer()
                    .Run([&](storage::LmdbTxn& txn) -> absl::Status {
                      return EraseCaseContent(txn, admin_, testing::MeasureStoreCaseId(i),
                                              [](storage::LmdbTxn&) { return absl::OkStatus(); })
                          .status();
                    })
                    .ok())
        << i;
  }
  ExpectReportMatches("2025-01-01", "2026-12-31", "");
}

TEST_F(InspectionReportTest, ThePeriodAndTheCallerAreChecked) {
  InspectionReports reports(store_.get(), [] { return absl::Now(); }, absl::Hours(24));
  v1::GetInspectionReportRequest request;
  request.set_from_date("2025-02-30");
  request.set_to_date("2025-03-01");
  EXPECT_EQ(reports.Report(admin_, request).status().message(), "from_date: must be a day, YYYY-MM-DD");
  request.set_from_date("2025-03-02");
  EXPECT_EQ(reports.Report(admin_, request).status().message(), "to_date: is before from_date");
  request.set_to_date("2031-03-01");
  EXPECT_EQ(reports.Report(admin_, request).status().message(), "to_date: the period may be at most 5 years");
  request.set_to_date("2025-04-01");
  request.set_team("No Team");
  EXPECT_EQ(reports.Report(admin_, request).status().message(), "team: is not a team name (a-z, 0-9, '-', '_')");
  request.clear_team();
  const Caller investigator{"dc1", "DC 1", Role::kInvestigator, "", {"cait"}};
  EXPECT_EQ(reports.Report(investigator, request).status().code(), absl::StatusCode::kPermissionDenied);
  v1::ListReportCasesRequest cases;
  cases.set_from_date("2025-01-01");
  cases.set_to_date("2025-01-31");
  EXPECT_EQ(reports.ListCases(admin_, cases).status().message(),
            "measure: is required (e.g. REPORT_MEASURE_CSC_FEEDBACK)");
  cases.set_measure(v1::REPORT_MEASURE_CSC_FEEDBACK);
  cases.set_month("2025-02");
  EXPECT_EQ(reports.ListCases(admin_, cases).status().message(), "month: must be a month of the period, YYYY-MM");
}

}  // namespace
}  // namespace casefile
