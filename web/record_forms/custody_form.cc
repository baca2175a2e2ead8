// The custody form: the child, arrival and the appropriate adult (to the
// minute), the charge and what was decided, where the child was kept.
#include "casefile/v1/safeguarding.pb.h"
#include "web/record_forms/record_forms.h"

namespace casefile::web {
namespace {

using v1::Custody;

void Fill(RecordReader& in, v1::Entry& entry) {
  Custody& c = *entry.mutable_custody();
  *c.mutable_child() = in.Child("child");
  *c.mutable_arrival_time() = in.Date("arrival_time");
  *c.mutable_appropriate_adult_requested_time() = in.Date("appropriate_adult_requested_time");
  *c.mutable_appropriate_adult_arrived_time() = in.Date("appropriate_adult_arrived_time");
  c.set_charge(in.Line("charge"));
  c.set_decision(ChosenEnum(in.Choice("decision"), &Custody::Decision_Parse));
  c.set_accommodated_at(in.Line("accommodated_at"));
  c.set_updates(in.EntryName("updates"));
}

}  // namespace

const RecordForm& CustodyForm() {
  static const auto* const form = new RecordForm{
      .kind = "custody",
      .title = "Custody",
      .record = "custody",
      .entry_kind = v1::ENTRY_KIND_CUSTODY,
      .when_field = "arrival_time",
      .parts = {SingleFields({ChildField("child", "The child"),
                              {"arrival_time",
                               "When did the child arrive in custody?",
                               FieldType::kDateTime,
                               "The day and the time, like 12 11 2012 and 21:40.",
                               {}},
                              {"appropriate_adult_requested_time",
                               "When was an appropriate adult asked for?",
                               FieldType::kDateTime,
                               "The day and the time.",
                               {}},
                              {"appropriate_adult_arrived_time",
                               "When did the appropriate adult arrive? (optional)",
                               FieldType::kDateTime,
                               "The day and the time.",
                               {}},
                              {"charge", "Charge (optional)", FieldType::kLine, "Empty while not charged.", {}},
                              {"decision",
                               "Decision after charge",
                               FieldType::kChoice,
                               "",
                               {{"", "Not charged, or not decided yet"},
                                {"DECISION_BAIL", "Bail"},
                                {"DECISION_DETAINED", "Detained"},
                                {"DECISION_RELEASED", "Released"},
                                {"DECISION_TRANSFERRED_TO_LOCAL_AUTHORITY", "Transferred to the local authority"}}},
                              {"accommodated_at", "Where the child is kept (when detained)", FieldType::kLine, "", {}},
                              UpdatesField("custody")})},
      .fill = &Fill};
  return *form;
}

}  // namespace casefile::web
