#include "migration/match/event_matcher.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "migration/match/candidate_pairs.h"
#include "migration/match/cluster_assembly.h"
#include "migration/match/constrained_clusters.h"
#include "migration/match/event_compare.h"
#include "migration/match/event_text.h"
#include "migration/match/event_time.h"
#include "migration/match/minhash.h"

namespace casefile::migration {
namespace {

bool Imprecise(const PartialTime& t) { return t.precision < TimePrecision::kDay; }

uint64_t GroupSalt(std::string_view group) { return BlockingKey({"group", group}); }

// The bytes of a hash or a date, as a blocking-key part.
std::string_view Bytes(const uint64_t& value) {
  return {reinterpret_cast<const char*>(&value), sizeof(value)};
}

uint64_t Day(const PartialTime& t) {
  return (static_cast<uint64_t>(t.year) * 13 + t.month) * 32 + t.day;
}

// The scored candidate pairs of one group's records (`members`, ascending),
// and the comparison behind each (ScoredPair::tag indexes `evidence`).
struct GroupPairs {
  std::vector<ScoredPair> pairs;
  std::vector<EventComparison> evidence;
  BlockingStats stats;
};

GroupPairs ScoreGroup(absl::Span<const EventRecord> records,
                      const std::vector<int>& members, const MinHasher& hasher,
                      const EventMatcherOptions& options, int first_tag) {
  const int m = static_cast<int>(members.size());
  std::vector<EventFacts> facts(m);
  std::vector<KeyedRecord> keys;
  keys.reserve(static_cast<size_t>(m) * (options.lsh_bands + 3));
  for (int i = 0; i < m; ++i) {
    const EventRecord& r = records[members[i]];
    EventFacts& f = facts[i];
    f.text = ExtractEventTextFeatures(r.text);
    f.when = {r.occurred, r.not_after};
    auto add = [&](uint64_t key) { keys.push_back({key, i}); };
    add(BlockingKey({"text", Bytes(f.text.text_hash)}));
    if (!Imprecise(r.occurred)) {
      const uint64_t day = Day(r.occurred);
      add(BlockingKey({"day", Bytes(day)}));
    }
    if (f.text.head_hash != 0) add(BlockingKey({"head", Bytes(f.text.head_hash)}));
    if (!f.text.shingles.empty()) {
      for (uint64_t band : hasher.BandKeys(f.text.shingles, 0)) add(band);
    }
  }
  GroupPairs out;
  out.stats = ForEachCandidatePair(std::move(keys), options.max_block_size,
                                   [&](int x, int y) {
    const int a = members[x];
    const int b = members[y];
    if (records[a].group != records[b].group) return;  // a hash collision
    const EventComparison c = CompareEvents(facts[x], facts[y], options);
    if (c.relation == TextRelation::kDifferent) return;
    out.pairs.push_back({a, b, c.Score(), c.Mergeable(),
                         first_tag + static_cast<int>(out.evidence.size())});
    out.evidence.push_back(c);
  });
  return out;
}

}  // namespace

absl::StatusOr<MatchResult> MatchEvents(absl::Span<const EventRecord> records,
                                        const OperatorDecisions& decisions,
                                        const EventMatcherOptions& options) {
  const int n = static_cast<int>(records.size());
  ConstrainedClusters clusters(n);
  if (absl::Status s = clusters.Apply(decisions); !s.ok()) return s;

  // Group by group, one at a time: the text features of a group live only
  // while its pairs are scored, so memory follows the largest group.
  std::vector<std::pair<uint64_t, int>> by_group(n);
  for (int i = 0; i < n; ++i) by_group[i] = {GroupSalt(records[i].group), i};
  std::sort(by_group.begin(), by_group.end());
  const MinHasher hasher(options.lsh_bands, options.lsh_rows);
  std::vector<ScoredPair> pairs;
  std::vector<EventComparison> evidence;
  BlockingStats stats;
  std::vector<int> members;
  for (int begin = 0; begin < n;) {
    int end = begin;
    members.clear();
    while (end < n && by_group[end].first == by_group[begin].first) {
      members.push_back(by_group[end++].second);
    }
    GroupPairs group = ScoreGroup(records, members, hasher, options,
                                  static_cast<int>(evidence.size()));
    pairs.insert(pairs.end(), group.pairs.begin(), group.pairs.end());
    evidence.insert(evidence.end(), group.evidence.begin(), group.evidence.end());
    stats.pairs += group.stats.pairs;
    stats.skipped_blocks += group.stats.skipped_blocks;
    begin = end;
  }

  std::vector<EventWhen> when(n);
  for (int i = 0; i < n; ++i) when[i] = {records[i].occurred, records[i].not_after};
  // A record with an imprecise time whose best candidates cannot be one event
  // (an undated "Weekly welfare check ..." that fits three of them).
  const std::vector<bool> ambiguous = AmbiguousRecords(
      n, pairs, options.ambiguity_margin,
      [&](int x) { return Imprecise(when[x].occurred); },
      [&](int x, int y) { return !CanBeOneEvent(when[x], when[y]); });
  for (ScoredPair& p : pairs) {
    if (ambiguous[p.a] || ambiguous[p.b]) p.merge = false;
  }

  // Each cluster's time, at its root: what all its records allow together
  // (an operator's must-links may join any times).
  for (int i = 0; i < n; ++i) {
    const int root = clusters.Find(i);
    if (root != i) when[root] = Combine(when[root], when[i]);
  }
  // Clusters whose times cannot be one event never join, and such a pair is
  // no question for an operator either.
  auto may_join = [&](ConstrainedClusters& cl, int a, int b) {
    return CanBeOneEvent(when[cl.Find(a)], when[cl.Find(b)]) ? JoinVerdict::kJoin
                                                              : JoinVerdict::kRefuse;
  };
  auto joined = [&](ConstrainedClusters& cl, int root_a, int root_b) {
    when[cl.Find(root_a)] = Combine(when[root_a], when[root_b]);
  };
  auto reason = [&](const ScoredPair& p) { return evidence[p.tag].Reason(); };
  MatchResult result =
      AssembleClusters(clusters, std::move(pairs), {may_join, joined, reason});
  // Nor is a weaker pair whose clusters have since taken times that cannot be
  // one event (an undated row merged into the event of its entry window, and
  // the same wording months before).
  std::erase_if(result.review, [&](const MatchEvidence& e) {
    return !CanBeOneEvent(when[clusters.Find(e.a)], when[clusters.Find(e.b)]);
  });
  result.candidate_pairs = stats.pairs;
  result.skipped_blocks = stats.skipped_blocks;
  return result;
}

}  // namespace casefile::migration
