// The referral feedback form: CSC's feedback and outcome on a referral of
// this case (by its entry number), and when it came.
#include "casefile/v1/safeguarding.pb.h"
#include "web/record_forms/record_forms.h"

namespace casefile::web {
namespace {

void Fill(RecordReader& in, v1::Entry& entry) {
  v1::ReferralFeedback& f = *entry.mutable_referral_feedback();
  f.set_referral(in.EntryName("referral"));
  *f.mutable_received_time() = in.Date("received_time");
  f.set_outcome(in.Line("outcome"));
  f.set_feedback(in.Text("feedback"));
}

}  // namespace

const RecordForm& ReferralFeedbackForm() {
  static const auto* const form = new RecordForm{
      .kind = "referral-feedback",
      .title = "Referral feedback",
      .record = "referral_feedback",
      .entry_kind = v1::ENTRY_KIND_REFERRAL,
      .when_field = "received_time",
      .parts = {SingleFields(
          {{"referral",
            "Referral entry number",
            FieldType::kEntryNumber,
            "The number of the referral in this chronology, like 12",
            {}},
           {"received_time",
            "When was the feedback received? (optional)",
            FieldType::kDate,
            "The day, like 15 11 2012; left blank, the time you write it.",
            {}},
           {"outcome", "Outcome", FieldType::kLine, "Section 47 enquiry, no further action, early help ...", {}},
           {"feedback", "Feedback", FieldType::kText, "", {}}})},
      .fill = &Fill};
  return *form;
}

}  // namespace casefile::web
