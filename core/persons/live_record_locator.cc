#include "core/persons/live_record_locator.h"

#include "absl/strings/match.h"

namespace casefile {
namespace {
constexpr absl::string_view kCases = "cases/";
}  // namespace

absl::string_view LiveRecordCase(absl::string_view locator) {
  if (!absl::StartsWith(locator, kCases)) return {};
  return locator.substr(0, locator.find_first_of("/#", kCases.size()));
}

absl::string_view LiveRecordList(absl::string_view locator) {
  if (!absl::StartsWith(locator, kCases)) return {};
  const size_t hash = locator.find('#');
  return hash == absl::string_view::npos ? absl::string_view() : locator.substr(0, hash);
}

}  // namespace casefile
