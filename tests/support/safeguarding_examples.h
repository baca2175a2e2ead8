// Test support: complete, valid examples of each structured safeguarding
// record (safeguarding.proto) as new entries, for unit and end-to-end tests
// to start from and then break or adjust one part.
#ifndef CASEFILE_TESTS_SUPPORT_SAFEGUARDING_EXAMPLES_H_
#define CASEFILE_TESTS_SUPPORT_SAFEGUARDING_EXAMPLES_H_

#include <string>

#include "casefile/v1/case.pb.h"
#include "google/protobuf/text_format.h"

namespace casefile::testing {

inline v1::Entry ParseExampleEntry(const std::string& text) {
  v1::Entry entry;
  if (!google::protobuf::TextFormat::ParseFromString(text, &entry)) entry.Clear();
  return entry;
}

inline constexpr char kExampleChild[] =
    R"(name: "Ellie WATSON" date_of_birth { precision: PRECISION_DAY year: 2008 month: 4 day: 3 })";

inline v1::Entry StrategyDiscussionExample() {
  return ParseExampleEntry(std::string(R"(
    kind: ENTRY_KIND_STRATEGY_DISCUSSION
    text: "Strategy discussion by phone after the referral of 12/11."
    strategy_discussion {
      held_time { precision: PRECISION_MINUTE year: 2026 month: 11 day: 13 hour: 10 minute: 0 }
      format: FORMAT_PHONE
      attendees { name: "SW Jones" agency: AGENCY_CSC role: "Social worker" }
      attendees { name: "DS Patel" agency: AGENCY_POLICE }
      absent_agencies { agency: AGENCY_HEALTH reason: "Named nurse on leave; GP gave information by email" }
      information_shared: "Previous referrals in 2025; school reports bruising."
      decisions: "Section 47 enquiry to begin"
      section47_threshold: SECTION47_THRESHOLD_MET
      actions { owner: "SW Jones" description: "Visit the home with police" due { precision: PRECISION_DAY year: 2026 month: 11 day: 14 } }
      children { )") + kExampleChild + R"( }
    })");
}

inline v1::Entry ReferralExample(bool significant_harm) {
  v1::Entry entry = ParseExampleEntry(std::string(R"(
    kind: ENTRY_KIND_REFERRAL
    text: "Domestic abuse incident at home; referral to CSC."
    referral {
      to_agency: AGENCY_CSC
      reason: "Domestic abuse incident with the child present"
      child_impacts { child { )") + kExampleChild + R"( } impact: "Witnessed the assault; hid in her room" }
      risk_grade: RISK_GRADE_HIGH
      referred_time { precision: PRECISION_MINUTE year: 2026 month: 11 day: 12 hour: 9 minute: 30 }
    })");
  entry.mutable_referral()->set_significant_harm_suspected(significant_harm);
  return entry;
}

inline v1::Entry ReferralFeedbackExample(const std::string& referral) {
  v1::Entry entry = ParseExampleEntry(R"(
    kind: ENTRY_KIND_REFERRAL
    text: "CSC feedback on the referral."
    referral_feedback { feedback: "Assessment opened" outcome: "Child and family assessment" })");
  entry.mutable_referral_feedback()->set_referral(referral);
  return entry;
}

// Reported missing on `day` of November 2026.
inline v1::Entry MissingEpisodeExample(int day) {
  v1::Entry entry = ParseExampleEntry(std::string(R"(
    kind: ENTRY_KIND_MISSING_EPISODE
    text: "Reported missing by her mother."
    missing_episode {
      child { )") + kExampleChild + R"( }
      missing_from: "Home"
      reported_time { precision: PRECISION_MINUTE year: 2026 month: 11 hour: 22 minute: 0 }
    })");
  entry.mutable_missing_episode()->mutable_reported_time()->set_day(day);
  return entry;
}

// Arrived 12/11/2026 18:00, appropriate adult requested 18:10, not yet come.
inline v1::Entry CustodyExample() {
  return ParseExampleEntry(std::string(R"(
    kind: ENTRY_KIND_CUSTODY
    text: "Booked into custody."
    custody {
      child { )") + kExampleChild + R"( }
      arrival_time { precision: PRECISION_MINUTE year: 2026 month: 11 day: 12 hour: 18 minute: 0 }
      appropriate_adult_requested_time { precision: PRECISION_MINUTE year: 2026 month: 11 day: 12 hour: 18 minute: 10 }
    })");
}

inline v1::Entry Section47EnquiryExample() {
  return ParseExampleEntry(std::string(R"(
    kind: ENTRY_KIND_ENQUIRY
    text: "Section 47 enquiry begun."
    section47_enquiry {
      started_time { precision: PRECISION_DAY year: 2026 month: 11 day: 12 }
      children { )") + kExampleChild + R"( }
    })");
}

// Assessed on `day` of November 2026.
inline v1::Entry AssessmentExample(int day) {
  v1::Entry entry = ParseExampleEntry(std::string(R"(
    kind: ENTRY_KIND_ASSESSMENT
    text: "Return-home and exploitation risk assessment."
    assessment {
      child { )") + kExampleChild + R"( }
      assessed_time { precision: PRECISION_DAY year: 2026 month: 11 }
      summary: "CSE risk assessment: medium"
    })");
  entry.mutable_assessment()->mutable_assessed_time()->set_day(day);
  return entry;
}

inline v1::Entry ActionCompletedExample(const std::string& strategy_discussion, int action) {
  v1::Entry entry = ParseExampleEntry(R"(
    kind: ENTRY_KIND_NOTE
    text: "Joint visit done."
    action_completed { outcome: "Visited with PC Brown" })");
  entry.mutable_action_completed()->set_strategy_discussion(strategy_discussion);
  entry.mutable_action_completed()->set_action(action);
  return entry;
}

// A complete DASH risk assessment of 13/11/2026 graded high: every question
// answered no, but for `not_known` questions (the first ones) answered "not
// known" and "injury" answered yes.
inline v1::Entry DashExample(int not_known = 0) {
  v1::Entry entry = ParseExampleEntry(R"(
    kind: ENTRY_KIND_RISK_ASSESSMENT
    text: "DASH completed with the victim at home."
    dash_risk_assessment {
      grade: RISK_GRADE_HIGH
      assessed_time { precision: PRECISION_DAY year: 2026 month: 11 day: 13 }
    })");
  static constexpr const char* kIds[] = {
      "injury",        "frightened",     "afraid_of",       "isolated",      "depressed",   "separated",
      "child_contact", "stalking",       "pregnancy",       "other_children", "hurt_children", "threatened_children",
      "more_often",    "getting_worse",  "controlling",     "weapons",       "threats_to_kill", "strangulation",
      "sexual_abuse",  "other_person",   "hurt_others",     "animals",       "financial", "substances_mental_health",
      "suicide",       "breach",         "criminal_history"};
  auto& answers = *entry.mutable_dash_risk_assessment()->mutable_answers();
  for (const char* id : kIds) answers[id] = v1::DASH_ANSWER_NO;
  answers["injury"] = v1::DASH_ANSWER_YES;
  for (int i = 0; i < not_known; ++i) answers[kIds[26 - i]] = v1::DASH_ANSWER_NOT_KNOWN;
  return entry;
}

// A supervisor's review of the DASH risk assessment `assessment`.
inline v1::Entry DashReviewExample(const std::string& assessment) {
  v1::Entry entry = ParseExampleEntry(R"(
    kind: ENTRY_KIND_RISK_ASSESSMENT
    text: "DASH reviewed."
    dash_review { review { reviewed_time { precision: PRECISION_DAY year: 2026 month: 11 day: 14 }
                           agreed_grade: RISK_GRADE_HIGH comment: "Agreed; MARAC referral" } })");
  entry.mutable_dash_review()->set_assessment(assessment);
  return entry;
}

}  // namespace casefile::testing

#endif  // CASEFILE_TESTS_SUPPORT_SAFEGUARDING_EXAMPLES_H_
