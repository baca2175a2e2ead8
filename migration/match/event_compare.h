// Comparison of two chronology records for the event matcher: can their
// times be one event, and how do their texts relate — identical, a copy
// (typing errors, capitals, re-flowed, a prefix added), a copy cut short,
// merely similar, or different.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_MIGRATION_MATCH_EVENT_COMPARE_H_
#define CASEFILE_MIGRATION_MATCH_EVENT_COMPARE_H_

#include <string>

#include "migration/match/event_matcher.h"
#include "migration/match/event_text.h"
#include "migration/match/event_time.h"

namespace casefile::migration {

// A record prepared for comparison.
struct EventFacts {
  EventTextFeatures text;
  EventWhen when;
};

enum class TextRelation { kIdentical, kCopy, kCutShort, kSimilar, kDifferent };

struct EventComparison {
  bool times_compatible = false;
  TextRelation relation = TextRelation::kDifferent;
  double similarity = 0;  // 0..1
  // The finer precision both times share (kMinute: the same minute).
  TimePrecision shared_precision = TimePrecision::kUnknown;
  // An undated record entered soon after the other's time (see
  // EventMatcherOptions::entry_lag_days).
  bool entered_soon_after = false;
  // An undated record entered longer after the other's day than that: most
  // likely another event with the same wording (a weekly check), so never
  // merged without an operator.
  bool entered_long_after = false;

  bool Mergeable() const {
    return !entered_long_after && (relation == TextRelation::kIdentical ||
                                   relation == TextRelation::kCopy ||
                                   relation == TextRelation::kCutShort);
  }
  // 100 * similarity, plus a little for times that agree finely.
  double Score() const;
  // "text copy 0.87; same day" — how, never what.
  std::string Reason() const;
};

EventComparison CompareEvents(const EventFacts& a, const EventFacts& b,
                              const EventMatcherOptions& options);

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_MATCH_EVENT_COMPARE_H_
