#include "web/record_forms/record_forms.h"

#include "absl/strings/str_cat.h"

namespace casefile::web {

const std::vector<const RecordForm*>& RecordForms() {
  static const auto* const forms = new std::vector<const RecordForm*>{
      &StrategyDiscussionForm(), &ReferralForm(), &ReferralFeedbackForm(), &Section47Form(),
      &MissingEpisodeForm(),     &CustodyForm(),  &AssessmentForm(),       &ActionCompletedForm(),
      &DashForm(),               &DashReviewForm()};
  return *forms;
}

const RecordForm* FindRecordForm(const std::string& kind) {
  for (const RecordForm* form : RecordForms()) {
    if (form->kind == kind) return form;
  }
  return nullptr;
}

const std::vector<Choice>& AgencyChoices() {
  static const auto* const choices = new std::vector<Choice>{
      {"AGENCY_CSC", "Children's social care"}, {"AGENCY_POLICE", "Police"},
      {"AGENCY_HEALTH", "Health"},              {"AGENCY_EDUCATION", "Education"},
      {"AGENCY_PROBATION", "Probation"},        {"AGENCY_OTHER", "Other"}};
  return *choices;
}

FormField ChildField(const std::string& name, const std::string& label) {
  return {name, label, FieldType::kChild, "As written, like Ellie WATSON", {}};
}

FormPart ChildrenPart(const std::string& heading) {
  FormPart part;
  part.group = "children";
  part.row_label = "Child";
  part.add_label = "Add another child";
  part.heading = heading;
  part.blank_rows = 2;
  part.fields = {{"name", "Name", FieldType::kLine, "", {}}, {"date_of_birth", "Date of birth", FieldType::kDate,
                                                              "For example, 3 4 2008; or a month and year, or a year.", {}}};
  return part;
}

FormField UpdatesField(const std::string& what) {
  return {"updates", "Brings up to date entry number (optional)", FieldType::kEntryNumber,
          absl::StrCat("The number of an earlier record of this same ", what, ", like 12"), {}};
}

}  // namespace casefile::web
