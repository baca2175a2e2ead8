// The case-level event matcher: which legacy records of one case describe the
// same event.
//
// Candidates: records meet only when their recorded times can be the same
// moment — records dated to the day meet the others of that day; records
// known only to the month, or undated, meet the records they are compatible
// with — so a case's cost grows with its busiest day, not with its size
// squared. Score: containment of character shingles (text_shingles.h), which
// is 1 for an exact, shortened or prefixed copy and stays high under typos,
// capitals and re-flowing.
// Merging: best pairs first, into clusters whose members must all stay
// compatible in time (a cluster never spans two days), never after what a
// crime export says was entered, never across an operator's "separate".
// An undated record that strongly matches events of different days is
// ambiguous: its pairs go to review, as do pairs in the uncertain band.
#include "migration/event_clusterer.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <tuple>

#include "absl/strings/str_format.h"
#include "migration/text_shingles.h"

namespace casefile::migration {
namespace {

constexpr double kMergeScore = 0.80;
constexpr double kReviewScore = 0.60;

struct Candidate {
  int a;
  int b;
  double score;
};

class Clusters {
 public:
  Clusters(absl::Span<const EventForMatching> events) : events_(events), parent_(events.size()) {
    std::iota(parent_.begin(), parent_.end(), 0);
    finest_.reserve(events.size());
    latest_allowed_.reserve(events.size());
    for (const EventForMatching& e : events) {
      finest_.push_back(e.occurred);
      latest_allowed_.push_back(e.not_after);
    }
  }
  int Find(int x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  // Whether the two clusters may become one: every member's time compatible
  // with the other cluster's most precise time, nothing after "entered", and
  // no operator "separate" between them.
  bool CanJoin(int a, int b, const std::vector<std::pair<int, int>>& apart) {
    a = Find(a), b = Find(b);
    if (a == b) return true;
    if (!CompatibleTimes(finest_[a], finest_[b])) return false;
    if (After(finest_[a], latest_allowed_[b]) || After(finest_[b], latest_allowed_[a])) return false;
    for (auto [x, y] : apart) {
      int fx = Find(x), fy = Find(y);
      if ((fx == a && fy == b) || (fx == b && fy == a)) return false;
    }
    return true;
  }
  void Join(int a, int b) {
    a = Find(a), b = Find(b);
    if (a == b) return;
    if (b < a) std::swap(a, b);
    parent_[b] = a;
    if (finest_[b].precision > finest_[a].precision) finest_[a] = finest_[b];
    if (latest_allowed_[a].precision == TimePrecision::kUnknown ||
        (latest_allowed_[b].precision != TimePrecision::kUnknown &&
         SortKey(latest_allowed_[b]) < SortKey(latest_allowed_[a])))
      latest_allowed_[a] = latest_allowed_[b];
  }

 private:
  // True when `t` is surely after `limit` (compared at the day).
  static bool After(const PartialTime& t, const PartialTime& limit) {
    if (t.precision < TimePrecision::kDay || limit.precision < TimePrecision::kDay) return false;
    return std::tie(t.year, t.month, t.day) > std::tie(limit.year, limit.month, limit.day);
  }
  absl::Span<const EventForMatching> events_;
  std::vector<int> parent_;
  std::vector<PartialTime> finest_;
  std::vector<PartialTime> latest_allowed_;
};

// Pairs whose times can agree, scored. Day-dated records meet within their
// day; the rest meet everything compatible.
std::vector<Candidate> ScoredCandidates(absl::Span<const EventForMatching> events,
                                        const std::vector<std::vector<uint32_t>>& shingles) {
  std::map<std::tuple<int, int, int>, std::vector<int>> by_day;
  std::vector<int> loose;
  for (int i = 0; i < static_cast<int>(events.size()); ++i) {
    const PartialTime& t = events[i].occurred;
    if (t.precision >= TimePrecision::kDay) {
      by_day[{t.year, t.month, t.day}].push_back(i);
    } else {
      loose.push_back(i);
    }
  }
  std::vector<Candidate> out;
  auto consider = [&](int a, int b) {
    if (!CompatibleTimes(events[a].occurred, events[b].occurred)) return;
    double score = Containment(shingles[a], shingles[b]);
    if (score >= kReviewScore) out.push_back({std::min(a, b), std::max(a, b), score});
  };
  for (const auto& [day, members] : by_day) {
    for (size_t i = 0; i < members.size(); ++i)
      for (size_t j = i + 1; j < members.size(); ++j) consider(members[i], members[j]);
  }
  for (size_t i = 0; i < loose.size(); ++i) {
    for (int j = 0; j < static_cast<int>(events.size()); ++j) {
      const bool j_loose = events[j].occurred.precision < TimePrecision::kDay;
      if (j == loose[i] || (j_loose && j < loose[i])) continue;  // each loose pair once
      consider(loose[i], j);
    }
  }
  // Best first; ties by position so the result is the same every time.
  std::sort(out.begin(), out.end(), [](const Candidate& x, const Candidate& y) {
    return x.score != y.score ? x.score > y.score : std::tie(x.a, x.b) < std::tie(y.a, y.b);
  });
  return out;
}

// Undated records whose strong partners lie on different days.
std::vector<bool> AmbiguousUndated(absl::Span<const EventForMatching> events,
                                   const std::vector<Candidate>& candidates) {
  std::vector<std::vector<PartialTime>> partner_times(events.size());
  for (const Candidate& c : candidates) {
    if (c.score < kMergeScore) continue;
    partner_times[c.a].push_back(events[c.b].occurred);
    partner_times[c.b].push_back(events[c.a].occurred);
  }
  std::vector<bool> ambiguous(events.size(), false);
  for (size_t i = 0; i < events.size(); ++i) {
    if (events[i].occurred.precision >= TimePrecision::kDay) continue;
    const auto& times = partner_times[i];
    for (size_t x = 0; x < times.size() && !ambiguous[i]; ++x)
      for (size_t y = x + 1; y < times.size(); ++y)
        if (!CompatibleTimes(times[x], times[y])) {
          ambiguous[i] = true;
          break;
        }
  }
  return ambiguous;
}

absl::StatusOr<MatchResult> ClusterCaseEvents(absl::Span<const EventForMatching> events,
                                              const OperatorDecisions& decisions) {
  const int n = static_cast<int>(events.size());
  for (const auto& pairs : {decisions.must_link, decisions.cannot_link}) {
    for (const RecordPair& p : pairs) {
      if (p.a < 0 || p.b < 0 || p.a >= n || p.b >= n)
        return absl::InvalidArgumentError("decision names a record outside the case");
    }
  }
  std::vector<std::vector<uint32_t>> shingles;
  shingles.reserve(n);
  for (const EventForMatching& e : events) shingles.push_back(Shingles(e.text));
  std::vector<std::pair<int, int>> apart;
  for (const RecordPair& p : decisions.cannot_link) apart.emplace_back(p.a, p.b);

  Clusters clusters(events);
  for (const RecordPair& p : decisions.must_link) {
    if (clusters.CanJoin(p.a, p.b, apart)) clusters.Join(p.a, p.b);
  }
  MatchResult result;
  const std::vector<Candidate> candidates = ScoredCandidates(events, shingles);
  result.candidate_pairs = candidates.size();
  const std::vector<bool> ambiguous = AmbiguousUndated(events, candidates);
  std::vector<Candidate> uncertain;
  for (const Candidate& c : candidates) {
    const bool strong = c.score >= kMergeScore && !ambiguous[c.a] && !ambiguous[c.b];
    if (strong && clusters.CanJoin(c.a, c.b, apart)) {
      if (clusters.Find(c.a) != clusters.Find(c.b)) {
        result.merges.push_back({c.a, c.b, c.score, absl::StrFormat("text %.0f%% contained, times agree", 100 * c.score)});
      }
      clusters.Join(c.a, c.b);
    } else {
      uncertain.push_back(c);
    }
  }
  // Dense cluster ids in order of first appearance.
  std::map<int, int> dense;
  result.cluster.resize(n);
  for (int i = 0; i < n; ++i) {
    auto [it, inserted] = dense.try_emplace(clusters.Find(i), static_cast<int>(dense.size()));
    result.cluster[i] = it->second;
  }
  // At most one review pair per pair of clusters, never inside one, never
  // across an operator's decision or incompatible times.
  std::set<std::pair<int, int>> asked;
  for (const Candidate& c : uncertain) {
    int ca = result.cluster[c.a], cb = result.cluster[c.b];
    if (ca == cb || !clusters.CanJoin(c.a, c.b, apart)) continue;
    if (!asked.insert({std::min(ca, cb), std::max(ca, cb)}).second) continue;
    result.review.push_back({c.a, c.b, c.score,
                             ambiguous[c.a] || ambiguous[c.b]
                                 ? "undated; its text matches events of different days"
                                 : absl::StrFormat("text %.0f%% contained, times agree", 100 * c.score)});
  }
  return result;
}

}  // namespace

EventClusterer DefaultEventClusterer() { return ClusterCaseEvents; }

}  // namespace casefile::migration
