// The locators of person records written by live writes:
//   "cases/CF-000001#subject=1"          a case's first subject
//   "cases/CF-000001/entries/4#child=1"  the first child an entry names
// Legacy records have other locators ("paper/file.csv#row=3").
//
// Thread-safe: pure functions.
#ifndef CASEFILE_CORE_PERSONS_LIVE_RECORD_LOCATOR_H_
#define CASEFILE_CORE_PERSONS_LIVE_RECORD_LOCATOR_H_

#include "absl/strings/string_view.h"

namespace casefile {

// The case a live record was written in ("cases/CF-000001"), or "" for a
// legacy record.
absl::string_view LiveRecordCase(absl::string_view locator);

// The list a live record is one of ("cases/CF-000001" for a subject,
// "cases/CF-000001/entries/4" for a child), or "" for a legacy record.
absl::string_view LiveRecordList(absl::string_view locator);

}  // namespace casefile

#endif  // CASEFILE_CORE_PERSONS_LIVE_RECORD_LOCATOR_H_
