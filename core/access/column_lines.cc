#include "core/access/column_lines.h"

#include <algorithm>

#include "absl/strings/ascii.h"

namespace casefile {

std::vector<absl::string_view> SplitColumns(absl::string_view line, size_t columns) {
  std::vector<absl::string_view> parts;
  while (!line.empty() && parts.size() < columns) {
    size_t end = std::min(line.find_first_of(" \t"), line.size());
    parts.push_back(line.substr(0, end));
    line = absl::StripLeadingAsciiWhitespace(line.substr(end));
  }
  if (!line.empty()) parts.push_back(line);
  return parts;
}

}  // namespace casefile
