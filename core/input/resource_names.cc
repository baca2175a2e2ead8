#include "core/input/resource_names.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace casefile {

absl::Status ValidateCaseId(absl::string_view id, absl::string_view field) {
  bool ok = !id.empty() && id.size() <= kMaxCaseIdBytes && absl::ascii_isupper(id[0]);
  for (char c : id) ok = ok && (absl::ascii_isupper(c) || absl::ascii_isdigit(c) || c == '-');
  if (ok) return absl::OkStatus();
  std::string message = absl::StrCat(field, ": case id must be 1-", kMaxCaseIdBytes,
                                     " upper-case letters, digits or '-', starting with a letter");
  // One spelling per case: `cf-000001` is refused rather than taken for
  // CF-000001 or made a second case beside it.
  std::string upper = absl::AsciiStrToUpper(id);
  if (upper != id && ValidateCaseId(upper, field).ok())
    absl::StrAppend(&message, " (did you mean ", upper, "?)");
  return absl::InvalidArgumentError(message);
}

absl::StatusOr<std::string> ParseCaseName(absl::string_view name, absl::string_view field) {
  if (!absl::ConsumePrefix(&name, "cases/")) {
    return absl::InvalidArgumentError(absl::StrCat(field, ": expected cases/{case}"));
  }
  if (absl::Status s = ValidateCaseId(name, field); !s.ok()) return s;
  return std::string(name);
}

namespace {

// Only the canonical spelling (SimpleAtoi alone takes " 1", "+1", "01"):
// stored links such as `supersedes` must equal the entry's own name.
bool ParseCanonicalNumber(absl::string_view digits, uint64_t& number) {
  return !digits.empty() && digits[0] != '0' &&
         std::all_of(digits.begin(), digits.end(), [](char c) { return absl::ascii_isdigit(c); }) &&
         absl::SimpleAtoi(digits, &number);
}

}  // namespace

absl::StatusOr<EntryName> ParseEntryName(absl::string_view name, absl::string_view field) {
  size_t slash = name.find("/entries/");
  absl::string_view digits = slash == absl::string_view::npos ? "" : name.substr(slash + 9);
  uint64_t number = 0;
  if (!ParseCanonicalNumber(digits, number)) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": expected cases/{case}/entries/{number}"));
  }
  auto case_id = ParseCaseName(name.substr(0, slash), field);
  if (!case_id.ok()) return case_id.status();
  return EntryName{*std::move(case_id), number};
}

absl::StatusOr<DocumentName> ParseDocumentName(absl::string_view name, absl::string_view field) {
  size_t slash = name.rfind("/documents/");
  uint64_t number = 0;
  if (slash == absl::string_view::npos || !ParseCanonicalNumber(name.substr(slash + 11), number)) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": expected cases/{case}/entries/{number}/documents/{number}"));
  }
  auto entry = ParseEntryName(name.substr(0, slash), field);
  if (!entry.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": expected cases/{case}/entries/{number}/documents/{number}"));
  }
  return DocumentName{*std::move(entry), number};
}

std::string CaseName(absl::string_view case_id) { return absl::StrCat("cases/", case_id); }

std::string EntryResourceName(absl::string_view case_id, uint64_t number) {
  return absl::StrCat("cases/", case_id, "/entries/", number);
}

std::string DocumentResourceName(absl::string_view case_id, uint64_t entry, uint64_t number) {
  return absl::StrCat("cases/", case_id, "/entries/", entry, "/documents/", number);
}

}  // namespace casefile
