#include "core/chronology/supervision_validation.h"

#include <cstdint>

#include "absl/strings/str_cat.h"
#include "core/access/caller.h"
#include "core/chronology/approvals.h"
#include "core/chronology/validation.h"
#include "core/input/input_rules.h"
#include "core/input/resource_names.h"

namespace casefile {
namespace {

constexpr int kMaxQuietDays = 3650;

// Text a person wrote for the chronology (a note, a comment, a reason):
// required, not blank, as an entry's text.
absl::Status ValidateWrittenText(absl::string_view text, absl::string_view field) {
  if (IsBlank(text)) return absl::InvalidArgumentError(absl::StrCat(field, ": is required"));
  return ValidateMultilineText(text, field);
}

// The parts every supervision write shares: its text, request id and version.
absl::Status ValidateStep(absl::string_view text, absl::string_view text_field, absl::string_view request_id,
                          bool has_expected, int64_t expected) {
  if (auto s = ValidateWrittenText(text, text_field); !s.ok()) return s;
  if (auto s = ValidateRequestId(request_id, "request_id"); !s.ok()) return s;
  return ValidateExpectedVersion(has_expected, expected);
}

}  // namespace

absl::Status ValidateApprovalRequest(const v1::RequestApprovalRequest& request) {
  auto case_id = ParseCaseName(request.parent(), "parent");
  if (!case_id.ok()) return case_id.status();
  if (request.subject() != kClosureSubject) {
    auto subject = ParseEntryName(request.subject(), "subject");
    if (!subject.ok())
      return absl::InvalidArgumentError(
          absl::StrCat("subject: give \"", kClosureSubject, "\" or an entry of the case (cases/", *case_id,
                       "/entries/N)"));
    if (subject->case_id != *case_id)
      return absl::InvalidArgumentError(absl::StrCat("subject: not an entry of ", request.parent()));
  }
  return ValidateStep(request.note(), "note", request.request_id(), request.has_expected_version(),
                      request.expected_version());
}

namespace {

// Approve and return: the request's entry and a comment.
template <typename Request>
absl::Status ValidateDecision(const Request& request) {
  if (auto s = ParseEntryName(request.name(), "name"); !s.ok()) return s.status();
  return ValidateStep(request.comment(), "comment", request.request_id(), request.has_expected_version(),
                      request.expected_version());
}

// Close and reopen: the case and a reason.
template <typename Request>
absl::Status ValidateStateChange(const Request& request) {
  if (auto s = ParseCaseName(request.name(), "name"); !s.ok()) return s.status();
  return ValidateStep(request.reason(), "reason", request.request_id(), request.has_expected_version(),
                      request.expected_version());
}

}  // namespace

absl::Status ValidateApproval(const v1::ApproveRequestRequest& request) { return ValidateDecision(request); }
absl::Status ValidateReturn(const v1::ReturnRequestRequest& request) { return ValidateDecision(request); }
absl::Status ValidateClose(const v1::CloseCaseRequest& request) { return ValidateStateChange(request); }
absl::Status ValidateReopen(const v1::ReopenCaseRequest& request) { return ValidateStateChange(request); }

absl::Status ValidateTaskingRequest(const v1::GetTaskingRequest& request) {
  if (request.team().empty()) return absl::InvalidArgumentError("team: is required");
  if (!IsValidTeamName(request.team()))
    return absl::InvalidArgumentError("team: not a team name (a-z, 0-9, '-', '_'; 1 to 63 characters)");
  if (request.quiet_days() < 0 || request.quiet_days() > kMaxQuietDays)
    return absl::InvalidArgumentError(absl::StrCat("quiet_days: from 0 (the default, 14) to ", kMaxQuietDays));
  return absl::OkStatus();
}

}  // namespace casefile
