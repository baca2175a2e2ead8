// Plain words for the enums and times of a case file, shared by the HTML
// renderers.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_WEB_WORDS_H_
#define CASEFILE_WEB_WORDS_H_

#include <string>

#include "absl/strings/string_view.h"
#include "casefile/v1/case.pb.h"
#include "google/protobuf/timestamp.pb.h"

namespace casefile::web {

// "AGENCY_CSC" with prefix "AGENCY_" → "csc".
std::string EnumWord(absl::string_view enum_name, absl::string_view prefix);
// "missing episode" for ENTRY_KIND_MISSING_EPISODE.
const std::string& KindWord(v1::EntryKind kind);
// "kind-missing-episode": the CSS class of an entry of that kind.
const std::string& KindClass(v1::EntryKind kind);
// "2012-11-12 14:30", "2012-11", "unknown".
std::string TimeText(const v1::PartialTime& t);
// "07/12/2026 17:40": an instant in UK time, to the minute.
std::string UkTimeText(const google::protobuf::Timestamp& t);
// "to the minute", "to the day", "to the month", "year only", "undated".
absl::string_view PrecisionWord(const v1::PartialTime& t);
// Days since 1970-01-01 of the earliest moment the time can be; false when undated.
bool DayNumber(const v1::PartialTime& t, long& day);

}  // namespace casefile::web

#endif  // CASEFILE_WEB_WORDS_H_
