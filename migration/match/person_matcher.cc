#include "migration/match/person_matcher.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "core/names/phonetic.h"
#include "migration/match/candidate_pairs.h"
#include "migration/match/cluster_assembly.h"
#include "migration/match/constrained_clusters.h"
#include "migration/match/person_compare.h"

namespace casefile::migration {
namespace {

// Calls add(key) with each blocking key of a record. A true pair shares at
// least one unless it has errors in several of dob, both names, the postcode
// and the house number (or town) at once. Soundex codes absorb most typos;
// names are also used order-free, so a record with forename and surname
// swapped still meets.
template <typename Add>
void ForEachBlockingKey(const PersonKey& key, Add add_key) {
  const std::string forename = Soundex(key.forename.view());
  const std::string surname = Soundex(key.surname.view());
  const std::string_view dob = key.dob.view();
  const std::string& low = forename < surname ? forename : surname;
  const std::string& high = forename < surname ? surname : forename;
  auto add = [&](std::initializer_list<std::string_view> parts) {
    add_key(BlockingKey(parts));
  };
  // A town's first letters narrow the keys on a house number (a street's
  // would not: street and second line are often written the other way round).
  const std::string_view town = std::string_view(key.town).substr(0, 2);
  if (!dob.empty()) {
    if (!key.postcode.empty()) add({"dob+postcode", dob, key.postcode});
    // One birthday at one house number: meets records whose postcode and
    // names all carry a slip (or a name is missing).
    if (!key.house_number.empty() && !town.empty()) {
      add({"dob+house", dob, key.house_number, town});
    }
    for (const std::string* name : {&forename, &surname}) {
      if (!name->empty()) add({"dob+name", dob, *name});
    }
  }
  if (!key.postcode.empty()) {
    for (const std::string* name : {&forename, &surname}) {
      if (!name->empty()) add({"postcode+name", key.postcode, *name});
    }
  }
  if (!forename.empty() && !surname.empty()) add({"names", low, high});
  // The home: records whose date of birth and postcode (or names) both carry
  // a slip or are missing still meet there, or through the surname's code at
  // the house number. (The forename's code too finds a few more Febrl pairs
  // for more pairs compared than all other keys together.)
  if (!key.house_number.empty()) {
    if (!key.postcode.empty()) add({"home", key.postcode, key.house_number});
    if (!surname.empty() && !town.empty()) {
      add({"surname+house", surname, key.house_number, town});
    }
  }
}

// Whether a record gives any part of an address.
bool HasAddress(const PersonKey& k) {
  return !k.house_number.empty() || !k.street.empty() || !k.address_2.empty() ||
         !k.town.empty() || !k.postcode.empty();
}

}  // namespace

absl::StatusOr<MatchResult> MatchPersons(absl::Span<const PersonRecord> records,
                                         const OperatorDecisions& decisions,
                                         const PersonMatcherOptions& options) {
  const int n = static_cast<int>(records.size());
  ConstrainedClusters clusters(n);
  if (absl::Status s = clusters.Apply(decisions); !s.ok()) return s;

  std::vector<PersonKey> keys;
  keys.reserve(n);
  std::vector<KeyedRecord> blocking_keys;
  blocking_keys.reserve(8 * n);
  for (int i = 0; i < n; ++i) {
    keys.push_back(MakePersonKey(records[i]));
    ForEachBlockingKey(keys[i], [&](uint64_t key) {
      blocking_keys.push_back({key, i});
    });
  }

  std::vector<ScoredPair> pairs;
  const BlockingStats stats = ForEachCandidatePair(
      std::move(blocking_keys), options.max_block_size, [&](int a, int b) {
        const PersonComparison c = ComparePersons(
            keys[a], keys[b],
            std::min(options.review_score, options.review_score_across_files));
        if (c.conflict || c.no_name_agrees) {
          // Kept apart, but not hidden where the rest of the evidence is strong.
          if (c.review_anyway) pairs.push_back({a, b, c.score, false});
          return;
        }
        const bool addressed = HasAddress(keys[a]) && HasAddress(keys[b]);
        const double review_score = !SameCaseFile(keys[a], keys[b]) && addressed
                                        ? options.review_score_across_files
                                        : options.review_score;
        if (c.score < review_score && !c.review_anyway) return;
        const bool merge = c.strong && c.score >= options.merge_score &&
                           (!c.missing_field || options.merge_with_missing_field) &&
                           (!c.day_month_swapped || options.merge_day_month_swaps);
        pairs.push_back({a, b, c.score, merge});
      });
  // A record that fits two people who conflict (both twins; a father and son
  // of one name) is no one's without an operator.
  const std::vector<bool> ambiguous = AmbiguousRecords(
      n, pairs, std::numeric_limits<double>::infinity(), [](int) { return true; },
      [&](int x, int y) { return PersonsConflict(keys[x], keys[y]); });
  for (ScoredPair& p : pairs) {
    if (ambiguous[p.a] || ambiguous[p.b]) p.merge = false;
  }

  // Two clusters may join only when no record of one conflicts with a record
  // of the other: a record that matches both twins must not glue them.
  auto may_join = [&](ConstrainedClusters& cl, int a, int b) {
    const absl::Span<const int> left = cl.Members(a);
    const absl::Span<const int> right = cl.Members(b);
    if (static_cast<int64_t>(left.size() * right.size()) >
        options.max_join_checks) {
      return JoinVerdict::kReview;
    }
    for (int x : left) {
      for (int y : right) {
        if (PersonsConflict(keys[x], keys[y])) return JoinVerdict::kReview;
      }
    }
    return JoinVerdict::kJoin;
  };
  auto joined = [](ConstrainedClusters&, int, int) {};
  auto reason = [&](const ScoredPair& p) {
    return ComparePersons(keys[p.a], keys[p.b]).Reason();
  };
  MatchResult result =
      AssembleClusters(clusters, std::move(pairs), {may_join, joined, reason});
  result.candidate_pairs = stats.pairs;
  result.skipped_blocks = stats.skipped_blocks;
  return result;
}

}  // namespace casefile::migration
