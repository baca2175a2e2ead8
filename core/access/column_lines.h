// Lines of casefiled's tokens and users files: a few whitespace-separated
// columns, then the display name as written (it may hold spaces).
//
// Thread-safe: pure function.
#ifndef CASEFILE_CORE_ACCESS_COLUMN_LINES_H_
#define CASEFILE_CORE_ACCESS_COLUMN_LINES_H_

#include <cstddef>
#include <vector>

#include "absl/strings/string_view.h"

namespace casefile {

// Up to `columns` words split at runs of spaces and tabs, then the rest of
// the line (if any) as one last part. (absl::MaxSplits would count the empty
// pieces between aligned columns.) REQUIRES: `line` has no surrounding space.
std::vector<absl::string_view> SplitColumns(absl::string_view line, size_t columns);

}  // namespace casefile

#endif  // CASEFILE_CORE_ACCESS_COLUMN_LINES_H_
