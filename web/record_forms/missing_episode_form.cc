// The missing episode form: the child, where from and when reported, and
// (now or in a later record that brings this one up to date) the return.
#include "casefile/v1/safeguarding.pb.h"
#include "web/record_forms/record_forms.h"

namespace casefile::web {
namespace {

void Fill(RecordReader& in, v1::Entry& entry) {
  v1::MissingEpisode& m = *entry.mutable_missing_episode();
  *m.mutable_child() = in.Child("child");
  m.set_missing_from(in.Line("missing_from"));
  *m.mutable_reported_time() = in.Date("reported_time");
  *m.mutable_returned_time() = in.Date("returned_time");
  m.set_found_where(in.Line("found_where"));
  *m.mutable_return_interview_time() = in.Date("return_interview_time");
  m.set_updates(in.EntryName("updates"));
}

}  // namespace

const RecordForm& MissingEpisodeForm() {
  static const auto* const form = new RecordForm{
      .kind = "missing-episode",
      .title = "Missing episode",
      .record = "missing_episode",
      .entry_kind = v1::ENTRY_KIND_MISSING_EPISODE,
      .when_field = "reported_time",
      .parts = {SingleFields(
          {ChildField("child", "The child"),
           {"missing_from", "Missing from", FieldType::kLine, "Home, a care home, school ...", {}},
           {"reported_time",
            "When was the child reported missing?",
            FieldType::kDateTime,
            "The day at least, like 12 11 2012, and the time if you know it.",
            {}},
           {"returned_time", "When did the child return or was found? (optional)", FieldType::kDateTime, "", {}},
           {"found_where", "Where found or returned to (optional)", FieldType::kLine, "", {}},
           {"return_interview_time", "Return interview (optional)", FieldType::kDate, "", {}},
           UpdatesField("episode")})},
      .fill = &Fill};
  return *form;
}

}  // namespace casefile::web
