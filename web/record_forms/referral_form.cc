// The referral form: to which agency, when and why, each child named with the
// impact on them, the risk grade, and whether significant harm is suspected.
#include "casefile/v1/safeguarding.pb.h"
#include "web/record_forms/record_forms.h"

namespace casefile::web {
namespace {

void Fill(RecordReader& in, v1::Entry& entry) {
  v1::Referral& r = *entry.mutable_referral();
  r.set_to_agency(ChosenEnum(in.Choice("to_agency"), &v1::Agency_Parse));
  *r.mutable_referred_time() = in.Date("referred_time");
  r.set_reason(in.Text("reason"));
  for (const std::string& row : in.Rows("child_impacts")) {
    v1::ChildImpact& c = *r.add_child_impacts();
    *c.mutable_child() = in.Child(row + "-child");
    c.set_impact(in.Text(row + "-impact"));
  }
  r.set_risk_grade(ChosenEnum(in.Choice("risk_grade"), &v1::RiskGrade_Parse));
  r.set_significant_harm_suspected(in.Checked("significant_harm_suspected"));
  r.set_domestic_abuse(in.Checked("domestic_abuse"));
}

}  // namespace

const RecordForm& ReferralForm() {
  static const auto* const form = new RecordForm{
      .kind = "referral",
      .title = "Referral",
      .record = "referral",
      .entry_kind = v1::ENTRY_KIND_REFERRAL,
      .when_field = "referred_time",
      .parts = {SingleFields({{"to_agency", "Referred to", FieldType::kChoice, "", AgencyChoices()},
                              {"referred_time",
                               "When was it made? (optional)",
                               FieldType::kDateTime,
                               "For example, 12 11 2012 and 09:15; left blank, the time you write it.",
                               {}},
                              {"reason", "Why was it made?", FieldType::kText, "", {}}}),
                {.group = "child_impacts",
                 .row_label = "Child",
                 .add_label = "Add another child",
                 .heading = "The children, and the impact on each",
                 .hint = "",
                 .blank_rows = 2,
                 .fields = {ChildField("child", "Who"), {"impact", "Impact on this child", FieldType::kText, "", {}}}},
                SingleFields({{"risk_grade",
                               "Risk (DASH)",
                               FieldType::kChoice,
                               "",
                               RiskGradeChoices()},
                              {"significant_harm_suspected",
                               "Significant harm is suspected (the specialist team is told at once)",
                               FieldType::kCheck,
                               "",
                               {}},
                              {"domestic_abuse", "It is about domestic abuse", FieldType::kCheck, "", {}}})},
      .fill = &Fill};
  return *form;
}

}  // namespace casefile::web
