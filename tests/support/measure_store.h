// Test and bench support: a store of many cases with structured safeguarding
// records written directly through the storage API and the measure index (as
// AppendEntry writes them, without gRPC), from a seed, so that the same
// options always give the same store. For the inspection report's
// brute-force test and its bench.
#ifndef CASEFILE_TESTS_SUPPORT_MEASURE_STORE_H_
#define CASEFILE_TESTS_SUPPORT_MEASURE_STORE_H_

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "core/chronology/entry_time_order.h"
#include "core/input/resource_names.h"
#include "core/safeguarding/dash_questions.h"
#include "core/safeguarding/measure_index.h"
#include "core/time/uk_instant.h"
#include "google/protobuf/util/time_util.h"
#include "storage/case_tables.h"
#include "storage/store.h"

namespace casefile::testing {

struct MeasureStoreOptions {
  int cases = 2000;
  // Plain notes in each case besides its records (the bulk of a real store).
  int notes_per_case = 0;
  uint64_t seed = 1;
  // Records are dated from 1 January of this year over `days`.
  int first_year = 2025;
  int days = 730;
  // Children shared between cases (so that some go missing three times).
  int children = 300;
  int officers = 20;
  std::vector<std::string> teams = {"cait", "pvp-east", "pvp-west"};
  // Every this many cases one is restricted to team "eds".
  int restricted_every = 25;
  int cases_per_write = 500;
};

inline std::string MeasureStoreCaseId(int i) { return absl::StrFormat("CF-%06d", i); }

namespace measure_store_internal {

constexpr int64_t kMinute = 60 * 1000000LL;
constexpr int64_t kHour = 60 * kMinute;
constexpr int64_t kDay = 24 * kHour;

// A UK civil time at `micros`, to the minute or the day.
inline v1::PartialTime At(int64_t micros, bool minute) {
  const absl::CivilSecond c = absl::ToCivilSecond(absl::FromUnixMicros(micros), UkTimeZone());
  v1::PartialTime t;
  t.set_precision(minute ? v1::PartialTime::PRECISION_MINUTE : v1::PartialTime::PRECISION_DAY);
  t.set_year(static_cast<int>(c.year()));
  t.set_month(c.month());
  t.set_day(c.day());
  if (minute) {
    t.set_hour(c.hour());
    t.set_minute(c.minute());
  }
  return t;
}

inline v1::ChildRef Child(int k) {
  v1::ChildRef c;
  c.set_name(absl::StrCat("Child ", k, " SMITH"));
  c.mutable_date_of_birth()->set_precision(v1::PartialTime::PRECISION_YEAR);
  c.mutable_date_of_birth()->set_year(2008 + k % 10);
  return c;
}

// The entries of case `i` (deterministic for the seed), in the order written.
inline std::vector<v1::Entry> CaseEntries(const MeasureStoreOptions& o, int i, int64_t start_micros) {
  std::mt19937_64 rng(o.seed * 1000003ULL + static_cast<uint64_t>(i));
  auto below = [&](int64_t n) { return static_cast<int64_t>(rng() % static_cast<uint64_t>(n)); };
  auto chance = [&](int percent) { return below(100) < percent; };
  const std::string id = MeasureStoreCaseId(i);
  const int64_t t0 = start_micros + below(o.days) * kDay + below(24 * 60) * kMinute;
  std::vector<v1::Entry> out;
  out.reserve(static_cast<size_t>(o.notes_per_case) + 16);  // no record below adds more: references stay valid
  auto add = [&](v1::EntryKind kind, int64_t recorded) -> v1::Entry& {
    v1::Entry& e = out.emplace_back();
    e.set_kind(kind);
    e.set_text("Recorded.");
    e.set_number(static_cast<int64_t>(out.size()));
    e.set_name(EntryResourceName(id, out.size()));
    e.set_author(absl::StrCat("dc", i % 10));
    *e.mutable_record_time() = google::protobuf::util::TimeUtil::MicrosecondsToTimestamp(recorded);
    return e;
  };
  for (int n = 0; n < o.notes_per_case; ++n) add(v1::ENTRY_KIND_NOTE, t0 + n * kMinute);
  if (chance(60)) {
    v1::Entry& e = add(v1::ENTRY_KIND_REFERRAL, t0 + below(3) * kHour);
    v1::Referral& r = *e.mutable_referral();
    r.set_to_agency(chance(70) ? v1::AGENCY_CSC : v1::AGENCY_HEALTH);
    r.set_reason("Concern");
    v1::ChildImpact& c = *r.add_child_impacts();
    *c.mutable_child() = Child(static_cast<int>(below(o.children)));
    c.set_impact("Frightened");
    r.set_risk_grade(v1::RISK_GRADE_MEDIUM);
    r.set_significant_harm_suspected(chance(30));
    r.set_domestic_abuse(chance(40));
    if (chance(80)) *r.mutable_referred_time() = At(t0, true);
    const std::string referral = e.name();
    const bool to_csc = r.to_agency() == v1::AGENCY_CSC;
    if (chance(50)) {
      const int64_t held = t0 + below(72) * kHour - 6 * kHour;
      v1::Entry& sd = add(v1::ENTRY_KIND_STRATEGY_DISCUSSION, t0 + 80 * kHour);
      v1::StrategyDiscussion& d = *sd.mutable_strategy_discussion();
      *d.mutable_held_time() = At(held, chance(50));
      d.set_format(v1::StrategyDiscussion::FORMAT_PHONE);
      d.add_decisions("Enquiry");
      if (chance(60)) {
        v1::SafeguardingAction& a = *d.add_actions();
        a.set_owner("SW");
        a.set_description("Visit");
        *a.mutable_due() = At(held + kDay, false);
      }
      *d.add_children() = Child(static_cast<int>(below(o.children)));
    }
    if (to_csc && chance(60)) {
      const int64_t received = t0 + below(10 * 24) * kHour;
      v1::Entry& f = add(v1::ENTRY_KIND_REFERRAL, received + kHour);
      f.mutable_referral_feedback()->set_referral(referral);
      f.mutable_referral_feedback()->set_feedback("Seen");
      f.mutable_referral_feedback()->set_outcome("NFA");
      if (chance(70)) *f.mutable_referral_feedback()->mutable_received_time() = At(received, false);
      if (chance(20)) {  // a second feedback, later
        v1::Entry& again = add(v1::ENTRY_KIND_REFERRAL, received + 2 * kDay);
        *again.mutable_referral_feedback() = f.referral_feedback();
        again.mutable_referral_feedback()->clear_received_time();
      }
    }
  }
  if (chance(20)) {
    const int64_t requested = t0 + below(12 * 60) * kMinute;
    v1::Entry& e = add(v1::ENTRY_KIND_CUSTODY, requested + kMinute);
    v1::Custody& c = *e.mutable_custody();
    *c.mutable_child() = Child(static_cast<int>(below(o.children)));
    *c.mutable_arrival_time() = At(requested - 10 * kMinute, true);
    *c.mutable_appropriate_adult_requested_time() = At(requested, true);
    const std::string root = e.name();
    const int64_t arrived = requested + below(10 * 60) * kMinute;
    if (chance(60)) {
      *c.mutable_appropriate_adult_arrived_time() = At(arrived, true);
    } else if (chance(70)) {
      v1::Custody update = c;
      v1::Entry& u = add(v1::ENTRY_KIND_CUSTODY, arrived + kMinute);
      *u.mutable_custody() = update;
      *u.mutable_custody()->mutable_appropriate_adult_arrived_time() = At(arrived, true);
      u.mutable_custody()->set_updates(root);
    }
  }
  if (chance(35)) {
    const int k = static_cast<int>(below(o.children));
    for (int n = 1 + static_cast<int>(below(3)); n > 0; --n) {
      const int64_t when = t0 + below(200) * kDay;
      v1::Entry& e = add(v1::ENTRY_KIND_MISSING_EPISODE, when + kHour);
      v1::MissingEpisode& m = *e.mutable_missing_episode();
      *m.mutable_child() = Child(k);
      m.set_missing_from("Home");
      *m.mutable_reported_time() = At(when, chance(50));
    }
    if (chance(40)) {
      const int64_t when = t0 + below(300) * kDay;
      v1::Entry& e = add(v1::ENTRY_KIND_ASSESSMENT, when);
      *e.mutable_assessment()->mutable_child() = Child(k);
      *e.mutable_assessment()->mutable_assessed_time() = At(when, false);
      e.mutable_assessment()->set_summary("Assessed");
    }
  }
  if (chance(40)) {
    v1::Entry& e = add(v1::ENTRY_KIND_RISK_ASSESSMENT, t0 + kHour);
    v1::DashRiskAssessment& d = *e.mutable_dash_risk_assessment();
    const int not_known = chance(50) ? 0 : static_cast<int>(below(4));
    int q = 0;
    for (const DashQuestion& question : DashQuestions()) {
      (*d.mutable_answers())[question.id] = q++ < not_known ? v1::DASH_ANSWER_NOT_KNOWN
                                                             : (chance(30) ? v1::DASH_ANSWER_YES : v1::DASH_ANSWER_NO);
    }
    d.set_grade(v1::RISK_GRADE_STANDARD);
    d.set_officer(absl::StrCat("pc", below(o.officers)));
    *d.mutable_assessed_time() = At(t0, false);
    if (chance(20)) {
      v1::DashReview& r = *d.mutable_review();
      r.set_reviewer(absl::StrCat("ds", below(5)));
      *r.mutable_reviewed_time() = At(t0 + kDay, false);
      r.set_agreed_grade(v1::RISK_GRADE_MEDIUM);
    }
    const std::string dash = e.name();
    if (!d.has_review() && chance(30)) {
      v1::Entry& r = add(v1::ENTRY_KIND_RISK_ASSESSMENT, t0 + 2 * kDay);
      r.mutable_dash_review()->set_assessment(dash);
      *r.mutable_dash_review()->mutable_review()->mutable_reviewed_time() = At(t0 + 2 * kDay, false);
      r.mutable_dash_review()->mutable_review()->set_agreed_grade(v1::RISK_GRADE_HIGH);
    }
  }
  return out;
}

inline absl::Status WriteCase(storage::LmdbTxn& txn, const MeasureStoreOptions& o, int i, int64_t start_micros) {
  const std::string id = MeasureStoreCaseId(i);
  v1::Case c;
  c.set_name(CaseName(id));
  c.set_title(absl::StrCat("Case ", i));
  c.set_team(o.teams[static_cast<size_t>(i) % o.teams.size()]);
  if (o.restricted_every > 0 && i % o.restricted_every == 0) c.mutable_restriction()->add_teams("eds");
  std::vector<v1::Entry> entries = CaseEntries(o, i, start_micros);
  for (v1::Entry& e : entries) {
    FillRecordAuthors(e, e.author());
    if (auto s = storage::SaveEntry(txn, id, e, {TimeOrder(e.occur_time()), static_cast<uint64_t>(e.number())});
        !s.ok())
      return s;
    if (auto s = IndexMeasures(txn, id, e); !s.ok()) return s;
  }
  c.set_version(static_cast<int64_t>(entries.size()));
  return storage::SaveCase(txn, id, c);
}

}  // namespace measure_store_internal

// Writes the cases of `o` into `store`.
inline absl::Status FillMeasureStore(storage::Store& store, const MeasureStoreOptions& o) {
  const int64_t start = absl::ToUnixMicros(absl::FromCivil(absl::CivilDay(o.first_year, 1, 1), UkTimeZone()));
  for (int first = 0; first < o.cases; first += o.cases_per_write) {
    absl::Status s = store.writer().Run([&](storage::LmdbTxn& txn) -> absl::Status {
      for (int i = first; i < std::min(o.cases, first + o.cases_per_write); ++i) {
        if (auto s = measure_store_internal::WriteCase(txn, o, i, start); !s.ok()) return s;
      }
      return absl::OkStatus();
    });
    if (!s.ok()) return s;
  }
  return absl::OkStatus();
}

}  // namespace casefile::testing

#endif  // CASEFILE_TESTS_SUPPORT_MEASURE_STORE_H_
