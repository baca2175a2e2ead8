// The strategy discussion form: when and how it was held, who took part (or
// why a minimum agency did not), what was shared and decided, the Section 47
// threshold, the actions with their owners and due dates, the children.
#include "casefile/v1/safeguarding.pb.h"
#include "web/record_forms/record_forms.h"

namespace casefile::web {
namespace {

using v1::StrategyDiscussion;

void Fill(RecordReader& in, v1::Entry& entry) {
  StrategyDiscussion& sd = *entry.mutable_strategy_discussion();
  *sd.mutable_held_time() = in.Date("held_time");
  sd.set_format(ChosenEnum(in.Choice("format"), &StrategyDiscussion::Format_Parse));
  for (const std::string& row : in.Rows("attendees")) {
    v1::Attendee& a = *sd.add_attendees();
    a.set_name(in.Line(row + "-name"));
    a.set_agency(ChosenEnum(in.Choice(row + "-agency"), &v1::Agency_Parse));
    a.set_role(in.Line(row + "-role"));
  }
  for (const std::string& row : in.Rows("absent_agencies")) {
    v1::AgencyAbsence& a = *sd.add_absent_agencies();
    a.set_agency(ChosenEnum(in.Choice(row + "-agency"), &v1::Agency_Parse));
    a.set_reason(in.Text(row + "-reason"));
  }
  sd.set_information_shared(in.Text("information_shared"));
  for (const std::string& row : in.Rows("decisions")) sd.add_decisions(in.Text(row + "-text"));
  sd.set_section47_threshold(
      ChosenEnum(in.Choice("section47_threshold"), &StrategyDiscussion::Section47Threshold_Parse));
  for (const std::string& row : in.Rows("actions")) {
    v1::SafeguardingAction& a = *sd.add_actions();
    a.set_owner(in.Line(row + "-owner"));
    a.set_description(in.Text(row + "-description"));
    *a.mutable_due() = in.Date(row + "-due");
  }
  for (const std::string& row : in.Rows("children")) *sd.add_children() = in.Child(row);
}

}  // namespace

const RecordForm& StrategyDiscussionForm() {
  static const auto* const form = new RecordForm{
      .kind = "strategy-discussion",
      .title = "Strategy discussion",
      .record = "strategy_discussion",
      .entry_kind = v1::ENTRY_KIND_STRATEGY_DISCUSSION,
      .when_field = "held_time",
      .parts = {SingleFields({{"held_time",
                               "When was it held?",
                               FieldType::kDateTime,
                               "The day at least, like 12 11 2012, and the time if you know it.",
                               {}},
                              {"format",
                               "How was it held?",
                               FieldType::kChoice,
                               "",
                               {{"FORMAT_MEETING", "Meeting"}, {"FORMAT_PHONE", "Phone"}, {"FORMAT_VIDEO", "Video"}}}}),
                {.group = "attendees",
                 .row_label = "Attendee",
                 .add_label = "Add another attendee",
                 .heading = "Who took part",
                 .hint = "Children's social care, police and health at least, or say below why one did not take part.",
                 .blank_rows = 3,
                 .fields = {{"name", "Name", FieldType::kLine, "", {}},
                            {"agency", "Agency", FieldType::kChoice, "", AgencyChoices()},
                            {"role", "Role (optional)", FieldType::kLine, "", {}}}},
                {.group = "absent_agencies",
                 .row_label = "Agency absent",
                 .add_label = "Add another agency absent",
                 .heading = "Agencies that did not take part (optional)",
                 .hint = "",
                 .blank_rows = 1,
                 .fields = {{"agency", "Agency", FieldType::kChoice, "", AgencyChoices()},
                            {"reason", "Why it did not take part", FieldType::kText, "", {}}}},
                SingleFields({{"information_shared", "Information shared", FieldType::kText, "", {}}}),
                {.group = "decisions",
                 .row_label = "Decision",
                 .add_label = "Add another decision",
                 .heading = "Decisions",
                 .hint = "",
                 .blank_rows = 3,
                 .fields = {{"text", "What was decided", FieldType::kText, "", {}}}},
                SingleFields({{"section47_threshold",
                               "Is the Section 47 threshold met?",
                               FieldType::kChoice,
                               "",
                               {{"SECTION47_THRESHOLD_MET", "Met"}, {"SECTION47_THRESHOLD_NOT_MET", "Not met"}}}}),
                {.group = "actions",
                 .row_label = "Action",
                 .add_label = "Add another action",
                 .heading = "Actions (optional)",
                 .hint = "",
                 .blank_rows = 3,
                 .fields = {{"owner", "Who will do it", FieldType::kLine, "", {}},
                            {"description", "What", FieldType::kText, "", {}},
                            {"due", "Due by", FieldType::kDate, "The day, like 19 11 2012.", {}}}},
                ChildrenPart("The children discussed")},
      .fill = &Fill};
  return *form;
}

}  // namespace casefile::web
