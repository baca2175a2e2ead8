// When a chronology record (or a cluster of records taken as one event) can
// have happened: its occurred time at the precision recorded, and the latest
// moment it can have happened (a crime-export row was typed in at
// `not_after`; nothing can have happened after it was written down).
//
// Thread-safe: plain value type and pure functions.
#ifndef CASEFILE_MIGRATION_MATCH_EVENT_TIME_H_
#define CASEFILE_MIGRATION_MATCH_EVENT_TIME_H_

#include "core/time/partial_time.h"

namespace casefile::migration {

struct EventWhen {
  PartialTime occurred;   // unknown when not recorded
  PartialTime not_after;  // unknown when there is no such bound
};

// True when `t` is certainly later than `limit`, compared at the coarser of
// their precisions (12 Nov is not after 12 Nov 09:00: it may be earlier).
bool CertainlyAfter(const PartialTime& t, const PartialTime& limit);

// True when a and b can be records of one event: their occurred times are
// compatible (CompatibleTimes) and neither happened after the other's bound.
bool CanBeOneEvent(const EventWhen& a, const EventWhen& b);

// What is known of an event recorded by both: the finer occurred time and the
// earlier bound (meaningful when CanBeOneEvent(a, b)).
EventWhen Combine(const EventWhen& a, const EventWhen& b);

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_MATCH_EVENT_TIME_H_
