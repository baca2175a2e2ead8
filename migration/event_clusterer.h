// The event matcher behind case consolidation, as an EventClusterer.
//
// Thread-safe.
#ifndef CASEFILE_MIGRATION_EVENT_CLUSTERER_H_
#define CASEFILE_MIGRATION_EVENT_CLUSTERER_H_

#include "migration/case_consolidator.h"

namespace casefile::migration {

// Clusters one case's records with migration/match/event_matcher.h.
EventClusterer DefaultEventClusterer();

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_EVENT_CLUSTERER_H_
