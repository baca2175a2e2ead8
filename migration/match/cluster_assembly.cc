#include "migration/match/cluster_assembly.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "absl/container/flat_hash_set.h"

namespace casefile::migration {

std::vector<bool> AmbiguousRecords(int records, const std::vector<ScoredPair>& pairs,
                                   double margin, absl::FunctionRef<bool(int)> applies,
                                   absl::FunctionRef<bool(int, int)> conflict) {
  constexpr size_t kMaxPartnersChecked = 16;
  struct Partner {
    double score;
    int record;
  };
  // Each record's merge partners, in one flat array (begin[x] .. begin[x+1]).
  std::vector<int> begin(records + 1, 0);
  for (const ScoredPair& p : pairs) {
    if (!p.merge) continue;
    if (applies(p.a)) ++begin[p.a + 1];
    if (applies(p.b)) ++begin[p.b + 1];
  }
  for (int x = 0; x < records; ++x) begin[x + 1] += begin[x];
  std::vector<Partner> partners(begin[records]);
  std::vector<int> filled(begin.begin(), begin.end() - 1);
  for (const ScoredPair& p : pairs) {
    if (!p.merge) continue;
    if (applies(p.a)) partners[filled[p.a]++] = {p.score, p.b};
    if (applies(p.b)) partners[filled[p.b]++] = {p.score, p.a};
  }
  std::vector<bool> ambiguous(records, false);
  for (int x = 0; x < records; ++x) {
    Partner* mine = partners.data() + begin[x];
    const size_t count = begin[x + 1] - begin[x];
    if (count < 2) continue;
    std::sort(mine, mine + count, [](const Partner& l, const Partner& r) {
      return l.score > r.score || (l.score == r.score && l.record < r.record);
    });
    size_t close = 1;  // partners within the margin of the best
    while (close < count && close < kMaxPartnersChecked &&
           mine[close].score >= mine[0].score - margin) {
      ++close;
    }
    for (size_t i = 0; i < close && !ambiguous[x]; ++i) {
      for (size_t j = i + 1; j < close; ++j) {
        if (conflict(mine[i].record, mine[j].record)) {
          ambiguous[x] = true;
          break;
        }
      }
    }
  }
  return ambiguous;
}

MatchResult AssembleClusters(ConstrainedClusters& clusters,
                             std::vector<ScoredPair> pairs,
                             const AssemblyCallbacks& callbacks) {
  // Strongest first; ties in input order of the records, so the outcome does
  // not depend on the order in which blocking found the pairs.
  std::sort(pairs.begin(), pairs.end(),
            [](const ScoredPair& x, const ScoredPair& y) {
              return std::tie(y.score, x.a, x.b) < std::tie(x.score, y.a, y.b);
            });
  MatchResult result;
  std::vector<const ScoredPair*> review;
  for (ScoredPair& pair : pairs) {
    if (!pair.merge) {
      review.push_back(&pair);
      continue;
    }
    if (clusters.Together(pair.a, pair.b)) continue;
    if (!clusters.CanJoin(pair.a, pair.b)) continue;  // an operator said no
    const JoinVerdict verdict = callbacks.may_join(clusters, pair.a, pair.b);
    if (verdict == JoinVerdict::kReview) review.push_back(&pair);
    if (verdict != JoinVerdict::kJoin) continue;
    const int root_a = clusters.Find(pair.a);
    const int root_b = clusters.Find(pair.b);
    clusters.Join(pair.a, pair.b);
    callbacks.joined(clusters, root_a, root_b);
    result.merges.push_back(
        {pair.a, pair.b, pair.score, callbacks.reason(pair)});
  }

  // One review per pair of clusters, the strongest; `review` is already in
  // descending score order except for refused merges, so sort again.
  std::stable_sort(review.begin(), review.end(),
                   [](const ScoredPair* x, const ScoredPair* y) {
                     return x->score > y->score;
                   });
  absl::flat_hash_set<std::pair<int, int>> seen;
  for (const ScoredPair* pair : review) {
    int ra = clusters.Find(pair->a);
    int rb = clusters.Find(pair->b);
    if (ra == rb || !clusters.CanJoin(ra, rb)) continue;
    if (!seen.insert(std::minmax(ra, rb)).second) continue;
    result.review.push_back(
        {pair->a, pair->b, pair->score, callbacks.reason(*pair)});
  }
  result.cluster = clusters.DenseIds();
  return result;
}

}  // namespace casefile::migration
