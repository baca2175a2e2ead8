#include "core/chronology/validation.h"

#include <cstdint>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "core/access/need_to_know.h"
#include "core/input/input_rules.h"
#include "core/input/resource_names.h"
#include "core/safeguarding/safeguarding_validation.h"

namespace casefile {
namespace {

absl::Status Invalid(absl::string_view field, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", what));
}

// An owner and a team as a request names them; either may be empty.
absl::Status ValidateOwnerAndTeam(absl::string_view owner, absl::string_view team) {
  if (!owner.empty() && !IsValidUserIdInRequest(owner))
    return Invalid("owner", "not a user id (letters, digits, '-', '_', '.', '@'; 1 to 63 characters)");
  if (!team.empty() && !IsValidTeamName(team))
    return Invalid("team", "not a team name (a-z, 0-9, '-', '_'; 1 to 63 characters)");
  return absl::OkStatus();
}

absl::Status ValidateSubjects(const google::protobuf::RepeatedPtrField<v1::Subject>& subjects,
                              absl::string_view field) {
  for (int i = 0; i < subjects.size(); ++i) {
    const v1::Subject& s = subjects[i];
    std::string at = absl::StrCat(field, "[", i, "]");
    if (IsBlank(s.display_name()) && IsBlank(s.surname()))
      return Invalid(at, "needs display_name or surname");
    // A link to a person record is the person index's to make, as sources
    // are the importers'.
    if (!s.person().empty())
      return Invalid(absl::StrCat(at, ".person"), "set only by the person index");
    for (auto [value, name] : {std::pair{&s.display_name(), ".display_name"},
                               std::pair{&s.forename(), ".forename"},
                               std::pair{&s.surname(), ".surname"}}) {
      if (auto st = ValidateLine(*value, absl::StrCat(at, name), false, kMaxIndexedFieldBytes);
          !st.ok())
        return st;
    }
    if (auto st = ValidatePartialTime(s.date_of_birth(), absl::StrCat(at, ".date_of_birth"));
        !st.ok())
      return st;
  }
  return absl::OkStatus();
}

absl::Status ValidateRefs(const google::protobuf::RepeatedPtrField<std::string>& refs,
                          absl::string_view field) {
  for (int i = 0; i < refs.size(); ++i) {
    if (auto st = ValidateLine(refs[i], absl::StrCat(field, "[", i, "]"), true,
                                kMaxIndexedFieldBytes);
        !st.ok())
      return st;
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ValidateExpectedVersion(bool has_expected, int64_t expected) {
  if (has_expected && expected < 0)
    return Invalid("expected_version", "must not be negative (versions start at 0)");
  return absl::OkStatus();
}

absl::Status ValidateRestrictionChange(const v1::SetCaseRestrictionRequest& request) {
  if (request.has_restriction()) {
    if (auto s = ValidateRestriction(request.restriction(), "restriction"); !s.ok()) return s;
  }
  if (auto s = ValidateLine(request.reason(), "reason", false); !s.ok()) return s;
  return ValidateExpectedVersion(request.has_expected_version(), request.expected_version());
}

absl::Status ValidateCreateCase(const v1::CreateCaseRequest& request) {
  if (!request.has_case_()) return Invalid("case", "is required");
  if (auto s = ValidateLine(request.case_().title(), "case.title", true); !s.ok()) return s;
  if (auto s = ValidateRefs(request.case_().legacy_refs(), "case.legacy_refs"); !s.ok()) return s;
  if (auto s = ValidateSubjects(request.case_().subjects(), "case.subjects"); !s.ok()) return s;
  if (request.case_().has_restriction()) {
    if (auto s = ValidateRestriction(request.case_().restriction(), "case.restriction"); !s.ok())
      return s;
  }
  if (!request.case_id().empty()) {
    if (auto s = ValidateCaseId(request.case_id(), "case_id"); !s.ok()) return s;
  }
  return ValidateRequestId(request.request_id(), "request_id");
}

absl::Status ValidateNewEntry(const v1::Entry& entry, absl::string_view field) {
  if (entry.kind() == v1::ENTRY_KIND_UNSPECIFIED || !v1::EntryKind_IsValid(entry.kind()))
    return Invalid(absl::StrCat(field, ".kind"), "is required (e.g. ENTRY_KIND_VISIT)");
  if (entry.kind() == v1::ENTRY_KIND_CORRECTION)
    return Invalid(absl::StrCat(field, ".kind"), "corrections are made with CorrectEntry");
  if (entry.kind() == v1::ENTRY_KIND_ASSIGNMENT)
    return Invalid(absl::StrCat(field, ".kind"), "assignments are made with AssignCase");
  if (entry.kind() == v1::ENTRY_KIND_APPROVAL_REQUEST || entry.kind() == v1::ENTRY_KIND_APPROVAL_DECISION ||
      entry.kind() == v1::ENTRY_KIND_CASE_STATE || entry.supervision_case() != v1::Entry::SUPERVISION_NOT_SET)
    return Invalid(absl::StrCat(field, ".kind"), "approvals and a case's state are written by SupervisionService");
  if (entry.sources_size() > 0)
    return Invalid(absl::StrCat(field, ".sources"), "set only by imports");
  if (auto s = ValidateMultilineText(entry.text(), absl::StrCat(field, ".text")); !s.ok()) return s;
  if (auto s = ValidatePartialTime(entry.occur_time(), absl::StrCat(field, ".occur_time")); !s.ok())
    return s;
  if (auto s = ValidateSubjects(entry.subjects(), absl::StrCat(field, ".subjects")); !s.ok()) return s;
  if (auto s = ValidateRefs(entry.legacy_refs(), absl::StrCat(field, ".legacy_refs")); !s.ok()) return s;
  return ValidateSafeguardingRecord(entry, field);
}

absl::Status ValidateAppend(const v1::AppendEntryRequest& request) {
  if (auto s = ValidateNewEntry(request.entry(), "entry"); !s.ok()) return s;
  if (auto s = ValidateRequestId(request.request_id(), "request_id"); !s.ok()) return s;
  return ValidateExpectedVersion(request.has_expected_version(), request.expected_version());
}

absl::Status ValidateCorrection(const v1::CorrectEntryRequest& request) {
  if (auto s = ValidateMultilineText(request.text(), "text"); !s.ok()) return s;
  if (auto s = ValidateLine(request.reason(), "reason", true); !s.ok()) return s;
  if (auto s = ValidatePartialTime(request.occur_time(), "occur_time"); !s.ok()) return s;
  if (auto s = ValidateRequestId(request.request_id(), "request_id"); !s.ok()) return s;
  return ValidateExpectedVersion(request.has_expected_version(), request.expected_version());
}

absl::Status ValidateSubjectCorrection(const v1::CorrectSubjectsRequest& request) {
  if (auto s = ValidateSubjects(request.subjects(), "subjects"); !s.ok()) return s;
  if (auto s = ValidateLine(request.reason(), "reason", true); !s.ok()) return s;
  if (auto s = ValidateRequestId(request.request_id(), "request_id"); !s.ok()) return s;
  return ValidateExpectedVersion(request.has_expected_version(), request.expected_version());
}

absl::Status ValidateAssignment(const v1::AssignCaseRequest& request) {
  if (request.owner().empty() && request.team().empty())
    return Invalid("owner", "give the new owner, the new team, or both");
  if (auto s = ValidateOwnerAndTeam(request.owner(), request.team()); !s.ok()) return s;
  if (auto s = ValidateLine(request.reason(), "reason", true); !s.ok()) return s;
  if (auto s = ValidateRequestId(request.request_id(), "request_id"); !s.ok()) return s;
  return ValidateExpectedVersion(request.has_expected_version(), request.expected_version());
}

absl::Status ValidateListFilters(const v1::ListCasesRequest& request) {
  if (auto s = ValidateOwnerAndTeam(request.owner(), request.team()); !s.ok()) return s;
  if (auto s = ValidateLine(request.legacy_ref(), "legacy_ref", false, kMaxIndexedFieldBytes);
      !s.ok())
    return s;
  return ValidateLine(request.subject(), "subject", false, kMaxIndexedFieldBytes);
}

}  // namespace casefile
