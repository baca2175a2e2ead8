// The form of a supervisor's review of an earlier DASH risk assessment, and
// the review's fields that the assessment's own form shares.
#include "casefile/v1/safeguarding.pb.h"
#include "web/record_forms/record_forms.h"

namespace casefile::web {
namespace {

void Fill(RecordReader& in, v1::Entry& entry) {
  v1::DashReviewRecord& r = *entry.mutable_dash_review();
  r.set_assessment(in.EntryName("assessment"));
  FillDashReview(in, *r.mutable_review());
}

}  // namespace

const std::vector<Choice>& RiskGradeChoices() {
  static const auto* const choices = new std::vector<Choice>{
      {"RISK_GRADE_STANDARD", "Standard"}, {"RISK_GRADE_MEDIUM", "Medium"}, {"RISK_GRADE_HIGH", "High"}};
  return *choices;
}

FormPart DashReviewPart(bool with_reviewer) {
  std::vector<FormField> fields;
  const std::string optional = with_reviewer ? " (optional)" : "";
  if (with_reviewer) {
    fields.push_back({"review-reviewer", "Supervisor's review: reviewer (optional)", FieldType::kLine,
                      "The supervisor's user id, when they reviewed it with you.", {}});
  }
  fields.push_back({"review-reviewed_time", "When was it reviewed?" + optional, FieldType::kDate,
                    "The day, like 12 11 2012.", {}});
  fields.push_back({"review-agreed_grade", "Grade the supervisor agrees" + optional, FieldType::kChoice, "",
                    RiskGradeChoices()});
  fields.push_back({"review-comment", "Supervisor's comment (optional)", FieldType::kText, "", {}});
  return SingleFields(std::move(fields));
}

void FillDashReview(RecordReader& in, v1::DashReview& review) {
  review.set_reviewer(in.Line("review-reviewer"));
  *review.mutable_reviewed_time() = in.Date("review-reviewed_time");
  review.set_agreed_grade(ChosenEnum(in.Choice("review-agreed_grade"), &v1::RiskGrade_Parse));
  review.set_comment(in.Text("review-comment"));
}

const RecordForm& DashReviewForm() {
  static const auto* const form = new RecordForm{
      .kind = "dash-review",
      .title = "Review of a DASH risk assessment",
      .record = "dash_review",
      .entry_kind = v1::ENTRY_KIND_RISK_ASSESSMENT,
      .when_field = "review-reviewed_time",
      .parts = {SingleFields({{"assessment", "Which assessment? Its entry number", FieldType::kEntryNumber,
                               "The number of the DASH risk assessment's entry, like 12.", {}}}),
                DashReviewPart(false)},
      .fill = &Fill};
  return *form;
}

}  // namespace casefile::web
