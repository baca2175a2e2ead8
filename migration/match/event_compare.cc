#include "migration/match/event_compare.h"

#include <algorithm>
#include <optional>
#include <string_view>

#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "core/names/string_similarity.h"

namespace casefile::migration {
namespace {

// Whether two short strings are equal but for a few typing errors.
bool Close(std::string_view a, std::string_view b) {
  const size_t n = std::min(a.size(), b.size());
  return BoundedEditDistance(a.substr(0, n), b.substr(0, n), 4) <= 4;
}

bool CloseEnds(std::string_view a, std::string_view b) {
  const size_t n = std::min(a.size(), b.size());
  return BoundedEditDistance(a.substr(a.size() - n), b.substr(b.size() - n), 4) <= 4;
}

// `undated` has no occurred time but was entered at not_after; `dated` has a
// day: how many days after that day was it entered? (nullopt otherwise)
std::optional<int> EntryLagDays(const EventWhen& undated, const EventWhen& dated) {
  if (undated.occurred.precision != TimePrecision::kUnknown ||
      undated.not_after.precision < TimePrecision::kDay ||
      dated.occurred.precision < TimePrecision::kDay) {
    return std::nullopt;
  }
  const PartialTime& e = undated.not_after;
  const PartialTime& o = dated.occurred;
  return static_cast<int>(absl::CivilDay(e.year, e.month, e.day) - absl::CivilDay(o.year, o.month, o.day));
}

}  // namespace

double EventComparison::Score() const {
  const double time = shared_precision == TimePrecision::kMinute ? 5
                      : shared_precision == TimePrecision::kDay  ? 3
                      : entered_soon_after                        ? 15
                                                                  : 0;
  return 100 * similarity + time;
}

std::string EventComparison::Reason() const {
  const char* text = relation == TextRelation::kIdentical  ? "identical"
                     : relation == TextRelation::kCopy     ? "copy"
                     : relation == TextRelation::kCutShort ? "cut short"
                                                           : "similar";
  const char* time = shared_precision == TimePrecision::kMinute ? "same minute"
                     : shared_precision == TimePrecision::kDay  ? "same day"
                     : shared_precision == TimePrecision::kMonth ? "same month"
                     : shared_precision == TimePrecision::kYear  ? "same year"
                     : entered_soon_after ? "undated, entered soon after"
                     : entered_long_after ? "undated, entered long after"
                                          : "undated";
  return absl::StrFormat("text %s %.2f; %s", text, similarity, time);
}

EventComparison CompareEvents(const EventFacts& a, const EventFacts& b,
                              const EventMatcherOptions& options) {
  EventComparison c;
  c.times_compatible = CanBeOneEvent(a.when, b.when);
  if (!c.times_compatible) return c;
  c.shared_precision = std::min(a.when.occurred.precision, b.when.occurred.precision);
  std::optional<int> lag = EntryLagDays(a.when, b.when);
  if (!lag.has_value()) lag = EntryLagDays(b.when, a.when);
  c.entered_soon_after = lag.has_value() && *lag >= 0 && *lag <= options.entry_lag_days;
  c.entered_long_after = lag.has_value() && *lag > options.entry_lag_days;
  if (a.text.text_hash == b.text.text_hash) {
    c.relation = TextRelation::kIdentical;
    c.similarity = 1.0;
    return c;
  }
  const int na = static_cast<int>(a.text.shingles.size());
  const int nb = static_cast<int>(b.text.shingles.size());
  if (na == 0 || nb == 0) return c;
  const int shared = SharedShingles(a.text, b.text);
  const double jaccard = double(shared) / (na + nb - shared);
  const EventTextFeatures& shorter = na <= nb ? a.text : b.text;
  const EventTextFeatures& longer = na <= nb ? b.text : a.text;
  const double containment = double(shared) / std::min(na, nb);

  // A copy keeps every number; a copy cut short keeps the first ones (the
  // last perhaps cut too: "at 03" of "at 03:45").
  const bool same_numbers = a.text.numbers == b.text.numbers;
  const bool numbers_cut = std::string_view(longer.numbers).substr(0, shorter.numbers.size()) ==
                           shorter.numbers;

  // The same minute is strong evidence by itself: a little less text will do.
  const double threshold =
      options.merge_similarity -
      (c.shared_precision == TimePrecision::kMinute ? options.same_minute_allowance : 0);
  if (jaccard >= threshold && same_numbers) {
    c.relation = TextRelation::kCopy;
    c.similarity = jaccard;
    return c;
  }
  // Most of the shorter text is in the longer one, which either goes on
  // where the shorter stops mid-sentence (a copy cut short) or only adds a
  // few words in front (a prefix the normaliser did not know, mistyped).
  if (containment >= options.containment_similarity) {
    const bool cut_short = shorter.ends_abruptly && numbers_cut &&
                           shorter.length >= options.min_cut_short_chars &&
                           Close(shorter.opening, longer.opening);
    const bool prefixed = same_numbers &&
                          longer.length - shorter.length <= options.max_prefix_chars &&
                          CloseEnds(shorter.closing, longer.closing);
    if (cut_short || prefixed) {
      c.relation = prefixed ? TextRelation::kCopy : TextRelation::kCutShort;
      c.similarity = containment * options.containment_discount;
      return c;
    }
  }
  const double similar = std::max(jaccard, containment * options.containment_discount);
  if (similar >= options.review_similarity) {
    c.relation = TextRelation::kSimilar;
    c.similarity = similar;
  }
  return c;
}

}  // namespace casefile::migration
