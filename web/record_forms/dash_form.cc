// The DASH risk assessment form: when it was completed, the 27 questions of
// the checklist (yes, no, not known), the officer's grade, and the
// supervisor's review when it is given with the assessment.
#include "casefile/v1/safeguarding.pb.h"
#include "core/safeguarding/dash_questions.h"
#include "web/record_forms/record_forms.h"

namespace casefile::web {
namespace {

void Fill(RecordReader& in, v1::Entry& entry) {
  v1::DashRiskAssessment& d = *entry.mutable_dash_risk_assessment();
  *d.mutable_assessed_time() = in.Date("assessed_time");
  for (const DashQuestion& q : DashQuestions()) {
    const v1::DashAnswer answer = ChosenEnum(in.Choice(std::string("answers-") + q.id), &v1::DashAnswer_Parse);
    if (answer != v1::DASH_ANSWER_UNSPECIFIED) (*d.mutable_answers())[q.id] = answer;
  }
  d.set_grade(ChosenEnum(in.Choice("grade"), &v1::RiskGrade_Parse));
  d.set_officer(in.Line("officer"));
  FillDashReview(in, *d.mutable_review());  // left empty, it is not sent
}

std::vector<FormField> Questions() {
  std::vector<FormField> fields;
  for (const DashQuestion& q : DashQuestions()) {
    fields.push_back({std::string("answers-") + q.id, q.text, FieldType::kChoice, "",
                      {{"DASH_ANSWER_YES", "Yes"}, {"DASH_ANSWER_NO", "No"}, {"DASH_ANSWER_NOT_KNOWN", "Not known"}}});
  }
  return fields;
}

}  // namespace

const RecordForm& DashForm() {
  static const auto* const form = new RecordForm{
      .kind = "dash",
      .title = "DASH risk assessment",
      .record = "dash_risk_assessment",
      .entry_kind = v1::ENTRY_KIND_RISK_ASSESSMENT,
      .when_field = "assessed_time",
      .parts = {SingleFields({{"assessed_time", "When was it completed?", FieldType::kDate,
                               "The day, like 12 11 2012.", {}}}),
                SingleFields(Questions()),
                SingleFields({{"grade", "Your grade of the risk", FieldType::kChoice, "", RiskGradeChoices()},
                              {"officer", "Officer (optional)", FieldType::kLine,
                               "The user id of the officer who completed it; left blank, yours.", {}}}),
                DashReviewPart(true)},
      .fill = &Fill};
  return *form;
}

}  // namespace casefile::web
