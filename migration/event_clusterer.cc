// The event matcher behind case consolidation: each case's records go to
// migration/match/event_matcher.h (MinHash/LSH blocking within the case,
// time compatibility with crime-entry bounds, cut-short and prefixed copies,
// ambiguity to review).
#include "migration/event_clusterer.h"

#include <string_view>
#include <vector>

#include "migration/match/event_matcher.h"

namespace casefile::migration {

EventClusterer DefaultEventClusterer() {
  return [](absl::Span<const EventForMatching> events, const OperatorDecisions& decisions) {
    std::vector<EventRecord> records;
    records.reserve(events.size());
    for (const EventForMatching& e : events) {
      // One case at a time: the group is the same for all.
      records.push_back({"", e.occurred, e.not_after, std::string_view(e.text.data(), e.text.size())});
    }
    return MatchEvents(records, decisions);
  };
}

}  // namespace casefile::migration
