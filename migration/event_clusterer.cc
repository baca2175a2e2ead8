// The case-level event matcher: which legacy records of one case describe the
// same event.
//
// Time: every record gets the span of days it can have happened on — its day,
// its month, or for a crime-export row with no occurrence time the few days
// before it was entered — and records meet only when their spans overlap and
// their recorded times are compatible. Records dated to the day meet the
// others of their day; the rest meet the records inside their span. So a
// case's cost grows with its busiest days, not with its size squared.
// Text: CopySimilarity (text_shingles.h) — 1 for an exact, shortened or
// prefixed copy, high under typos, capitals and re-flowing, low when a short
// text merely shares phrases with a longer one.
// Merging: best pairs first, into clusters whose members all keep one
// compatible time (a cluster never spans two days) and that no operator
// "separate" divides. A record whose strong partners lie on different days is
// not merged automatically: its pairs go to review, as do pairs in the
// uncertain band. (Thresholds tuned with bench/dedup_accuracy on generated
// folders; the sample folder is a check, not the tuning set.)
#include "migration/event_clusterer.h"

#include <algorithm>
#include <climits>
#include <map>
#include <numeric>
#include <set>
#include <tuple>

#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "migration/text_shingles.h"

namespace casefile::migration {
namespace {

constexpr double kMergeScore = 0.72;
constexpr double kReviewScore = 0.55;
// Crime-system rows are typed in up to this many days after the event.
constexpr int kEntryLagDays = 3;

struct DaySpan {
  int lo = INT_MIN;
  int hi = INT_MAX;
  bool Overlaps(const DaySpan& o) const { return lo <= o.hi && o.lo <= hi; }
  bool Unbounded() const { return lo == INT_MIN; }
};

int DayNumber(int y, int m, int d) {
  return static_cast<int>(absl::CivilDay(y, m, d) - absl::CivilDay(1970, 1, 1));
}

DaySpan SpanOf(const EventForMatching& e) {
  const PartialTime& t = e.occurred;
  if (t.precision >= TimePrecision::kDay) {
    int d = DayNumber(t.year, t.month, t.day);
    return {d, d};
  }
  if (t.precision == TimePrecision::kMonth) {
    absl::CivilMonth month(t.year, t.month);
    return {DayNumber(t.year, t.month, 1),
            static_cast<int>(absl::CivilDay(month + 1) - absl::CivilDay(1970, 1, 1)) - 1};
  }
  if (e.not_after.precision >= TimePrecision::kDay) {
    int d = DayNumber(e.not_after.year, e.not_after.month, e.not_after.day);
    return {d - kEntryLagDays, d};
  }
  return {};
}

struct Candidate {
  int a;
  int b;
  double score;
};

// Union-find whose clusters keep the finest time and the common day span of
// their members, so that a join that would make them disagree is refused.
class Clusters {
 public:
  Clusters(absl::Span<const EventForMatching> events, const std::vector<DaySpan>& spans)
      : parent_(events.size()), finest_(events.size()), span_(spans) {
    std::iota(parent_.begin(), parent_.end(), 0);
    for (size_t i = 0; i < events.size(); ++i) finest_[i] = events[i].occurred;
  }
  int Find(int x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  bool CanJoin(int a, int b, const std::vector<std::pair<int, int>>& apart) {
    a = Find(a), b = Find(b);
    if (a == b) return true;
    if (!CompatibleTimes(finest_[a], finest_[b]) || !span_[a].Overlaps(span_[b])) return false;
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
    span_[a] = {std::max(span_[a].lo, span_[b].lo), std::min(span_[a].hi, span_[b].hi)};
  }

 private:
  std::vector<int> parent_;
  std::vector<PartialTime> finest_;
  std::vector<DaySpan> span_;
};

std::vector<Candidate> ScoredCandidates(absl::Span<const EventForMatching> events,
                                        const std::vector<DaySpan>& spans,
                                        const std::vector<ShingledText>& texts) {
  std::map<int, std::vector<int>> by_day;
  std::vector<int> loose;
  for (int i = 0; i < static_cast<int>(events.size()); ++i) {
    if (spans[i].lo == spans[i].hi) {
      by_day[spans[i].lo].push_back(i);
    } else {
      loose.push_back(i);
    }
  }
  std::vector<Candidate> out;
  auto consider = [&](int a, int b) {
    if (!spans[a].Overlaps(spans[b]) || !CompatibleTimes(events[a].occurred, events[b].occurred)) return;
    double score = CopySimilarity(texts[a], texts[b]);
    if (score >= kReviewScore) out.push_back({std::min(a, b), std::max(a, b), score});
  };
  for (const auto& [day, members] : by_day) {
    for (size_t i = 0; i < members.size(); ++i)
      for (size_t j = i + 1; j < members.size(); ++j) consider(members[i], members[j]);
  }
  for (size_t i = 0; i < loose.size(); ++i) {
    const DaySpan& span = spans[loose[i]];
    // Day-dated records inside the span...
    for (auto it = span.Unbounded() ? by_day.begin() : by_day.lower_bound(span.lo);
         it != by_day.end() && it->first <= span.hi; ++it) {
      for (int j : it->second) consider(loose[i], j);
    }
    // ...and the other loose records, each pair once.
    for (size_t k = i + 1; k < loose.size(); ++k) consider(loose[i], loose[k]);
  }
  // Best first; ties by position so the result is the same every time.
  std::sort(out.begin(), out.end(), [](const Candidate& x, const Candidate& y) {
    return x.score != y.score ? x.score > y.score : std::tie(x.a, x.b) < std::tie(y.a, y.b);
  });
  return out;
}

// Records not dated to a day whose strong partners lie on different days.
std::vector<bool> Ambiguous(absl::Span<const EventForMatching> events, const std::vector<DaySpan>& spans,
                            const std::vector<Candidate>& candidates) {
  std::vector<std::vector<int>> partners(events.size());
  for (const Candidate& c : candidates) {
    if (c.score < kMergeScore) continue;
    partners[c.a].push_back(c.b);
    partners[c.b].push_back(c.a);
  }
  std::vector<bool> ambiguous(events.size(), false);
  for (size_t i = 0; i < events.size(); ++i) {
    if (spans[i].lo == spans[i].hi) continue;
    std::set<int> days;
    for (int p : partners[i]) {
      if (spans[p].lo == spans[p].hi) days.insert(spans[p].lo);
    }
    ambiguous[i] = days.size() > 1;
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
  std::vector<ShingledText> texts;
  std::vector<DaySpan> spans;
  texts.reserve(n);
  spans.reserve(n);
  for (const EventForMatching& e : events) {
    texts.push_back(PrepareText(e.text));
    spans.push_back(SpanOf(e));
  }
  std::vector<std::pair<int, int>> apart;
  for (const RecordPair& p : decisions.cannot_link) apart.emplace_back(p.a, p.b);

  Clusters clusters(events, spans);
  for (const RecordPair& p : decisions.must_link) {
    if (clusters.CanJoin(p.a, p.b, apart)) clusters.Join(p.a, p.b);
  }
  MatchResult result;
  const std::vector<Candidate> candidates = ScoredCandidates(events, spans, texts);
  result.candidate_pairs = candidates.size();
  const std::vector<bool> ambiguous = Ambiguous(events, spans, candidates);
  std::vector<Candidate> uncertain;
  for (const Candidate& c : candidates) {
    const bool strong = c.score >= kMergeScore && !ambiguous[c.a] && !ambiguous[c.b];
    if (strong && clusters.CanJoin(c.a, c.b, apart)) {
      if (clusters.Find(c.a) != clusters.Find(c.b)) {
        result.merges.push_back(
            {c.a, c.b, c.score, absl::StrFormat("text %.0f%% a copy, times agree", 100 * c.score)});
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
    std::string reason =
        ambiguous[c.a] || ambiguous[c.b]
            ? "not dated to the day; its text matches events of different days"
            : absl::StrFormat("text %.0f%% a copy, times agree%s", 100 * c.score,
                              spans[c.a].Unbounded() || spans[c.b].Unbounded() ? "; one is undated" : "");
    result.review.push_back({c.a, c.b, c.score, std::move(reason)});
  }
  return result;
}

}  // namespace

EventClusterer DefaultEventClusterer() { return ClusterCaseEvents; }

}  // namespace casefile::migration
