#include "core/chronology/approvals.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "core/access/supervision.h"
#include "core/chronology/case_state.h"
#include "google/protobuf/util/time_util.h"
#include "storage/attention_tables.h"
#include "storage/case_tables.h"

namespace casefile {
namespace {

using TimeUtil = google::protobuf::util::TimeUtil;

constexpr int kApprovalList = v1::ATTENTION_LIST_APPROVALS_WAITING;

// What may be approved, by the record an entry carries: "strategy
// discussion", or "" for an entry that is not approved.
absl::string_view ApprovedRecord(const v1::Entry& entry) {
  switch (entry.record_case()) {
    case v1::Entry::kStrategyDiscussion: return "strategy discussion";
    case v1::Entry::kReferral: return "referral";
    case v1::Entry::kSection47Enquiry: return "Section 47 enquiry";
    default: return "";
  }
}

// "the closure of the case" or "entry #5 (strategy discussion)".
absl::StatusOr<std::string> DescribeSubject(const storage::LmdbTxn& txn, absl::string_view case_id,
                                            absl::string_view subject) {
  if (subject == kClosureSubject) return std::string("the closure of the case");
  auto name = ParseEntryName(subject, "subject");
  if (!name.ok()) return name.status();
  auto entry = storage::LoadEntry(txn, case_id, name->number);
  if (!entry.ok()) return entry.status();
  if (!entry->has_value())
    return absl::FailedPreconditionError(absl::StrCat("subject: ", subject, " does not exist"));
  const absl::string_view record = ApprovedRecord(**entry);
  if (record.empty())
    return absl::FailedPreconditionError(absl::StrCat(
        "subject: ", subject,
        " is not a strategy discussion, referral or Section 47 enquiry; only those (and closure) are approved"));
  if (!(*entry)->superseded_by().empty())
    return absl::FailedPreconditionError(absl::StrCat("subject: ", subject, " was corrected by ",
                                                      (*entry)->superseded_by(), "; ask approval of that entry"));
  return absl::StrCat("entry #", name->number, " (", record, ")");
}

}  // namespace

absl::StatusOr<std::vector<v1::AttentionItem>> WaitingApprovals(const storage::LmdbTxn& txn,
                                                                absl::string_view case_id) {
  std::vector<v1::AttentionItem> waiting;
  absl::Status failure;
  auto scan = storage::ScanCaseAttentionItems(txn, case_id, [&](absl::string_view bytes) {
    v1::AttentionItem item;
    if (!item.ParseFromArray(bytes.data(), bytes.size())) {
      failure = absl::DataLossError("attention index: unreadable item");
      return;
    }
    if (item.list() == kApprovalList) waiting.push_back(std::move(item));
  });
  if (!scan.ok()) return scan;
  if (!failure.ok()) return failure;
  std::sort(waiting.begin(), waiting.end(), [](const v1::AttentionItem& a, const v1::AttentionItem& b) {
    return a.since_time() < b.since_time();
  });
  return waiting;
}

absl::StatusOr<v1::Entry> ApprovalRequestEntry(const storage::LmdbTxn& txn, const v1::Case& c,
                                               absl::string_view subject, absl::string_view note) {
  const std::string case_id = c.name().substr(6);
  if (IsClosed(c))
    return absl::FailedPreconditionError(absl::StrCat(c.name(), " is closed: reopen it before asking approval"));
  auto what = DescribeSubject(txn, case_id, subject);
  if (!what.ok()) return what.status();
  auto waiting = WaitingApprovals(txn, case_id);
  if (!waiting.ok()) return waiting.status();
  for (const v1::AttentionItem& item : *waiting) {
    auto earlier = ParseEntryName(item.entry(), "entry");
    if (!earlier.ok()) return earlier.status();
    auto entry = storage::LoadEntry(txn, case_id, earlier->number);
    if (!entry.ok()) return entry.status();
    if (entry->has_value() && (*entry)->approval_request().subject() == subject)
      return absl::FailedPreconditionError(
          absl::StrCat("subject: approval of ", *what, " is already asked for in ", item.entry(),
                       " and waits for a supervisor"));
  }
  v1::Entry entry;
  entry.set_kind(v1::ENTRY_KIND_APPROVAL_REQUEST);
  entry.mutable_approval_request()->set_subject(std::string(subject));
  entry.set_text(absl::StrCat("Asks a supervisor of team ", c.team().empty() ? "(none)" : c.team(),
                              " to approve ", *what, ".\n\n", note));
  return entry;
}

absl::Status PutOnApprovalList(storage::LmdbTxn& txn, const v1::Case& c, const v1::Entry& request) {
  v1::AttentionItem item;
  item.set_list(v1::ATTENTION_LIST_APPROVALS_WAITING);
  item.set_case_(c.name());
  item.set_entry(request.name());
  *item.mutable_since_time() = request.record_time();
  item.set_summary(absl::StrCat("approve ", request.approval_request().subject() == kClosureSubject
                                                ? std::string("closure of the case")
                                                : request.approval_request().subject(),
                                " (asked by ", request.author(), ")"));
  storage::AttentionPlace place{kApprovalList, TimeUtil::TimestampToMicroseconds(request.record_time()),
                                c.name().substr(6), static_cast<uint64_t>(request.number()), 0};
  return storage::PutAttentionItem(txn, place, item);
}

absl::StatusOr<v1::Entry> DecideApproval(storage::LmdbTxn& txn, const Caller& caller, v1::Case& c,
                                         const EntryName& request, v1::ApprovalDecision::Outcome outcome,
                                         absl::string_view comment, absl::string_view decision_name) {
  if (auto s = MaySupervise(caller, c.team()); !s.ok()) return s;
  auto asked = storage::LoadEntry(txn, request.case_id, request.number);
  if (!asked.ok()) return asked.status();
  const std::string request_name = EntryResourceName(request.case_id, request.number);
  if (!asked->has_value() || (*asked)->kind() != v1::ENTRY_KIND_APPROVAL_REQUEST)
    return absl::FailedPreconditionError(absl::StrCat("name: ", request_name, " is not an approval request"));
  if ((*asked)->author() == caller.user)
    return absl::PermissionDeniedError(
        absl::StrCat("you asked for ", request_name, "; another supervisor decides it"));
  auto waiting = WaitingApprovals(txn, request.case_id);
  if (!waiting.ok()) return waiting.status();
  if (std::none_of(waiting->begin(), waiting->end(),
                   [&](const v1::AttentionItem& item) { return item.entry() == request_name; }))
    return absl::FailedPreconditionError(absl::StrCat("name: ", request_name, " was already decided"));
  if (auto s = storage::DeleteAttentionItem(txn, request.case_id, kApprovalList, request.number, 0); !s.ok())
    return s;
  const std::string& subject = (*asked)->approval_request().subject();
  const bool approved = outcome == v1::ApprovalDecision::OUTCOME_APPROVED;
  if (approved && subject == kClosureSubject) c.set_closure_approval(std::string(decision_name));
  v1::Entry entry;
  entry.set_kind(v1::ENTRY_KIND_APPROVAL_DECISION);
  v1::ApprovalDecision& decision = *entry.mutable_approval_decision();
  decision.set_request(request_name);
  decision.set_outcome(outcome);
  decision.set_subject(subject);
  entry.set_text(absl::StrCat(approved ? "Approved" : "Returned to the investigator", ": ",
                              subject == kClosureSubject ? std::string("the closure of the case") : subject,
                              " (asked in ", request_name, ").\n\n", comment));
  return entry;
}

}  // namespace casefile
