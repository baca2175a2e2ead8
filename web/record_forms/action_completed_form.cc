// The "action completed" form: which action of which strategy discussion (by
// their numbers), and what was done.
#include "absl/strings/numbers.h"
#include "casefile/v1/safeguarding.pb.h"
#include "web/record_forms/record_forms.h"

namespace casefile::web {
namespace {

void Fill(RecordReader& in, v1::Entry& entry) {
  v1::ActionCompleted& a = *entry.mutable_action_completed();
  a.set_strategy_discussion(in.EntryName("strategy_discussion"));
  const std::string action = in.Line("action");
  int32_t n = 0;
  if (!action.empty() && (!absl::SimpleAtoi(action, &n) || n < 1)) {
    in.errors().push_back({"action", "Enter the action's number, like 2 for the second action"});
  }
  a.set_action(n);
  a.set_outcome(in.Line("outcome"));
}

}  // namespace

const RecordForm& ActionCompletedForm() {
  static const auto* const form =
      new RecordForm{.kind = "action-completed",
                     .title = "Action completed",
                     .record = "action_completed",
                     .entry_kind = v1::ENTRY_KIND_NOTE,
                     .when_field = "",
                     .parts = {SingleFields({{"strategy_discussion",
                                              "Strategy discussion entry number",
                                              FieldType::kEntryNumber,
                                              "The number of the strategy discussion in this chronology, like 12",
                                              {}},
                                             {"action",
                                              "Action number",
                                              FieldType::kLine,
                                              "Its place among that discussion's actions: 1 for the first",
                                              {}},
                                             {"outcome", "What was done", FieldType::kLine, "", {}}})},
                     .fill = &Fill};
  return *form;
}

}  // namespace casefile::web
