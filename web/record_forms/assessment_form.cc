// The assessment form: the child, when they were assessed, and what kind of
// assessment it was with its outcome.
#include "casefile/v1/safeguarding.pb.h"
#include "web/record_forms/record_forms.h"

namespace casefile::web {
namespace {

void Fill(RecordReader& in, v1::Entry& entry) {
  v1::ChildAssessment& a = *entry.mutable_assessment();
  *a.mutable_child() = in.Child("child");
  *a.mutable_assessed_time() = in.Date("assessed_time");
  a.set_summary(in.Text("summary"));
}

}  // namespace

const RecordForm& AssessmentForm() {
  static const auto* const form = new RecordForm{
      .kind = "assessment",
      .title = "Assessment",
      .record = "assessment",
      .entry_kind = v1::ENTRY_KIND_ASSESSMENT,
      .when_field = "assessed_time",
      .parts = {SingleFields(
          {ChildField("child", "The child"),
           {"assessed_time", "When was the child assessed?", FieldType::kDate, "The day, like 12 11 2012.", {}},
           {"summary", "What kind of assessment, and its outcome", FieldType::kText, "", {}}})},
      .fill = &Fill};
  return *form;
}

}  // namespace casefile::web
