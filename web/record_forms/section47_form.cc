// The Section 47 enquiry form: when it began and the children it is about.
#include "casefile/v1/safeguarding.pb.h"
#include "web/record_forms/record_forms.h"

namespace casefile::web {
namespace {

void Fill(RecordReader& in, v1::Entry& entry) {
  v1::Section47Enquiry& e = *entry.mutable_section47_enquiry();
  *e.mutable_started_time() = in.Date("started_time");
  for (const std::string& row : in.Rows("children")) *e.add_children() = in.Child(row);
}

}  // namespace

const RecordForm& Section47Form() {
  static const auto* const form = new RecordForm{
      .kind = "section-47",
      .title = "Section 47 enquiry",
      .record = "section47_enquiry",
      .entry_kind = v1::ENTRY_KIND_ENQUIRY,
      .when_field = "started_time",
      .parts =
          {SingleFields(
               {{"started_time", "When did the enquiry start?", FieldType::kDate, "The day, like 12 11 2012.", {}}}),
           ChildrenPart("The children it is about")},
      .fill = &Fill};
  return *form;
}

}  // namespace casefile::web
