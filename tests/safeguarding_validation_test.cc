#include "core/safeguarding/safeguarding_validation.h"

#include <functional>
#include <string>

#include "core/chronology/validation.h"
#include "gtest/gtest.h"
#include "tests/support/safeguarding_examples.h"

namespace casefile {
namespace {

using testing::ActionCompletedExample;
using testing::AssessmentExample;
using testing::CustodyExample;
using testing::MissingEpisodeExample;
using testing::ReferralExample;
using testing::ReferralFeedbackExample;
using testing::Section47EnquiryExample;
using testing::StrategyDiscussionExample;

// The message ValidateNewEntry gives `entry` after `breaking` it ("" when OK).
std::string Refusal(v1::Entry entry, const std::function<void(v1::Entry&)>& breaking = {}) {
  if (breaking) breaking(entry);
  absl::Status s = ValidateNewEntry(entry, "entry");
  if (s.ok()) return "";
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
  return std::string(s.message());
}

TEST(SafeguardingValidationTest, TheExamplesAreComplete) {
  EXPECT_EQ(Refusal(StrategyDiscussionExample()), "");
  EXPECT_EQ(Refusal(ReferralExample(true)), "");
  EXPECT_EQ(Refusal(ReferralFeedbackExample("cases/CF-1/entries/1")), "");
  EXPECT_EQ(Refusal(MissingEpisodeExample(3)), "");
  EXPECT_EQ(Refusal(CustodyExample()), "");
  EXPECT_EQ(Refusal(Section47EnquiryExample()), "");
  EXPECT_EQ(Refusal(AssessmentExample(20)), "");
  EXPECT_EQ(Refusal(ActionCompletedExample("cases/CF-1/entries/2", 1)), "");
}

TEST(SafeguardingValidationTest, KindAndRecordAgree) {
  EXPECT_EQ(Refusal(ReferralExample(false), [](v1::Entry& e) { e.set_kind(v1::ENTRY_KIND_VISIT); }),
            "entry.kind: ENTRY_KIND_VISIT does not go with entry.referral (use ENTRY_KIND_REFERRAL)");
  EXPECT_EQ(Refusal(StrategyDiscussionExample(),
                    [](v1::Entry& e) { e.set_kind(v1::ENTRY_KIND_CUSTODY); }),
            "entry.kind: ENTRY_KIND_CUSTODY does not go with entry.strategy_discussion (use "
            "ENTRY_KIND_STRATEGY_DISCUSSION)");
}

TEST(SafeguardingValidationTest, StructuredKindsNeedTheirRecord) {
  for (auto [kind, message] :
       {std::pair{v1::ENTRY_KIND_STRATEGY_DISCUSSION,
                  "entry.strategy_discussion: is required for ENTRY_KIND_STRATEGY_DISCUSSION"},
        std::pair{v1::ENTRY_KIND_REFERRAL, "entry.referral: is required for ENTRY_KIND_REFERRAL"},
        std::pair{v1::ENTRY_KIND_MISSING_EPISODE,
                  "entry.missing_episode: is required for ENTRY_KIND_MISSING_EPISODE"},
        std::pair{v1::ENTRY_KIND_CUSTODY, "entry.custody: is required for ENTRY_KIND_CUSTODY"},
        std::pair{v1::ENTRY_KIND_ASSESSMENT,
                  "entry.assessment: is required for ENTRY_KIND_ASSESSMENT"}}) {
    v1::Entry entry;
    entry.set_kind(kind);
    entry.set_text("Plain text only");
    EXPECT_EQ(Refusal(entry), message);
  }
  v1::Entry visit;
  visit.set_kind(v1::ENTRY_KIND_ENQUIRY);
  visit.set_text("An enquiry that is not a Section 47 enquiry");
  EXPECT_EQ(Refusal(visit), "");
}

TEST(StrategyDiscussionValidationTest, EachRequiredPart) {
  using E = v1::Entry;
  const v1::Entry sd = StrategyDiscussionExample();
  EXPECT_EQ(Refusal(sd, [](E& e) { e.mutable_strategy_discussion()->clear_held_time(); }),
            "entry.strategy_discussion.held_time: is required");
  EXPECT_EQ(Refusal(sd, [](E& e) { e.mutable_strategy_discussion()->clear_format(); }),
            "entry.strategy_discussion.format: is required (meeting, phone or video)");
  EXPECT_EQ(Refusal(sd, [](E& e) { e.mutable_strategy_discussion()->clear_absent_agencies(); }),
            "entry.strategy_discussion.attendees: no attendee from health (AGENCY_HEALTH) and no "
            "reason recorded in absent_agencies");
  EXPECT_EQ(Refusal(sd, [](E& e) { e.mutable_strategy_discussion()->mutable_attendees()->RemoveLast(); }),
            "entry.strategy_discussion.attendees: no attendee from police (AGENCY_POLICE) and no "
            "reason recorded in absent_agencies");
  EXPECT_EQ(Refusal(sd, [](E& e) { e.mutable_strategy_discussion()->mutable_attendees(0)->clear_agency(); }),
            "entry.strategy_discussion.attendees[0].agency: is required (e.g. AGENCY_CSC)");
  EXPECT_EQ(Refusal(sd, [](E& e) { e.mutable_strategy_discussion()->mutable_attendees(1)->clear_name(); }),
            "entry.strategy_discussion.attendees[1].name: is required");
  EXPECT_EQ(Refusal(sd, [](E& e) { e.mutable_strategy_discussion()->mutable_absent_agencies(0)->clear_reason(); }),
            "entry.strategy_discussion.absent_agencies[0].reason: is required");
  EXPECT_EQ(Refusal(sd, [](E& e) { e.mutable_strategy_discussion()->clear_information_shared(); }),
            "entry.strategy_discussion.information_shared: is required");
  EXPECT_EQ(Refusal(sd, [](E& e) { e.mutable_strategy_discussion()->clear_decisions(); }),
            "entry.strategy_discussion.decisions: at least one decision is required");
  EXPECT_EQ(Refusal(sd, [](E& e) { e.mutable_strategy_discussion()->clear_section47_threshold(); }),
            "entry.strategy_discussion.section47_threshold: the decision whether the Section 47 "
            "threshold is met is required");
  EXPECT_EQ(Refusal(sd, [](E& e) { e.mutable_strategy_discussion()->mutable_actions(0)->clear_owner(); }),
            "entry.strategy_discussion.actions[0].owner: is required");
  EXPECT_EQ(Refusal(sd, [](E& e) { e.mutable_strategy_discussion()->mutable_actions(0)->clear_description(); }),
            "entry.strategy_discussion.actions[0].description: is required");
  EXPECT_EQ(Refusal(sd, [](E& e) { e.mutable_strategy_discussion()->mutable_actions(0)->clear_due(); }),
            "entry.strategy_discussion.actions[0].due: is required");
  EXPECT_EQ(Refusal(sd, [](E& e) {
              auto* due = e.mutable_strategy_discussion()->mutable_actions(0)->mutable_due();
              due->set_precision(v1::PartialTime::PRECISION_MONTH);
              due->set_day(0);
            }),
            "entry.strategy_discussion.actions[0].due: must be known to the day");
  EXPECT_EQ(Refusal(sd, [](E& e) { e.mutable_strategy_discussion()->clear_children(); }),
            "entry.strategy_discussion.children: name at least one child");
}

TEST(ReferralValidationTest, EachRequiredPart) {
  using E = v1::Entry;
  const v1::Entry r = ReferralExample(true);
  EXPECT_EQ(Refusal(r, [](E& e) { e.mutable_referral()->clear_to_agency(); }),
            "entry.referral.to_agency: is required (e.g. AGENCY_CSC)");
  EXPECT_EQ(Refusal(r, [](E& e) { e.mutable_referral()->clear_reason(); }),
            "entry.referral.reason: is required");
  EXPECT_EQ(Refusal(r, [](E& e) { e.mutable_referral()->clear_child_impacts(); }),
            "entry.referral.child_impacts: the impact on each child is required: name at least one child");
  EXPECT_EQ(Refusal(r, [](E& e) { e.mutable_referral()->mutable_child_impacts(0)->clear_impact(); }),
            "entry.referral.child_impacts[0].impact: is required");
  EXPECT_EQ(Refusal(r, [](E& e) { e.mutable_referral()->mutable_child_impacts(0)->clear_child(); }),
            "entry.referral.child_impacts[0].child: is required");
  EXPECT_EQ(Refusal(r, [](E& e) { e.mutable_referral()->clear_risk_grade(); }),
            "entry.referral.risk_grade: is required (standard, medium or high)");
}

TEST(ReferralFeedbackValidationTest, EachRequiredPart) {
  using E = v1::Entry;
  const v1::Entry f = ReferralFeedbackExample("cases/CF-1/entries/1");
  EXPECT_EQ(Refusal(f, [](E& e) { e.mutable_referral_feedback()->clear_referral(); }),
            "entry.referral_feedback.referral: is required (cases/{case}/entries/{n})");
  EXPECT_NE(Refusal(f, [](E& e) { e.mutable_referral_feedback()->set_referral("cases/CF-1"); }), "");
  EXPECT_EQ(Refusal(f, [](E& e) { e.mutable_referral_feedback()->clear_feedback(); }),
            "entry.referral_feedback.feedback: is required");
  EXPECT_EQ(Refusal(f, [](E& e) { e.mutable_referral_feedback()->clear_outcome(); }),
            "entry.referral_feedback.outcome: is required");
}

TEST(ChildRefValidationTest, PersonOrNameAndDateOfBirth) {
  using E = v1::Entry;
  const v1::Entry m = MissingEpisodeExample(3);
  EXPECT_EQ(Refusal(m, [](E& e) { e.mutable_missing_episode()->mutable_child()->clear_name(); }),
            "entry.missing_episode.child: needs person, or name and date_of_birth");
  EXPECT_EQ(Refusal(m, [](E& e) { e.mutable_missing_episode()->mutable_child()->clear_date_of_birth(); }),
            "entry.missing_episode.child.date_of_birth: is required");
  EXPECT_EQ(Refusal(m, [](E& e) {
              e.mutable_missing_episode()->mutable_child()->Clear();
              e.mutable_missing_episode()->mutable_child()->set_person("persons/P-000001");
            }),
            "");
  EXPECT_EQ(Refusal(m, [](E& e) { e.mutable_missing_episode()->mutable_child()->set_person("P-1"); }),
            "entry.missing_episode.child.person: must be persons/{person}");
}

TEST(MissingEpisodeValidationTest, EachRequiredPart) {
  using E = v1::Entry;
  const v1::Entry m = MissingEpisodeExample(3);
  EXPECT_EQ(Refusal(m, [](E& e) { e.mutable_missing_episode()->clear_child(); }),
            "entry.missing_episode.child: is required");
  EXPECT_EQ(Refusal(m, [](E& e) { e.mutable_missing_episode()->clear_missing_from(); }),
            "entry.missing_episode.missing_from: is required");
  EXPECT_EQ(Refusal(m, [](E& e) { e.mutable_missing_episode()->clear_reported_time(); }),
            "entry.missing_episode.reported_time: is required");
  EXPECT_EQ(Refusal(m, [](E& e) { e.mutable_missing_episode()->set_updates("entry 4"); }),
            "entry.missing_episode.updates: expected cases/{case}/entries/{number}");
}

TEST(CustodyValidationTest, EachRequiredPart) {
  using E = v1::Entry;
  const v1::Entry c = CustodyExample();
  EXPECT_EQ(Refusal(c, [](E& e) { e.mutable_custody()->clear_child(); }),
            "entry.custody.child: is required");
  EXPECT_EQ(Refusal(c, [](E& e) { e.mutable_custody()->clear_arrival_time(); }),
            "entry.custody.arrival_time: is required");
  EXPECT_EQ(Refusal(c, [](E& e) {
              auto* t = e.mutable_custody()->mutable_arrival_time();
              t->set_precision(v1::PartialTime::PRECISION_DAY);
              t->set_hour(0);
              t->set_minute(0);
            }),
            "entry.custody.arrival_time: must be known to the minute");
  EXPECT_EQ(Refusal(c, [](E& e) { e.mutable_custody()->clear_appropriate_adult_requested_time(); }),
            "entry.custody.appropriate_adult_requested_time: is required");
  EXPECT_EQ(Refusal(c, [](E& e) { e.mutable_custody()->set_charge("Robbery"); }),
            "entry.custody.decision: is required once charged (bail, detained, released or transferred)");
  EXPECT_EQ(Refusal(c, [](E& e) {
              e.mutable_custody()->set_charge("Robbery");
              e.mutable_custody()->set_decision(v1::Custody::DECISION_DETAINED);
            }),
            "entry.custody.accommodated_at: is required");
}

TEST(OtherRecordsValidationTest, EachRequiredPart) {
  using E = v1::Entry;
  EXPECT_EQ(Refusal(Section47EnquiryExample(), [](E& e) { e.mutable_section47_enquiry()->clear_started_time(); }),
            "entry.section47_enquiry.started_time: is required");
  EXPECT_EQ(Refusal(Section47EnquiryExample(), [](E& e) { e.mutable_section47_enquiry()->clear_children(); }),
            "entry.section47_enquiry.children: name at least one child");
  EXPECT_EQ(Refusal(AssessmentExample(3), [](E& e) { e.mutable_assessment()->clear_summary(); }),
            "entry.assessment.summary: is required");
  EXPECT_EQ(Refusal(AssessmentExample(3), [](E& e) { e.mutable_assessment()->clear_assessed_time(); }),
            "entry.assessment.assessed_time: is required");
  const v1::Entry done = ActionCompletedExample("cases/CF-1/entries/2", 1);
  EXPECT_EQ(Refusal(done, [](E& e) { e.mutable_action_completed()->set_action(0); }),
            "entry.action_completed.action: is required: the action's 1-based position");
  EXPECT_EQ(Refusal(done, [](E& e) { e.mutable_action_completed()->clear_strategy_discussion(); }),
            "entry.action_completed.strategy_discussion: is required (cases/{case}/entries/{n})");
  EXPECT_EQ(Refusal(done, [](E& e) { e.mutable_action_completed()->clear_outcome(); }),
            "entry.action_completed.outcome: is required");
}

}  // namespace
}  // namespace casefile
