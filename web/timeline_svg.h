// The timeline strip of a case file: an inline SVG with one row per kind of
// entry and a mark per dated entry along a shared time axis, so that a
// cluster of missing episodes or referrals stands out at a glance. Marks
// carry a tooltip (entry number, kind, time) and link to the entry; no
// stored text goes into the SVG.
//
// Thread-safe: pure function.
#ifndef CASEFILE_WEB_TIMELINE_SVG_H_
#define CASEFILE_WEB_TIMELINE_SVG_H_

#include <string>
#include <vector>

#include "casefile/v1/case.pb.h"

namespace casefile::web {

// What the strip needs of an entry: taken as each entry arrives, so that the
// strip itself is quick to draw once the last one is in.
struct TimelineMark {
  v1::EntryKind kind = v1::ENTRY_KIND_UNSPECIFIED;
  int64_t number = 0;
  bool dated = false;
  long day = 0;           // days since 1970-01-01 (DayNumber), when dated
  std::string time_text;  // TimeText of the entry's time, when dated
};
// The mark of an entry whose time was already put in words as `time_text`.
TimelineMark MarkOf(const v1::Entry& e, std::string time_text);

// `<svg ...>...</svg>` (with a note of how many entries are undated), or a
// short paragraph when no entry is dated.
std::string TimelineSvg(const std::vector<TimelineMark>& marks);
std::string TimelineSvg(const std::vector<v1::Entry>& entries);

}  // namespace casefile::web

#endif  // CASEFILE_WEB_TIMELINE_SVG_H_
