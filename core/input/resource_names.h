// Parsing and formatting of resource names: `cases/{case}` and
// `cases/{case}/entries/{number}` and
// `cases/{case}/entries/{number}/documents/{k}`. Case ids are canonical: 1–63 of
// [A-Z0-9-], starting with a letter (CF-000001, HFD-PVP-000123, LEG-22-45871-12),
// so that one case has one spelling and no id looks like a flag or a path.
//
// Thread-safe: pure functions.
#ifndef CASEFILE_CORE_INPUT_RESOURCE_NAMES_H_
#define CASEFILE_CORE_INPUT_RESOURCE_NAMES_H_

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace casefile {

inline constexpr size_t kMaxCaseIdBytes = 63;

struct EntryName {
  std::string case_id;
  uint64_t number = 0;
};

struct DocumentName {
  EntryName entry;
  uint64_t number = 0;
};

// OK or InvalidArgument naming `field`.
absl::Status ValidateCaseId(absl::string_view id, absl::string_view field);
absl::StatusOr<std::string> ParseCaseName(absl::string_view name, absl::string_view field);
absl::StatusOr<EntryName> ParseEntryName(absl::string_view name, absl::string_view field);
absl::StatusOr<DocumentName> ParseDocumentName(absl::string_view name, absl::string_view field);

std::string CaseName(absl::string_view case_id);
std::string EntryResourceName(absl::string_view case_id, uint64_t number);
std::string DocumentResourceName(absl::string_view case_id, uint64_t entry, uint64_t number);

}  // namespace casefile

#endif  // CASEFILE_CORE_INPUT_RESOURCE_NAMES_H_
