#include "core/chronology/case_state.h"

#include "absl/strings/str_cat.h"

namespace casefile {
namespace {

v1::Entry StateEntry(v1::Case& c, v1::CaseState state, absl::string_view text) {
  v1::Entry entry;
  entry.set_kind(v1::ENTRY_KIND_CASE_STATE);
  v1::CaseStateChange& change = *entry.mutable_state_change();
  change.set_state(state);
  change.set_previous_state(c.state() == v1::CASE_STATE_UNSPECIFIED ? v1::CASE_STATE_OPEN : c.state());
  entry.set_text(std::string(text));
  c.set_state(state);
  return entry;
}

}  // namespace

bool IsClosed(const v1::Case& c) { return c.state() == v1::CASE_STATE_CLOSED; }

absl::string_view CaseStateWord(v1::CaseState state) {
  switch (state) {
    case v1::CASE_STATE_CLOSED: return "closed";
    case v1::CASE_STATE_REOPENED: return "reopened";
    default: return "open";
  }
}

absl::StatusOr<v1::Entry> CloseWith(v1::Case& c, absl::string_view reason) {
  if (IsClosed(c)) return absl::FailedPreconditionError(absl::StrCat(c.name(), " is already closed"));
  if (c.closure_approval().empty())
    return absl::FailedPreconditionError(absl::StrCat(
        c.name(), " cannot be closed without an approved closure: ask a supervisor of team ",
        c.team().empty() ? "(none)" : c.team(), " (RequestApproval with subject \"closure\") first"));
  const std::string approval = c.closure_approval();
  c.clear_closure_approval();
  v1::Entry entry = StateEntry(c, v1::CASE_STATE_CLOSED,
                               absl::StrCat("Case closed (closure approved in ", approval, ").\n\n", reason));
  entry.mutable_state_change()->set_approval(approval);
  return entry;
}

absl::StatusOr<v1::Entry> ReopenWith(v1::Case& c, absl::string_view reason) {
  if (!IsClosed(c))
    return absl::FailedPreconditionError(absl::StrCat(c.name(), " is not closed (it is ",
                                                      CaseStateWord(c.state()), "): nothing to reopen"));
  return StateEntry(c, v1::CASE_STATE_REOPENED, absl::StrCat("Case reopened.\n\n", reason));
}

}  // namespace casefile
