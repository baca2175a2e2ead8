#include "cli/record_output.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "cli/output.h"
#include "cli/terminal_safe.h"
#include "core/safeguarding/dash_questions.h"
#include "core/time/partial_time.h"
#include "core/time/partial_time_proto.h"
#include "google/protobuf/util/time_util.h"

namespace casefile::cli {
namespace {

// "AGENCY_CSC" → "csc" (the enum's prefix dropped, lower case, spaces).
std::string Word(absl::string_view enum_name, absl::string_view prefix) {
  if (enum_name.substr(0, prefix.size()) == prefix) enum_name.remove_prefix(prefix.size());
  return absl::AsciiStrToLower(absl::StrReplaceAll(enum_name, {{"_", " "}}));
}

std::string When(const v1::PartialTime& t) { return FormatPartialTime(FromProto(t)); }

std::string Child(const v1::ChildRef& c) {
  std::string out = TerminalSafe(c.name().empty() ? c.person() : c.name());
  if (c.date_of_birth().precision() != v1::PartialTime::PRECISION_UNSPECIFIED)
    absl::StrAppend(&out, " (born ", When(c.date_of_birth()), ")");
  if (!c.person().empty() && !c.name().empty()) absl::StrAppend(&out, " ", TerminalSafe(c.person()));
  return out;
}

// "      label: value" lines, skipping empty values.
void Line(std::string& out, absl::string_view label, const std::string& value) {
  if (!value.empty()) absl::StrAppend(&out, "      ", label, ": ", value, "\n");
}
void TimeLine(std::string& out, absl::string_view label, const v1::PartialTime& t) {
  if (t.precision() != v1::PartialTime::PRECISION_UNSPECIFIED) Line(out, label, When(t));
}
void TextLines(std::string& out, absl::string_view label, const std::string& text) {
  absl::StrAppend(&out, "      ", label, ":\n", Indented(TerminalSafeText(text), "        "), "\n");
}

std::string StrategyDiscussion(const v1::StrategyDiscussion& sd) {
  std::string out = absl::StrCat("    strategy discussion, ", When(sd.held_time()), ", by ",
                                 Word(v1::StrategyDiscussion::Format_Name(sd.format()), "FORMAT_"), "\n");
  std::vector<std::string> people;
  for (const v1::Attendee& a : sd.attendees()) {
    people.push_back(absl::StrCat(TerminalSafe(a.name()), " (", Word(v1::Agency_Name(a.agency()), "AGENCY_"),
                                  a.role().empty() ? "" : ", ", TerminalSafe(a.role()), ")"));
  }
  Line(out, "attendees", absl::StrJoin(people, "; "));
  for (const v1::AgencyAbsence& a : sd.absent_agencies())
    Line(out, absl::StrCat("absent ", Word(v1::Agency_Name(a.agency()), "AGENCY_")), TerminalSafe(a.reason()));
  TextLines(out, "information shared", sd.information_shared());
  for (const std::string& d : sd.decisions()) Line(out, "decision", TerminalSafe(d));
  Line(out, "section 47 threshold",
       Word(v1::StrategyDiscussion::Section47Threshold_Name(sd.section47_threshold()), "SECTION47_THRESHOLD_"));
  for (int i = 0; i < sd.actions_size(); ++i) {
    const v1::SafeguardingAction& a = sd.actions(i);
    Line(out, absl::StrCat("action ", i + 1),
         absl::StrCat(TerminalSafe(a.owner()), ": ", TerminalSafe(a.description()), " (due ", When(a.due()), ")"));
  }
  for (const v1::ChildRef& c : sd.children()) Line(out, "child", Child(c));
  return out;
}

std::string Referral(const v1::Referral& r) {
  std::string out = absl::StrCat("    referral to ", Word(v1::Agency_Name(r.to_agency()), "AGENCY_"), ", risk ",
                                 Word(v1::RiskGrade_Name(r.risk_grade()), "RISK_GRADE_"),
                                 r.significant_harm_suspected() ? ", SIGNIFICANT HARM SUSPECTED" : "",
                                 r.domestic_abuse() ? ", domestic abuse" : "", "\n");
  TimeLine(out, "referred", r.referred_time());
  TextLines(out, "reason", r.reason());
  for (const v1::ChildImpact& c : r.child_impacts())
    Line(out, absl::StrCat("impact on ", Child(c.child())), TerminalSafe(c.impact()));
  return out;
}

std::string Feedback(const v1::ReferralFeedback& f) {
  std::string out = absl::StrCat("    CSC feedback on ", TerminalSafe(f.referral()), "\n");
  TimeLine(out, "received", f.received_time());
  Line(out, "outcome", TerminalSafe(f.outcome()));
  TextLines(out, "feedback", f.feedback());
  return out;
}

std::string Missing(const v1::MissingEpisode& m) {
  std::string out = absl::StrCat("    missing episode: ", Child(m.child()), "\n");
  Line(out, "missing from", TerminalSafe(m.missing_from()));
  TimeLine(out, "reported", m.reported_time());
  TimeLine(out, "returned", m.returned_time());
  Line(out, "found", TerminalSafe(m.found_where()));
  TimeLine(out, "return interview", m.return_interview_time());
  Line(out, "updates", TerminalSafe(m.updates()));
  return out;
}

std::string Custody(const v1::Custody& c) {
  std::string out = absl::StrCat("    custody: ", Child(c.child()), "\n");
  TimeLine(out, "arrived", c.arrival_time());
  TimeLine(out, "appropriate adult requested", c.appropriate_adult_requested_time());
  Line(out, "appropriate adult arrived",
       c.appropriate_adult_arrived_time().precision() == v1::PartialTime::PRECISION_UNSPECIFIED
           ? "not yet" : When(c.appropriate_adult_arrived_time()));
  Line(out, "charge", TerminalSafe(c.charge()));
  if (c.decision() != v1::Custody::DECISION_UNSPECIFIED)
    Line(out, "decision", Word(v1::Custody::Decision_Name(c.decision()), "DECISION_"));
  Line(out, "accommodated at", TerminalSafe(c.accommodated_at()));
  Line(out, "updates", TerminalSafe(c.updates()));
  return out;
}

void DashReview(std::string& out, const v1::DashReview& r) {
  Line(out, "review", absl::StrCat("by ", TerminalSafe(r.reviewer()), ", ", When(r.reviewed_time()), ", agreed grade ",
                                   Word(v1::RiskGrade_Name(r.agreed_grade()), "RISK_GRADE_")));
  if (!r.comment().empty()) TextLines(out, "comment", r.comment());
}

std::string Dash(const v1::DashRiskAssessment& d) {
  std::string out = absl::StrCat("    DASH risk assessment, ", When(d.assessed_time()), ", by ",
                                 TerminalSafe(d.officer()), ": ", Word(v1::RiskGrade_Name(d.grade()), "RISK_GRADE_"),
                                 " risk\n");
  int yes = 0;
  std::vector<std::string> not_known;
  for (const DashQuestion& q : DashQuestions()) {
    auto a = d.answers().find(q.id);
    if (a == d.answers().end()) continue;
    yes += a->second == v1::DASH_ANSWER_YES;
    if (a->second == v1::DASH_ANSWER_NOT_KNOWN) not_known.push_back(q.id);
  }
  Line(out, "answers", absl::StrCat(yes, " yes of ", DashQuestions().size(), ", ", not_known.size(), " not known"));
  Line(out, "not known", absl::StrJoin(not_known, ", "));
  if (d.has_review()) DashReview(out, d.review());
  return out;
}

}  // namespace

std::string RecordBlock(const v1::Entry& e) {
  switch (e.record_case()) {
    case v1::Entry::kStrategyDiscussion: return StrategyDiscussion(e.strategy_discussion());
    case v1::Entry::kReferral: return Referral(e.referral());
    case v1::Entry::kReferralFeedback: return Feedback(e.referral_feedback());
    case v1::Entry::kMissingEpisode: return Missing(e.missing_episode());
    case v1::Entry::kCustody: return Custody(e.custody());
    case v1::Entry::kSection47Enquiry: {
      std::string out = absl::StrCat("    section 47 enquiry begun ", When(e.section47_enquiry().started_time()), "\n");
      for (const v1::ChildRef& c : e.section47_enquiry().children()) Line(out, "child", Child(c));
      return out;
    }
    case v1::Entry::kAssessment: {
      std::string out = absl::StrCat("    assessment of ", Child(e.assessment().child()), ", ",
                                     When(e.assessment().assessed_time()), "\n");
      TextLines(out, "summary", e.assessment().summary());
      return out;
    }
    case v1::Entry::kActionCompleted:
      return absl::StrCat("    action ", e.action_completed().action(), " of ",
                          TerminalSafe(e.action_completed().strategy_discussion()), " done: ",
                          TerminalSafe(e.action_completed().outcome()), "\n");
    case v1::Entry::kDashRiskAssessment: return Dash(e.dash_risk_assessment());
    case v1::Entry::kDashReview: {
      std::string out = absl::StrCat("    review of DASH risk assessment ", TerminalSafe(e.dash_review().assessment()), "\n");
      DashReview(out, e.dash_review().review());
      return out;
    }
    case v1::Entry::RECORD_NOT_SET: break;
  }
  return "";
}

std::string AttentionListName(v1::AttentionList list) {
  return Word(v1::AttentionList_Name(list), "ATTENTION_LIST_");
}

std::string AttentionItemBlock(const v1::AttentionItem& item) {
  std::string out = TerminalSafe(item.entry());
  if (item.action() != 0) absl::StrAppend(&out, " action ", item.action());
  absl::StrAppend(&out, "  due ", google::protobuf::util::TimeUtil::ToString(item.due_time()), "  ",
                  TerminalSafe(item.child()));
  if (!item.teams().empty()) absl::StrAppend(&out, "  for ", TerminalSafe(absl::StrJoin(item.teams(), ", ")));
  if (item.from_import()) absl::StrAppend(&out, "  (imported record)");
  absl::StrAppend(&out, "\n    ", TerminalSafe(item.summary()), "\n");
  return out;
}

}  // namespace casefile::cli
