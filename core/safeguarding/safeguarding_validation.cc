#include "core/safeguarding/safeguarding_validation.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "core/access/caller.h"
#include "core/input/input_rules.h"
#include "core/input/resource_names.h"
#include "core/safeguarding/dash_questions.h"
#include "core/time/partial_time_proto.h"

namespace casefile {
namespace {

using v1::Entry;

absl::Status Invalid(absl::string_view path, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(path, ": ", what));
}

// A time known at least to `finest_needed`, or (not required) unset.
absl::Status Time(const v1::PartialTime& t, absl::string_view path, TimePrecision finest_needed,
                  bool required) {
  if (auto s = ValidatePartialTime(t, path); !s.ok()) return s;
  const TimePrecision p = PrecisionFromProto(t.precision());
  if (p == TimePrecision::kUnknown) return required ? Invalid(path, "is required") : absl::OkStatus();
  if (p < finest_needed) {
    return Invalid(path, finest_needed == TimePrecision::kMinute ? "must be known to the minute"
                                                                 : "must be known to the day");
  }
  return absl::OkStatus();
}

absl::Status Child(const v1::ChildRef& child, absl::string_view path) {
  if (!child.person().empty()) {
    if (!absl::StartsWith(child.person(), "persons/") || child.person().size() == 8)
      return Invalid(absl::StrCat(path, ".person"), "must be persons/{person}");
    if (auto s = ValidateLine(child.person(), absl::StrCat(path, ".person"), true); !s.ok()) return s;
    return ValidateLine(child.name(), absl::StrCat(path, ".name"), false);
  }
  if (IsBlank(child.name())) return Invalid(path, "needs person, or name and date_of_birth");
  if (auto s = ValidateLine(child.name(), absl::StrCat(path, ".name"), true); !s.ok()) return s;
  return Time(child.date_of_birth(), absl::StrCat(path, ".date_of_birth"), TimePrecision::kYear,
              true);
}

absl::Status EntryReference(absl::string_view name, absl::string_view path) {
  if (IsBlank(name)) return Invalid(path, "is required (cases/{case}/entries/{n})");
  return ParseEntryName(name, path).status();
}

absl::Status Agency(v1::Agency agency, absl::string_view path) {
  if (agency == v1::AGENCY_UNSPECIFIED || !v1::Agency_IsValid(agency))
    return Invalid(path, "is required (e.g. AGENCY_CSC)");
  return absl::OkStatus();
}

absl::Status ValidateStrategyDiscussion(const v1::StrategyDiscussion& sd, const std::string& at) {
  if (auto s = Time(sd.held_time(), at + ".held_time", TimePrecision::kDay, true); !s.ok()) return s;
  if (sd.format() == v1::StrategyDiscussion::FORMAT_UNSPECIFIED ||
      !v1::StrategyDiscussion::Format_IsValid(sd.format()))
    return Invalid(at + ".format", "is required (meeting, phone or video)");
  for (int i = 0; i < sd.attendees_size(); ++i) {
    const std::string a = absl::StrCat(at, ".attendees[", i, "]");
    if (auto s = ValidateLine(sd.attendees(i).name(), a + ".name", true); !s.ok()) return s;
    if (auto s = Agency(sd.attendees(i).agency(), a + ".agency"); !s.ok()) return s;
    if (auto s = ValidateLine(sd.attendees(i).role(), a + ".role", false); !s.ok()) return s;
  }
  for (int i = 0; i < sd.absent_agencies_size(); ++i) {
    const std::string a = absl::StrCat(at, ".absent_agencies[", i, "]");
    if (auto s = Agency(sd.absent_agencies(i).agency(), a + ".agency"); !s.ok()) return s;
    if (auto s = ValidateMultilineText(sd.absent_agencies(i).reason(), a + ".reason"); !s.ok()) return s;
  }
  for (auto [agency, label] : {std::pair{v1::AGENCY_CSC, "children's social care (AGENCY_CSC)"},
                               std::pair{v1::AGENCY_POLICE, "police (AGENCY_POLICE)"},
                               std::pair{v1::AGENCY_HEALTH, "health (AGENCY_HEALTH)"}}) {
    bool present = false;
    for (const v1::Attendee& a : sd.attendees()) present |= a.agency() == agency;
    for (const v1::AgencyAbsence& a : sd.absent_agencies()) present |= a.agency() == agency;
    if (!present) {
      return Invalid(at + ".attendees",
                     absl::StrCat("no attendee from ", label,
                                  " and no reason recorded in absent_agencies"));
    }
  }
  if (auto s = ValidateMultilineText(sd.information_shared(), at + ".information_shared"); !s.ok()) return s;
  if (sd.decisions_size() == 0) return Invalid(at + ".decisions", "at least one decision is required");
  for (int i = 0; i < sd.decisions_size(); ++i) {
    if (auto s = ValidateMultilineText(sd.decisions(i), absl::StrCat(at, ".decisions[", i, "]")); !s.ok()) return s;
  }
  if (sd.section47_threshold() == v1::StrategyDiscussion::SECTION47_THRESHOLD_UNSPECIFIED ||
      !v1::StrategyDiscussion::Section47Threshold_IsValid(sd.section47_threshold()))
    return Invalid(at + ".section47_threshold", "the decision whether the Section 47 threshold is met is required");
  for (int i = 0; i < sd.actions_size(); ++i) {
    const std::string a = absl::StrCat(at, ".actions[", i, "]");
    if (auto s = ValidateLine(sd.actions(i).owner(), a + ".owner", true); !s.ok()) return s;
    if (auto s = ValidateMultilineText(sd.actions(i).description(), a + ".description"); !s.ok()) return s;
    if (auto s = Time(sd.actions(i).due(), a + ".due", TimePrecision::kDay, true); !s.ok()) return s;
  }
  if (sd.children_size() == 0) return Invalid(at + ".children", "name at least one child");
  for (int i = 0; i < sd.children_size(); ++i) {
    if (auto s = Child(sd.children(i), absl::StrCat(at, ".children[", i, "]")); !s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::Status Grade(v1::RiskGrade grade, const std::string& path) {
  if (grade == v1::RISK_GRADE_UNSPECIFIED || !v1::RiskGrade_IsValid(grade))
    return Invalid(path, "is required (standard, medium or high)");
  return absl::OkStatus();
}

absl::Status ValidateReferral(const v1::Referral& r, const std::string& at) {
  if (auto s = Agency(r.to_agency(), at + ".to_agency"); !s.ok()) return s;
  if (auto s = ValidateMultilineText(r.reason(), at + ".reason"); !s.ok()) return s;
  if (r.child_impacts_size() == 0)
    return Invalid(at + ".child_impacts", "the impact on each child is required: name at least one child");
  for (int i = 0; i < r.child_impacts_size(); ++i) {
    const std::string c = absl::StrCat(at, ".child_impacts[", i, "]");
    if (!r.child_impacts(i).has_child()) return Invalid(c + ".child", "is required");
    if (auto s = Child(r.child_impacts(i).child(), c + ".child"); !s.ok()) return s;
    if (auto s = ValidateMultilineText(r.child_impacts(i).impact(), c + ".impact"); !s.ok()) return s;
  }
  if (auto s = Grade(r.risk_grade(), at + ".risk_grade"); !s.ok()) return s;
  return Time(r.referred_time(), at + ".referred_time", TimePrecision::kDay, false);
}

absl::Status ValidateReferralFeedback(const v1::ReferralFeedback& f, const std::string& at) {
  if (auto s = EntryReference(f.referral(), at + ".referral"); !s.ok()) return s;
  if (auto s = ValidateMultilineText(f.feedback(), at + ".feedback"); !s.ok()) return s;
  if (auto s = ValidateLine(f.outcome(), at + ".outcome", true); !s.ok()) return s;
  return Time(f.received_time(), at + ".received_time", TimePrecision::kDay, false);
}

absl::Status ValidateMissingEpisode(const v1::MissingEpisode& m, const std::string& at) {
  if (!m.has_child()) return Invalid(at + ".child", "is required");
  if (auto s = Child(m.child(), at + ".child"); !s.ok()) return s;
  if (auto s = ValidateLine(m.missing_from(), at + ".missing_from", true); !s.ok()) return s;
  if (auto s = Time(m.reported_time(), at + ".reported_time", TimePrecision::kDay, true); !s.ok())
    return s;
  if (auto s = Time(m.returned_time(), at + ".returned_time", TimePrecision::kDay, false); !s.ok())
    return s;
  if (auto s = ValidateLine(m.found_where(), at + ".found_where", false); !s.ok()) return s;
  if (auto s = Time(m.return_interview_time(), at + ".return_interview_time", TimePrecision::kDay, false);
      !s.ok())
    return s;
  if (m.updates().empty()) return absl::OkStatus();
  return EntryReference(m.updates(), at + ".updates");
}

absl::Status ValidateCustody(const v1::Custody& c, const std::string& at) {
  if (!c.has_child()) return Invalid(at + ".child", "is required");
  if (auto s = Child(c.child(), at + ".child"); !s.ok()) return s;
  if (auto s = Time(c.arrival_time(), at + ".arrival_time", TimePrecision::kMinute, true); !s.ok())
    return s;
  if (auto s = Time(c.appropriate_adult_requested_time(), at + ".appropriate_adult_requested_time",
                    TimePrecision::kMinute, true);
      !s.ok())
    return s;
  if (auto s = Time(c.appropriate_adult_arrived_time(), at + ".appropriate_adult_arrived_time",
                    TimePrecision::kMinute, false);
      !s.ok())
    return s;
  if (auto s = ValidateLine(c.charge(), at + ".charge", false); !s.ok()) return s;
  if (!v1::Custody::Decision_IsValid(c.decision())) return Invalid(at + ".decision", "unknown decision");
  if (!c.charge().empty() && c.decision() == v1::Custody::DECISION_UNSPECIFIED)
    return Invalid(at + ".decision", "is required once charged (bail, detained, released or transferred)");
  if (auto s = ValidateLine(c.accommodated_at(), at + ".accommodated_at",
                    c.decision() == v1::Custody::DECISION_DETAINED);
      !s.ok())
    return s;
  if (c.updates().empty()) return absl::OkStatus();
  return EntryReference(c.updates(), at + ".updates");
}

absl::Status ValidateSection47Enquiry(const v1::Section47Enquiry& e, const std::string& at) {
  if (auto s = Time(e.started_time(), at + ".started_time", TimePrecision::kDay, true); !s.ok())
    return s;
  if (e.children_size() == 0) return Invalid(at + ".children", "name at least one child");
  for (int i = 0; i < e.children_size(); ++i) {
    if (auto s = Child(e.children(i), absl::StrCat(at, ".children[", i, "]")); !s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::Status ValidateAssessment(const v1::ChildAssessment& a, const std::string& at) {
  if (!a.has_child()) return Invalid(at + ".child", "is required");
  if (auto s = Child(a.child(), at + ".child"); !s.ok()) return s;
  if (auto s = Time(a.assessed_time(), at + ".assessed_time", TimePrecision::kDay, true); !s.ok())
    return s;
  return ValidateMultilineText(a.summary(), at + ".summary");
}

absl::Status ValidateActionCompleted(const v1::ActionCompleted& a, const std::string& at) {
  if (auto s = EntryReference(a.strategy_discussion(), at + ".strategy_discussion"); !s.ok()) return s;
  if (a.action() < 1) return Invalid(at + ".action", "is required: the action's 1-based position");
  return ValidateLine(a.outcome(), at + ".outcome", true);
}

absl::Status UserId(const std::string& user, const std::string& path) {
  if (!IsValidUserIdInRequest(user)) return Invalid(path, "must be a user id (letters, digits, '-', '_', '.', '@')");
  return absl::OkStatus();
}

// A review's reviewer is checked by the caller: required in an assessment,
// the author's in a review entry.
absl::Status ValidateDashReview(const v1::DashReview& r, const std::string& at) {
  if (auto s = Time(r.reviewed_time(), at + ".reviewed_time", TimePrecision::kDay, true); !s.ok()) return s;
  if (auto s = Grade(r.agreed_grade(), at + ".agreed_grade"); !s.ok()) return s;
  if (r.comment().empty()) return absl::OkStatus();
  return ValidateMultilineText(r.comment(), at + ".comment");
}

absl::Status ValidateDashRiskAssessment(const v1::DashRiskAssessment& d, const std::string& at) {
  std::vector<std::string> unanswered;
  for (const DashQuestion& q : DashQuestions()) {
    auto answer = d.answers().find(q.id);
    if (answer == d.answers().end() || answer->second == v1::DASH_ANSWER_UNSPECIFIED) unanswered.push_back(q.id);
    else if (!v1::DashAnswer_IsValid(answer->second)) return Invalid(absl::StrCat(at, ".answers.", q.id), "unknown answer");
  }
  if (unanswered.size() == 1) return Invalid(absl::StrCat(at, ".answers.", unanswered[0]), "is not answered");
  if (!unanswered.empty()) {
    return Invalid(absl::StrCat(at, ".answers.", unanswered[0]),
                   absl::StrCat("is not answered (", unanswered.size(), " questions are not: ",
                                absl::StrJoin(unanswered, ", "), ")"));
  }
  if (static_cast<size_t>(d.answers_size()) != DashQuestions().size()) {
    for (const auto& [id, answer] : d.answers()) {
      bool known = false;
      for (const DashQuestion& q : DashQuestions()) known |= id == q.id;
      if (!known) return Invalid(absl::StrCat(at, ".answers"), "names a question the checklist does not have");
    }
  }
  if (auto s = Grade(d.grade(), at + ".grade"); !s.ok()) return s;
  if (!d.officer().empty()) {
    if (auto s = UserId(d.officer(), at + ".officer"); !s.ok()) return s;
  }
  if (auto s = Time(d.assessed_time(), at + ".assessed_time", TimePrecision::kDay, true); !s.ok()) return s;
  if (!d.has_review()) return absl::OkStatus();
  if (auto s = UserId(d.review().reviewer(), at + ".review.reviewer"); !s.ok()) return s;
  return ValidateDashReview(d.review(), at + ".review");
}

absl::Status ValidateDashReviewRecord(const v1::DashReviewRecord& r, const std::string& at) {
  if (auto s = EntryReference(r.assessment(), at + ".assessment"); !s.ok()) return s;
  if (!r.has_review()) return Invalid(at + ".review", "is required");
  return ValidateDashReview(r.review(), at + ".review");
}

// The record field a kind needs, "" when a kind needs none.
absl::string_view RequiredRecord(v1::EntryKind kind) {
  switch (kind) {
    case v1::ENTRY_KIND_STRATEGY_DISCUSSION: return "strategy_discussion";
    case v1::ENTRY_KIND_REFERRAL: return "referral";
    case v1::ENTRY_KIND_MISSING_EPISODE: return "missing_episode";
    case v1::ENTRY_KIND_CUSTODY: return "custody";
    case v1::ENTRY_KIND_ASSESSMENT: return "assessment";
    case v1::ENTRY_KIND_RISK_ASSESSMENT: return "dash_risk_assessment";
    default: return "";
  }
}

// The kind a record goes with.
v1::EntryKind KindOf(Entry::RecordCase record) {
  switch (record) {
    case Entry::kStrategyDiscussion: return v1::ENTRY_KIND_STRATEGY_DISCUSSION;
    case Entry::kReferral:
    case Entry::kReferralFeedback: return v1::ENTRY_KIND_REFERRAL;
    case Entry::kMissingEpisode: return v1::ENTRY_KIND_MISSING_EPISODE;
    case Entry::kCustody: return v1::ENTRY_KIND_CUSTODY;
    case Entry::kSection47Enquiry: return v1::ENTRY_KIND_ENQUIRY;
    case Entry::kAssessment: return v1::ENTRY_KIND_ASSESSMENT;
    case Entry::kActionCompleted: return v1::ENTRY_KIND_NOTE;
    case Entry::kDashRiskAssessment:
    case Entry::kDashReview: return v1::ENTRY_KIND_RISK_ASSESSMENT;
    case Entry::RECORD_NOT_SET: break;
  }
  return v1::ENTRY_KIND_UNSPECIFIED;
}

}  // namespace

absl::Status ValidateSafeguardingRecord(const Entry& entry, absl::string_view field) {
  const Entry::RecordCase record = entry.record_case();
  if (record == Entry::RECORD_NOT_SET) {
    absl::string_view needed = RequiredRecord(entry.kind());
    if (needed.empty()) return absl::OkStatus();
    return Invalid(absl::StrCat(field, ".", needed),
                   absl::StrCat("is required for ", v1::EntryKind_Name(entry.kind())));
  }
  const std::string at = absl::StrCat(field, ".", Entry::descriptor()->FindFieldByNumber(record)->name());
  if (KindOf(record) != entry.kind()) {
    return Invalid(absl::StrCat(field, ".kind"),
                   absl::StrCat(v1::EntryKind_Name(entry.kind()), " does not go with ", at, " (use ",
                                v1::EntryKind_Name(KindOf(record)), ")"));
  }
  switch (record) {
    case Entry::kStrategyDiscussion: return ValidateStrategyDiscussion(entry.strategy_discussion(), at);
    case Entry::kReferral: return ValidateReferral(entry.referral(), at);
    case Entry::kReferralFeedback: return ValidateReferralFeedback(entry.referral_feedback(), at);
    case Entry::kMissingEpisode: return ValidateMissingEpisode(entry.missing_episode(), at);
    case Entry::kCustody: return ValidateCustody(entry.custody(), at);
    case Entry::kSection47Enquiry: return ValidateSection47Enquiry(entry.section47_enquiry(), at);
    case Entry::kAssessment: return ValidateAssessment(entry.assessment(), at);
    case Entry::kActionCompleted: return ValidateActionCompleted(entry.action_completed(), at);
    case Entry::kDashRiskAssessment: return ValidateDashRiskAssessment(entry.dash_risk_assessment(), at);
    case Entry::kDashReview: return ValidateDashReviewRecord(entry.dash_review(), at);
    case Entry::RECORD_NOT_SET: break;
  }
  return absl::OkStatus();
}

}  // namespace casefile
