#include "core/safeguarding/measure_index.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "casefile/v1/report.pb.h"
#include "core/input/resource_names.h"
#include "core/safeguarding/attention_index.h"
#include "core/safeguarding/dash_questions.h"
#include "core/time/uk_instant.h"
#include "google/protobuf/util/time_util.h"
#include "storage/case_tables.h"
#include "storage/keys.h"
#include "storage/measure_tables.h"
#include "storage/prefix_scan.h"

namespace casefile {
namespace {

using google::protobuf::util::TimeUtil;
using storage::LmdbTxn;
using storage::MeasureRow;
using storage::v1::StoredChildMeasure;

constexpr int64_t kYearMicros = int64_t{365} * 24 * 3600 * 1000000;

int64_t Micros(absl::Time t) { return absl::ToUnixMicros(t); }
int64_t RecordMicros(const v1::Entry& entry) { return TimeUtil::TimestampToMicroseconds(entry.record_time()); }
// A recorded civil time, else when the entry was recorded.
int64_t MicrosOr(const v1::PartialTime& t, const v1::Entry& entry) {
  const std::optional<absl::Time> when = UkInstant(t);
  return when ? Micros(*when) : RecordMicros(entry);
}

absl::Status Invalid(absl::string_view path, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(path, ": ", what));
}

MeasureRow NewRow(absl::string_view case_id, const v1::Entry& entry) {
  MeasureRow row;
  row.set_case_id(std::string(case_id));
  row.set_entry(entry.number());
  return row;
}

absl::Status PutUnit(LmdbTxn& txn, v1::ReportMeasure measure, int64_t micros, const MeasureRow& row) {
  return storage::PutCaseMeasureRow(txn, measure, row.entry(), storage::keys::MeasureRow(measure, micros, storage::keys::MeasureUnit(row.case_id(), row.entry())), row);
}

// How long after `referral` the first of `discussions` was held that did not
// end before it: none when every one ended before.
std::optional<int64_t> FollowUp(const storage::v1::StoredCaseMeasureFacts& facts, int64_t referral) {
  std::optional<int64_t> best;
  for (const storage::v1::StoredSpan& held : facts.strategy_discussions()) {
    if (held.end_micros() <= referral) continue;
    const int64_t after = std::max<int64_t>(0, held.start_micros() - referral);
    if (!best || after < *best) best = after;
  }
  return best;
}

void SetDuration(MeasureRow& row, std::optional<int64_t> micros) {
  row.set_has_duration(micros.has_value());
  row.set_duration_micros(micros.value_or(0));
}

absl::Status OnReferral(LmdbTxn& txn, absl::string_view case_id, const v1::Entry& entry) {
  const v1::Referral& r = entry.referral();
  const int64_t when = MicrosOr(r.referred_time(), entry);
  if (r.significant_harm_suspected()) {
    auto facts = storage::LoadCaseMeasureFacts(txn, case_id);
    if (!facts.ok()) return facts.status();
    MeasureRow row = NewRow(case_id, entry);
    SetDuration(row, FollowUp(*facts, when));
    if (auto s = PutUnit(txn, v1::REPORT_MEASURE_STRATEGY_DISCUSSION_IN_TIME, when, row); !s.ok()) return s;
  }
  if (r.domestic_abuse()) {
    MeasureRow row = NewRow(case_id, entry);
    bool stated = r.child_impacts_size() > 0;
    for (const v1::ChildImpact& c : r.child_impacts()) stated &= !c.impact().empty();
    row.set_met(stated);
    if (auto s = PutUnit(txn, v1::REPORT_MEASURE_DOMESTIC_ABUSE_CHILD_IMPACT, when, row); !s.ok()) return s;
  }
  if (r.to_agency() == v1::AGENCY_CSC) {
    if (auto s = PutUnit(txn, v1::REPORT_MEASURE_CSC_FEEDBACK, when, NewRow(case_id, entry)); !s.ok()) return s;
  }
  return absl::OkStatus();
}

// The row a record named at `path` counts in (a record of this case).
absl::StatusOr<std::optional<storage::KeyedMeasureRow>> NamedRow(const LmdbTxn& txn, absl::string_view case_id,
                                                                 absl::string_view name, absl::string_view path,
                                                                 v1::ReportMeasure measure) {
  auto target = ParseEntryName(name, path);
  if (!target.ok()) return target.status();
  if (target->case_id != case_id) return std::nullopt;  // the attention index refuses it
  return storage::LoadCaseMeasureRow(txn, case_id, measure, target->number);
}

absl::Status OnReferralFeedback(LmdbTxn& txn, absl::string_view case_id, const v1::Entry& entry) {
  const v1::ReferralFeedback& f = entry.referral_feedback();
  auto named = NamedRow(txn, case_id, f.referral(), "entry.referral_feedback.referral", v1::REPORT_MEASURE_CSC_FEEDBACK);
  if (!named.ok()) return named.status();
  if (!named->has_value()) return absl::OkStatus();  // not a referral to CSC
  auto& [key, row] = **named;
  const int64_t took = std::max<int64_t>(0, MicrosOr(f.received_time(), entry) - storage::keys::MeasureRowMicros(key));
  if (row.met() && row.duration_micros() <= took) return absl::OkStatus();  // an earlier feedback counts
  row.set_met(true);
  SetDuration(row, took);
  return storage::PutMeasureRow(txn, key, row);
}

absl::Status OnStrategyDiscussion(LmdbTxn& txn, absl::string_view case_id, const v1::Entry& entry) {
  const v1::StrategyDiscussion& sd = entry.strategy_discussion();
  storage::v1::StoredSpan held;
  held.set_start_micros(Micros(*UkInstant(sd.held_time())));
  held.set_end_micros(sd.held_time().precision() == v1::PartialTime::PRECISION_MINUTE
                          ? held.start_micros() + 60 * 1000000
                          : Micros(UkStartOfNextDay(sd.held_time())));
  auto facts = storage::LoadCaseMeasureFacts(txn, case_id);
  if (!facts.ok()) return facts.status();
  *facts->add_strategy_discussions() = held;
  if (auto s = storage::SaveCaseMeasureFacts(txn, case_id, *facts); !s.ok()) return s;
  if (auto s = storage::ScanCaseMeasureRows(
          txn, case_id, v1::REPORT_MEASURE_STRATEGY_DISCUSSION_IN_TIME,
          [&](storage::KeyedMeasureRow referral) -> absl::Status {
            const std::optional<int64_t> after = FollowUp(*facts, storage::keys::MeasureRowMicros(referral.key));
            if (after == (referral.row.has_duration() ? std::optional(referral.row.duration_micros()) : std::nullopt))
              return absl::OkStatus();
            SetDuration(referral.row, after);
            return storage::PutMeasureRow(txn, referral.key, referral.row);
          });
      !s.ok())
    return s;
  MeasureRow row = NewRow(case_id, entry);
  row.set_met(sd.decisions_size() > 0 && sd.actions_size() > 0);
  return PutUnit(txn, v1::REPORT_MEASURE_DECISIONS_AND_ACTIONS, held.start_micros(), row);
}

absl::Status OnCustody(LmdbTxn& txn, absl::string_view case_id, const v1::Entry& entry) {
  const v1::Custody& c = entry.custody();
  constexpr v1::ReportMeasure kMeasure = v1::REPORT_MEASURE_APPROPRIATE_ADULT;
  storage::KeyedMeasureRow unit;
  if (c.updates().empty()) {
    unit.row = NewRow(case_id, entry);
    unit.key = storage::keys::MeasureRow(kMeasure, Micros(*UkInstant(c.appropriate_adult_requested_time())),
                                         storage::keys::MeasureUnit(case_id, entry.number()));
  } else {
    auto named = NamedRow(txn, case_id, c.updates(), "entry.custody.updates", kMeasure);
    if (!named.ok()) return named.status();
    if (!named->has_value()) return absl::OkStatus();
    unit = **std::move(named);
  }
  if (const std::optional<absl::Time> arrived = UkInstant(c.appropriate_adult_arrived_time())) {
    unit.row.set_met(true);
    SetDuration(unit.row, std::max<int64_t>(0, Micros(*arrived) - storage::keys::MeasureRowMicros(unit.key)));
    unit.row.set_arrival_entry(entry.number());
  }
  if (c.updates().empty()) return storage::PutCaseMeasureRow(txn, kMeasure, entry.number(), unit.key, unit.row);
  if (auto s = storage::LinkCaseRecord(txn, case_id, kMeasure, entry.number(), unit.key); !s.ok()) return s;
  return storage::PutMeasureRow(txn, unit.key, unit.row);
}

// ---- children: every episode that is the third or later within 365 days ----

using Episode = StoredChildMeasure::Episode;

bool Before(const Episode& a, const Episode& b) {
  if (a.micros() != b.micros()) return a.micros() < b.micros();
  if (a.case_id() != b.case_id()) return a.case_id() < b.case_id();
  return a.entry() < b.entry();
}

// The child's rows, by key.
std::vector<std::pair<std::string, MeasureRow>> ChildRows(absl::string_view child_key, StoredChildMeasure child) {
  std::vector<Episode> episodes(child.episodes().begin(), child.episodes().end());
  std::sort(episodes.begin(), episodes.end(), Before);
  std::vector<std::pair<std::string, MeasureRow>> rows;
  size_t first = 0;  // of the episodes within 365 days up to episode i
  for (size_t i = 0; i < episodes.size(); ++i) {
    while (episodes[first].micros() < episodes[i].micros() - kYearMicros) ++first;
    if (i - first + 1 < 3) continue;
    MeasureRow row;
    row.set_case_id(episodes[i].case_id());
    row.set_entry(episodes[i].entry());
    row.set_child(std::string(child_key));
    row.set_run_start_micros(episodes[first].micros());
    for (const Episode& a : child.assessments()) row.set_met(row.met() || a.micros() >= row.run_start_micros());
    rows.emplace_back(storage::keys::MeasureRow(v1::REPORT_MEASURE_REPEATED_MISSING_ASSESSED, episodes[i].micros(),
                                                storage::keys::MeasureChildUnit(child_key, episodes[i].case_id(),
                                                                                episodes[i].entry())),
                      std::move(row));
  }
  return rows;
}

// Changes a child's record with `change` and moves their rows to match.
template <typename Change>
absl::Status UpdateChild(LmdbTxn& txn, const std::string& child_key, Change change) {
  auto child = storage::LoadChildMeasure(txn, child_key);
  if (!child.ok()) return child.status();
  for (const auto& [key, row] : ChildRows(child_key, *child)) {
    if (auto s = storage::DeleteMeasureRow(txn, key); !s.ok()) return s;
  }
  change(*child);
  for (const auto& [key, row] : ChildRows(child_key, *child)) {
    if (auto s = storage::PutMeasureRow(txn, key, row); !s.ok()) return s;
  }
  return storage::SaveChildMeasure(txn, child_key, *child);
}

Episode EpisodeOf(int64_t micros, absl::string_view case_id, const v1::Entry& entry) {
  Episode e;
  e.set_micros(micros);
  e.set_case_id(std::string(case_id));
  e.set_entry(entry.number());
  return e;
}

absl::Status OnMissingEpisode(LmdbTxn& txn, absl::string_view case_id, const v1::Entry& entry) {
  const v1::MissingEpisode& m = entry.missing_episode();
  if (!m.updates().empty()) return absl::OkStatus();  // the same episode again
  const Episode e = EpisodeOf(Micros(*UkInstant(m.reported_time())), case_id, entry);
  return UpdateChild(txn, ChildKey(m.child()), [&](StoredChildMeasure& child) { *child.add_episodes() = e; });
}

absl::Status OnAssessment(LmdbTxn& txn, absl::string_view case_id, const v1::Entry& entry) {
  const v1::ChildAssessment& a = entry.assessment();
  const Episode e = EpisodeOf(Micros(*UkInstant(a.assessed_time())), case_id, entry);
  return UpdateChild(txn, ChildKey(a.child()), [&](StoredChildMeasure& child) { *child.add_assessments() = e; });
}

// ---- DASH ----

absl::Status OnDash(LmdbTxn& txn, absl::string_view case_id, const v1::Entry& entry) {
  const v1::DashRiskAssessment& d = entry.dash_risk_assessment();
  if (d.has_review() && d.review().reviewer() == d.officer())
    return Invalid("entry.dash_risk_assessment.review.reviewer", "the officer who assessed may not review it");
  MeasureRow row = NewRow(case_id, entry);
  row.set_officer(d.officer());
  row.set_not_known(DashNotKnownCount(d));
  row.set_met(row.not_known() == 0);
  row.set_reviewed(d.has_review());
  return PutUnit(txn, v1::REPORT_MEASURE_DASH_COMPLETE, Micros(*UkInstant(d.assessed_time())), row);
}

absl::Status OnDashReview(LmdbTxn& txn, absl::string_view case_id, const v1::Entry& entry) {
  const v1::DashReviewRecord& r = entry.dash_review();
  constexpr absl::string_view kPath = "entry.dash_review.assessment";
  auto named = NamedRow(txn, case_id, r.assessment(), kPath, v1::REPORT_MEASURE_DASH_COMPLETE);
  if (!named.ok()) return named.status();
  if (!named->has_value())
    return Invalid(kPath, absl::StrCat(r.assessment(), " is not a DASH risk assessment of this case"));
  auto& [key, row] = **named;
  if (row.officer() == r.review().reviewer())
    return Invalid("entry.dash_review.review.reviewer", "the officer who assessed may not review it");
  row.set_reviewed(true);
  return storage::PutMeasureRow(txn, key, row);
}

}  // namespace

void FillRecordAuthors(v1::Entry& entry, absl::string_view author) {
  if (entry.has_dash_risk_assessment() && entry.dash_risk_assessment().officer().empty())
    entry.mutable_dash_risk_assessment()->set_officer(std::string(author));
  if (entry.has_dash_review()) entry.mutable_dash_review()->mutable_review()->set_reviewer(std::string(author));
}

absl::Status IndexMeasures(LmdbTxn& txn, absl::string_view case_id, const v1::Entry& entry) {
  switch (entry.record_case()) {
    case v1::Entry::kReferral: return OnReferral(txn, case_id, entry);
    case v1::Entry::kReferralFeedback: return OnReferralFeedback(txn, case_id, entry);
    case v1::Entry::kStrategyDiscussion: return OnStrategyDiscussion(txn, case_id, entry);
    case v1::Entry::kCustody: return OnCustody(txn, case_id, entry);
    case v1::Entry::kMissingEpisode: return OnMissingEpisode(txn, case_id, entry);
    case v1::Entry::kAssessment: return OnAssessment(txn, case_id, entry);
    case v1::Entry::kDashRiskAssessment: return OnDash(txn, case_id, entry);
    case v1::Entry::kDashReview: return OnDashReview(txn, case_id, entry);
    default: return absl::OkStatus();
  }
}

absl::Status UnindexCaseMeasures(LmdbTxn& txn, absl::string_view case_id, absl::Span<const v1::Entry> entries) {
  if (auto s = storage::DeleteCaseMeasures(txn, case_id); !s.ok()) return s;
  auto not_of_case = [&](google::protobuf::RepeatedPtrField<Episode>& list) {
    list.erase(std::remove_if(list.begin(), list.end(), [&](const Episode& e) { return e.case_id() == case_id; }),
               list.end());
  };
  for (const v1::Entry& entry : entries) {
    const v1::ChildRef* child = entry.has_missing_episode() ? &entry.missing_episode().child()
                                : entry.has_assessment()    ? &entry.assessment().child()
                                                            : nullptr;
    if (child == nullptr) continue;
    if (auto s = UpdateChild(txn, ChildKey(*child),
                             [&](StoredChildMeasure& c) {
                               not_of_case(*c.mutable_episodes());
                               not_of_case(*c.mutable_assessments());
                             });
        !s.ok())
      return s;
  }
  return absl::OkStatus();
}

absl::Status IndexMeasuresOfOlderStore(storage::Store& store) {
  return store.RunOnce("measures_indexed", [](LmdbTxn& txn) -> absl::Status {
    std::vector<std::string> case_ids;
    if (auto s = storage::ScanPrefix(txn, storage::keys::CasePrefix(),
                                     [&](absl::string_view id, absl::string_view) {
                                       case_ids.emplace_back(id);
                                       return absl::OkStatus();
                                     });
        !s.ok())
      return s;
    for (const std::string& id : case_ids) {
      auto c = storage::LoadCase(txn, id);
      if (!c.ok()) return c.status();
      // In number order: what a record names is indexed before it.
      for (int64_t n = 1; c->has_value() && n <= (*c)->version(); ++n) {
        auto entry = storage::LoadBareEntry(txn, id, static_cast<uint64_t>(n));
        if (!entry.ok()) return entry.status();
        if (!entry->has_value() || !(*entry)->supersedes().empty()) continue;  // erased, or a correction
        if (auto s = IndexMeasures(txn, id, **entry); !s.ok()) return s;
      }
    }
    return absl::OkStatus();
  });
}

}  // namespace casefile
