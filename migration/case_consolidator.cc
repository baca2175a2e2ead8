#include "migration/case_consolidator.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "core/input/resource_names.h"
#include "core/time/partial_time_proto.h"
#include "migration/entry_kind.h"
#include "migration/record_id.h"
#include "migration/stable_hash.h"

namespace casefile::migration {
namespace {

// Same words, same case-folding, same recorded time: an exact duplicate. A
// 64-bit hash of that normal form (it only tells the report's two counts
// apart, so a collision would miscount, never merge).
uint64_t ExactKey(const v1::Source& s) {
  uint64_t h = StableHash(FormatPartialTime(FromProto(s.occurred())));
  auto add = [&h](char c) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  };
  bool space = false, any = false;
  for (char c : s.text()) {
    if (absl::ascii_isspace(static_cast<unsigned char>(c))) {
      space = true;
      continue;
    }
    if (space && any) add(' ');
    space = false;
    any = true;
    add(static_cast<char>(absl::ascii_tolower(static_cast<unsigned char>(c))));
  }
  return h;
}

// The source whose text the entry shows: the fullest (a shortened copy is
// contained in it), then the earliest locator — a choice by content only.
const CaseRecord& Primary(const std::vector<const CaseRecord*>& members) {
  return **std::min_element(members.begin(), members.end(), [](auto* x, auto* y) {
    if (x->source.text().size() != y->source.text().size())
      return x->source.text().size() > y->source.text().size();
    return RecordId(x->source) < RecordId(y->source);
  });
}

v1::PartialTime MostPrecise(const std::vector<const CaseRecord*>& members) {
  v1::PartialTime best;
  for (const CaseRecord* r : members) {
    // Compared as TimePrecision: the wire numbers are not in order of precision.
    if (PrecisionFromProto(r->source.occurred().precision()) > PrecisionFromProto(best.precision())) {
      best = r->source.occurred();
    }
  }
  return best;
}

NewEntryPlan PlanEntry(const std::vector<CaseRecord*>& members) {
  NewEntryPlan plan;
  const std::vector<const CaseRecord*> view(members.begin(), members.end());
  const CaseRecord& primary = Primary(view);
  plan.entry.set_text(primary.source.text());
  plan.entry.set_kind(InferEntryKind(primary.source.record_type(), primary.source.text()));
  *plan.entry.mutable_occur_time() = MostPrecise(view);
  std::set<std::string> refs, names;
  for (const CaseRecord* r : members) {
    if (!r->source.legacy_ref().empty()) refs.insert(r->source.legacy_ref());
    for (const v1::Subject& s : r->subjects) {
      if (names.insert(absl::AsciiStrToLower(s.display_name())).second) *plan.entry.add_subjects() = s;
    }
  }
  for (const std::string& ref : refs) plan.entry.add_legacy_refs(ref);
  return plan;
}

v1::ReviewSide Side(const CaseRecord& r) {
  v1::ReviewSide side;
  side.set_locator(r.source.locator());
  side.set_record(RecordId(r.source));
  side.set_import(r.source.import());
  side.set_text(r.source.text());
  *side.mutable_occurred() = r.source.occurred();
  return side;
}

}  // namespace

absl::StatusOr<CasePlan> ConsolidateCase(const std::string& case_id,
                                         const std::map<int64_t, v1::Entry>& existing,
                                         std::vector<CaseRecord> records,
                                         absl::Span<const PairDecision> decisions,
                                         const EventClusterer& clusterer) {
  // A canonical order, so that the plan does not depend on input order.
  std::sort(records.begin(), records.end(), [](const CaseRecord& x, const CaseRecord& y) {
    return RecordId(x.source) < RecordId(y.source);
  });
  std::vector<EventForMatching> inputs;
  inputs.reserve(records.size());
  for (const CaseRecord& r : records) {
    inputs.push_back({FromProto(r.source.occurred()), FromProto(r.source.entered()), r.source.text()});
  }
  OperatorDecisions operator_decisions;
  if (!decisions.empty()) {
    absl::flat_hash_map<absl::string_view, int> index;
    for (size_t i = 0; i < records.size(); ++i) index.emplace(RecordId(records[i].source), static_cast<int>(i));
    for (const PairDecision& d : decisions) {
      auto a = index.find(d.a), b = index.find(d.b);
      if (a == index.end() || b == index.end()) continue;
      (d.merge ? operator_decisions.must_link : operator_decisions.cannot_link)
          .push_back({a->second, b->second});
    }
  }
  auto matched = clusterer(inputs, operator_decisions);
  if (!matched.ok()) return matched.status();

  CasePlan plan;
  plan.case_id = case_id;
  // Review items first: the entries below take the records' sources.
  for (const MatchEvidence& pair : matched->review) {
    const CaseRecord& a = records[pair.a];
    const CaseRecord& b = records[pair.b];
    if (a.entry != 0 && b.entry != 0) continue;  // put before an operator already
    v1::ReviewItem item;
    item.set_name(absl::StrCat("reviewItems/", PairId("e-", RecordId(a.source), RecordId(b.source))));
    item.set_kind(v1::ReviewItem::KIND_EVENT);
    item.set_score(pair.score);
    item.set_reason(pair.reason);
    *item.mutable_left() = Side(a);
    *item.mutable_right() = Side(b);
    item.set_case_(CaseName(case_id));
    plan.review_items.push_back(std::move(item));
  }

  std::map<int, std::vector<CaseRecord*>> clusters;  // ordered by first member
  for (size_t i = 0; i < records.size(); ++i) clusters[matched->cluster[i]].push_back(&records[i]);

  // How many records each existing entry has, to see whether it is intact.
  std::map<int64_t, size_t> entry_size;
  for (const CaseRecord& r : records) {
    if (r.entry != 0) entry_size[r.entry]++;
  }
  std::set<int64_t> superseded;
  for (const auto& [id, members] : clusters) {
    std::set<int64_t> entries;
    std::vector<CaseRecord*> fresh;
    for (CaseRecord* r : members) {
      if (r->entry != 0) entries.insert(r->entry);
      if (r->entry == 0) fresh.push_back(r);
    }
    // Count each new record merged into something: exact when an identical
    // record is already in the cluster before it.
    absl::flat_hash_set<uint64_t> seen;
    for (const CaseRecord* r : members) {
      const bool exact = !seen.insert(ExactKey(r->source)).second;
      const bool starts_entry = entries.empty() && r == members.front();
      if (r->entry != 0 || starts_entry) continue;
      (exact ? plan.exact_duplicates : plan.near_duplicates)++;
    }
    if (entries.size() == 1 && fresh.empty() && entry_size[*entries.begin()] == members.size()) {
      continue;  // an existing entry, unchanged
    }
    NewEntryPlan fresh_plan = PlanEntry(members);
    if (entries.size() == 1) {
      const int64_t number = *entries.begin();
      const bool intact = entry_size[number] == members.size() - fresh.size();
      auto it = existing.find(number);
      const bool same_content = it != existing.end() &&
                                it->second.text() == fresh_plan.entry.text() &&
                                it->second.kind() == fresh_plan.entry.kind() &&
                                it->second.occur_time().SerializeAsString() ==
                                    fresh_plan.entry.occur_time().SerializeAsString();
      if (intact && same_content) {
        for (CaseRecord* r : fresh) plan.added_sources.emplace_back(number, std::move(r->source));
        continue;
      }
    }
    for (CaseRecord* r : members) fresh_plan.sources.push_back(std::move(r->source));
    for (int64_t number : entries) {
      if (superseded.insert(number).second) fresh_plan.supersedes.push_back(number);
    }
    plan.new_entries.push_back(std::move(fresh_plan));
  }
  return plan;
}

}  // namespace casefile::migration
