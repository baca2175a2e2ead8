// The DASH risk assessment's completeness rules (core/safeguarding): every
// one of the 27 questions answered, "not known" counting as answered, a
// grade, a day; a review with its day and agreed grade.
#include <functional>
#include <string>

#include "core/chronology/validation.h"
#include "core/safeguarding/dash_questions.h"
#include "core/safeguarding/measure_index.h"
#include "gtest/gtest.h"
#include "tests/support/safeguarding_examples.h"

namespace casefile {
namespace {

using testing::DashExample;
using testing::DashReviewExample;

std::string Refusal(v1::Entry entry, const std::function<void(v1::Entry&)>& breaking = {}) {
  if (breaking) breaking(entry);
  absl::Status s = ValidateNewEntry(entry, "entry");
  if (s.ok()) return "";
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument) << s;
  return std::string(s.message());
}

TEST(DashQuestionsTest, TheChecklistHasTwentySevenQuestionsWithDistinctIds) {
  ASSERT_EQ(DashQuestions().size(), 27u);
  for (size_t i = 0; i < DashQuestions().size(); ++i) {
    for (size_t j = i + 1; j < DashQuestions().size(); ++j)
      EXPECT_STRNE(DashQuestions()[i].id, DashQuestions()[j].id);
  }
  EXPECT_STREQ(DashQuestions()[0].id, "injury");
  EXPECT_STREQ(DashQuestions()[0].text, "Has the current incident resulted in injury?");
  EXPECT_STREQ(DashQuestions()[26].id, "criminal_history");
}

TEST(DashValidationTest, TheExamplesAreComplete) {
  EXPECT_EQ(Refusal(DashExample()), "");
  EXPECT_EQ(Refusal(DashReviewExample("cases/CF-1/entries/1")), "");
}

TEST(DashValidationTest, NotKnownCountsAsAnsweredAndIsCounted) {
  const v1::Entry entry = DashExample(3);
  EXPECT_EQ(Refusal(entry), "");
  EXPECT_EQ(DashNotKnownCount(entry.dash_risk_assessment()), 3);
  EXPECT_EQ(DashNotKnownCount(DashExample().dash_risk_assessment()), 0);
}

TEST(DashValidationTest, EveryQuestionMustBeAnswered) {
  EXPECT_EQ(Refusal(DashExample(), [](v1::Entry& e) { e.mutable_dash_risk_assessment()->mutable_answers()->erase("weapons"); }),
            "entry.dash_risk_assessment.answers.weapons: is not answered");
  EXPECT_EQ(Refusal(DashExample(),
                    [](v1::Entry& e) {
                      auto& a = *e.mutable_dash_risk_assessment()->mutable_answers();
                      a.erase("breach");
                      a["injury"] = v1::DASH_ANSWER_UNSPECIFIED;
                    }),
            "entry.dash_risk_assessment.answers.injury: is not answered (2 questions are not: injury, breach)");
  EXPECT_EQ(Refusal(DashExample(), [](v1::Entry& e) { (*e.mutable_dash_risk_assessment()->mutable_answers())["weapon"] = v1::DASH_ANSWER_NO; }),
            "entry.dash_risk_assessment.answers: names a question the checklist does not have");
  EXPECT_EQ(Refusal(DashExample(), [](v1::Entry& e) { (*e.mutable_dash_risk_assessment()->mutable_answers())["animals"] = static_cast<v1::DashAnswer>(9); }),
            "entry.dash_risk_assessment.answers.animals: unknown answer");
}

TEST(DashValidationTest, GradeDayAndOfficerAreChecked) {
  EXPECT_EQ(Refusal(DashExample(), [](v1::Entry& e) { e.mutable_dash_risk_assessment()->clear_grade(); }),
            "entry.dash_risk_assessment.grade: is required (standard, medium or high)");
  EXPECT_EQ(Refusal(DashExample(), [](v1::Entry& e) { e.mutable_dash_risk_assessment()->clear_assessed_time(); }),
            "entry.dash_risk_assessment.assessed_time: is required");
  EXPECT_EQ(Refusal(DashExample(), [](v1::Entry& e) { e.mutable_dash_risk_assessment()->set_officer("dc 4471"); }),
            "entry.dash_risk_assessment.officer: must be a user id (letters, digits, '-', '_', '.', '@')");
  EXPECT_EQ(Refusal(DashExample(), [](v1::Entry& e) { e.set_kind(v1::ENTRY_KIND_ASSESSMENT); }),
            "entry.kind: ENTRY_KIND_ASSESSMENT does not go with entry.dash_risk_assessment (use "
            "ENTRY_KIND_RISK_ASSESSMENT)");
  EXPECT_EQ(Refusal(DashExample(), [](v1::Entry& e) { e.clear_dash_risk_assessment(); }),
            "entry.dash_risk_assessment: is required for ENTRY_KIND_RISK_ASSESSMENT");
}

TEST(DashValidationTest, AReviewNeedsItsReviewerDayAndGrade) {
  auto with_review = [](v1::Entry& e) {
    v1::DashReview& r = *e.mutable_dash_risk_assessment()->mutable_review();
    r.set_reviewer("ds1020");
    r.mutable_reviewed_time()->set_precision(v1::PartialTime::PRECISION_DAY);
    r.mutable_reviewed_time()->set_year(2026);
    r.mutable_reviewed_time()->set_month(11);
    r.mutable_reviewed_time()->set_day(14);
    r.set_agreed_grade(v1::RISK_GRADE_MEDIUM);
  };
  EXPECT_EQ(Refusal(DashExample(), with_review), "");
  EXPECT_EQ(Refusal(DashExample(),
                    [&](v1::Entry& e) {
                      with_review(e);
                      e.mutable_dash_risk_assessment()->mutable_review()->clear_reviewer();
                    }),
            "entry.dash_risk_assessment.review.reviewer: must be a user id (letters, digits, '-', '_', '.', '@')");
  EXPECT_EQ(Refusal(DashReviewExample("cases/CF-1/entries/1"),
                    [](v1::Entry& e) { e.mutable_dash_review()->mutable_review()->clear_agreed_grade(); }),
            "entry.dash_review.review.agreed_grade: is required (standard, medium or high)");
  EXPECT_EQ(Refusal(DashReviewExample(""), {}), "entry.dash_review.assessment: is required (cases/{case}/entries/{n})");
  EXPECT_EQ(Refusal(DashReviewExample("cases/CF-1/entries/1"), [](v1::Entry& e) { e.mutable_dash_review()->clear_review(); }),
            "entry.dash_review.review: is required");
}

TEST(DashValidationTest, TheServiceFillsTheOfficerAndTheReviewer) {
  v1::Entry dash = DashExample();
  FillRecordAuthors(dash, "dc4471");
  EXPECT_EQ(dash.dash_risk_assessment().officer(), "dc4471");
  dash.mutable_dash_risk_assessment()->set_officer("pc99");
  FillRecordAuthors(dash, "dc4471");
  EXPECT_EQ(dash.dash_risk_assessment().officer(), "pc99");
  v1::Entry review = DashReviewExample("cases/CF-1/entries/1");
  review.mutable_dash_review()->mutable_review()->set_reviewer("someone-else");
  FillRecordAuthors(review, "ds1020");
  EXPECT_EQ(review.dash_review().review().reviewer(), "ds1020");
}

}  // namespace
}  // namespace casefile
