// Approvals and a case's state end to end, against the real casefiled: an
// investigator asks approval of a strategy discussion, a referral, a Section
// 47 enquiry or the closing of the case; the supervisors of the case's team
// see it on the approvals-waiting list and approve or return it; a case
// closes only with an approved closure and reopens with a reason. Every step
// is an entry of the chronology and an audit record, written once per
// request id, only at the version the writer saw. The tasking agenda of a
// team lists what came in and what waits.
//
// The callers (tests/support/casefiled_process.h): inv1 of team cait, inv2
// of no team, sup1 supervisor of cait, sup2 supervisor of pvp-east.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "casefile/v1/supervision_service.grpc.pb.h"
#include "gmock/gmock.h"
#include "google/protobuf/util/time_util.h"
#include "gtest/gtest.h"
#include "tests/support/casefiled_fixture.h"
#include "tests/support/cli_runner.h"
#include "tests/support/safeguarding_examples.h"

namespace casefile::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

class ApprovalsE2eTest : public CasefiledTest {
 protected:
  void SetUp() override {
    CasefiledTest::SetUp();
    supervision_ = v1::SupervisionService::NewStub(server_->channel());
  }

  static v1::RequestApprovalRequest Asking(const std::string& parent, const std::string& subject,
                                           const std::string& request_id = "") {
    v1::RequestApprovalRequest request;
    request.set_parent(parent);
    request.set_subject(subject);
    request.set_note("Decisions agreed with CSC; please sign off.");
    request.set_request_id(request_id);
    return request;
  }
  grpc::Status Ask(const v1::RequestApprovalRequest& request, v1::Entry* out = nullptr,
                   const std::string& token = kInvestigatorToken) {
    v1::Entry ignored;
    return supervision_->RequestApproval(Context(token).get(), request, out == nullptr ? &ignored : out);
  }
  grpc::Status Approve(const std::string& request_entry, const std::string& token, v1::Entry* out = nullptr,
                       const std::string& request_id = "", std::optional<int64_t> expected = std::nullopt) {
    v1::ApproveRequestRequest request;
    request.set_name(request_entry);
    request.set_comment("Agreed.");
    request.set_request_id(request_id);
    if (expected) request.set_expected_version(*expected);
    v1::Entry ignored;
    return supervision_->ApproveRequest(Context(token).get(), request, out == nullptr ? &ignored : out);
  }
  grpc::Status Return(const std::string& request_entry, const std::string& token, v1::Entry* out = nullptr) {
    v1::ReturnRequestRequest request;
    request.set_name(request_entry);
    request.set_comment("Record who attended from health first.");
    v1::Entry ignored;
    return supervision_->ReturnRequest(Context(token).get(), request, out == nullptr ? &ignored : out);
  }
  grpc::Status Close(const std::string& name, v1::Case* out = nullptr, const std::string& request_id = "") {
    v1::CloseCaseRequest request;
    request.set_name(name);
    request.set_reason("No further action: child safe at home.");
    request.set_request_id(request_id);
    v1::Case ignored;
    return supervision_->CloseCase(Context(kInvestigatorToken).get(), request, out == nullptr ? &ignored : out);
  }
  grpc::Status Reopen(const std::string& name, v1::Case* out = nullptr) {
    v1::ReopenCaseRequest request;
    request.set_name(name);
    request.set_reason("New referral from school.");
    v1::Case ignored;
    return supervision_->ReopenCase(Context(kInvestigatorToken).get(), request, out == nullptr ? &ignored : out);
  }
  // The approvals-waiting list for `team`: each item's entry.
  std::vector<std::string> Waiting(const std::string& team, const std::string& token = kSupervisorToken) {
    v1::ListAttentionItemsRequest request;
    request.set_list(v1::ATTENTION_LIST_APPROVALS_WAITING);
    request.set_team(team);
    v1::ListAttentionItemsResponse response;
    grpc::Status s = attention_->ListAttentionItems(Context(token).get(), request, &response);
    EXPECT_TRUE(s.ok()) << s.error_message();
    std::vector<std::string> entries;
    for (const v1::AttentionItem& item : response.items()) entries.push_back(item.entry());
    return entries;
  }
  int64_t Version(const std::string& name) {
    v1::GetCaseRequest get;
    get.set_name(name);
    v1::Case c;
    EXPECT_TRUE(cases_->GetCase(Context(kAdminToken).get(), get, &c).ok());
    return c.version();
  }
  // The audit records of `kind`: the resources each names.
  std::vector<std::string> Audited(const std::string& kind) {
    v1::ListAuditEventsRequest request;
    request.set_kind(kind);
    v1::ListAuditEventsResponse response;
    EXPECT_TRUE(audit_->ListAuditEvents(Context(kAuditorToken).get(), request, &response).ok());
    std::vector<std::string> named;
    for (const v1::AuditEvent& e : response.audit_events()) {
      if (e.outcome() == "OK") named.push_back(absl::StrJoin(e.resources(), " "));
    }
    return named;
  }

  std::unique_ptr<v1::SupervisionService::Stub> supervision_;
};

TEST_F(ApprovalsE2eTest, ASupervisorOfTheTeamApprovesAStrategyDiscussionInTheChronologyAndTheAuditTrail) {
  const v1::Case c = CreateCase(NewCase("Ellie WATSON", "CF-P1"));
  ASSERT_EQ(c.state(), v1::CASE_STATE_OPEN);
  const v1::Entry discussion = Append(c.name(), StrategyDiscussionExample());
  v1::RequestApprovalRequest asking = Asking(c.name(), discussion.name(), "ask-p1");
  asking.set_expected_version(1);
  v1::Entry request;
  ASSERT_TRUE(Ask(asking, &request).ok());
  EXPECT_EQ(request.name(), "cases/CF-P1/entries/2");
  EXPECT_EQ(request.kind(), v1::ENTRY_KIND_APPROVAL_REQUEST);
  EXPECT_EQ(request.approval_request().subject(), discussion.name());
  EXPECT_EQ(request.author(), "inv1");
  EXPECT_EQ(request.text(), "Asks a supervisor of team cait to approve entry #1 (strategy discussion).\n\n"
                            "Decisions agreed with CSC; please sign off.");
  // A double submit writes one request.
  v1::Entry again;
  ASSERT_TRUE(Ask(asking, &again).ok());
  EXPECT_EQ(again.name(), request.name());
  EXPECT_EQ(Version(c.name()), 2);
  EXPECT_THAT(Waiting("cait"), ElementsAre(request.name()));
  EXPECT_THAT(Waiting("pvp-east"), IsEmpty());

  v1::Entry decision;
  ASSERT_TRUE(Approve(request.name(), kSupervisorToken, &decision, "approve-p1", 2).ok());
  EXPECT_EQ(decision.name(), "cases/CF-P1/entries/3");
  EXPECT_EQ(decision.kind(), v1::ENTRY_KIND_APPROVAL_DECISION);
  EXPECT_EQ(decision.author(), "sup1");
  EXPECT_EQ(decision.approval_decision().request(), request.name());
  EXPECT_EQ(decision.approval_decision().outcome(), v1::ApprovalDecision::OUTCOME_APPROVED);
  EXPECT_EQ(decision.text(), "Approved: cases/CF-P1/entries/1 (asked in cases/CF-P1/entries/2).\n\nAgreed.");
  // The retry answers the same decision; a new decision finds it decided.
  v1::Entry retried;
  ASSERT_TRUE(Approve(request.name(), kSupervisorToken, &retried, "approve-p1", 2).ok());
  EXPECT_EQ(retried.name(), decision.name());
  EXPECT_EQ(Version(c.name()), 3);
  grpc::Status decided = Approve(request.name(), kSupervisorToken);
  EXPECT_EQ(decided.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(decided.error_message(), "name: cases/CF-P1/entries/2 was already decided");
  EXPECT_THAT(Waiting("cait"), IsEmpty());

  // Each call is a record, the retries too, naming the one entry written.
  EXPECT_THAT(Audited("RequestApproval"), ElementsAre("cases/CF-P1/entries/2", "cases/CF-P1/entries/2"));
  EXPECT_THAT(Audited("ApproveRequest"), ElementsAre("cases/CF-P1/entries/3", "cases/CF-P1/entries/3"));
  const CaseFile file = ReadCaseFile(*cases_, c.name(), "supervision");
  ASSERT_EQ(file.entries.size(), 3u);
  EXPECT_EQ(file.entries[2].approval_decision().outcome(), v1::ApprovalDecision::OUTCOME_APPROVED);
}

TEST_F(ApprovalsE2eTest, ACaseClosesOnlyWithAnApprovedClosureAndReopensWithAReason) {
  const v1::Case c = CreateCase(NewCase("Mark WATSON", "CF-P2"));
  grpc::Status s = Close(c.name());
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(s.error_message(),
            "cases/CF-P2 cannot be closed without an approved closure: ask a supervisor of team cait "
            "(RequestApproval with subject \"closure\") first");
  v1::Entry first;
  ASSERT_TRUE(Ask(Asking(c.name(), "closure"), &first).ok());
  EXPECT_EQ(Ask(Asking(c.name(), "closure")).error_code(), grpc::StatusCode::FAILED_PRECONDITION);  // waits already
  v1::Entry returned;
  ASSERT_TRUE(Return(first.name(), kSupervisorToken, &returned).ok());
  EXPECT_EQ(returned.approval_decision().outcome(), v1::ApprovalDecision::OUTCOME_RETURNED);
  EXPECT_THAT(returned.text(), HasSubstr("Returned to the investigator: the closure of the case"));
  EXPECT_EQ(Close(c.name()).error_code(), grpc::StatusCode::FAILED_PRECONDITION);  // returned is not approved

  v1::Entry second;
  ASSERT_TRUE(Ask(Asking(c.name(), "closure"), &second).ok());
  v1::Entry approval;
  ASSERT_TRUE(Approve(second.name(), kAdminToken, &approval).ok());
  v1::Case closed;
  ASSERT_TRUE(Close(c.name(), &closed, "close-p2").ok());
  EXPECT_EQ(closed.state(), v1::CASE_STATE_CLOSED);
  EXPECT_EQ(closed.closure_approval(), "");
  EXPECT_EQ(closed.version(), 5);
  v1::Case closed_again;
  ASSERT_TRUE(Close(c.name(), &closed_again, "close-p2").ok());  // a retry: no second entry
  EXPECT_EQ(closed_again.version(), 5);
  EXPECT_EQ(Close(c.name()).error_message(), "cases/CF-P2 is already closed");
  EXPECT_EQ(Ask(Asking(c.name(), "closure")).error_message(),
            "cases/CF-P2 is closed: reopen it before asking approval");

  v1::Case reopened;
  ASSERT_TRUE(Reopen(c.name(), &reopened).ok());
  EXPECT_EQ(reopened.state(), v1::CASE_STATE_REOPENED);
  EXPECT_EQ(Reopen(c.name()).error_message(), "cases/CF-P2 is not closed (it is reopened): nothing to reopen");
  EXPECT_EQ(Close(c.name()).error_code(), grpc::StatusCode::FAILED_PRECONDITION);  // the approval was used

  const CaseFile file = ReadCaseFile(*cases_, c.name(), "supervision");
  ASSERT_EQ(file.entries.size(), 6u);
  EXPECT_EQ(file.entries[4].kind(), v1::ENTRY_KIND_CASE_STATE);
  EXPECT_EQ(file.entries[4].state_change().state(), v1::CASE_STATE_CLOSED);
  EXPECT_EQ(file.entries[4].state_change().approval(), approval.name());
  EXPECT_EQ(file.entries[4].text(),
            absl::StrCat("Case closed (closure approved in ", approval.name(),
                         ").\n\nNo further action: child safe at home."));
  EXPECT_EQ(file.entries[5].state_change().state(), v1::CASE_STATE_REOPENED);
  EXPECT_EQ(file.entries[5].state_change().previous_state(), v1::CASE_STATE_CLOSED);
  EXPECT_THAT(Audited("CloseCase"), ElementsAre("cases/CF-P2", "cases/CF-P2"));  // and the retry
  EXPECT_THAT(Audited("ReopenCase"), ElementsAre("cases/CF-P2"));
}

TEST_F(ApprovalsE2eTest, OnlyTheTeamsSupervisorsDecideAndNeverTheirOwnRequest) {
  const v1::Case c = CreateCase(NewCase("Zed PAYNE", "CF-P3"));
  const v1::Entry referral = Append(c.name(), ReferralExample(false));
  v1::Entry request;
  ASSERT_TRUE(Ask(Asking(c.name(), referral.name()), &request).ok());
  grpc::Status s = Approve(request.name(), kInvestigatorToken);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(s.error_message(), "role investigator may not supervise teams");
  s = Approve(request.name(), kOtherSupervisorToken);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(s.error_message(), "only supervisors of team cait and admins may supervise it");
  EXPECT_EQ(Return(request.name(), kOtherSupervisorToken).error_code(), grpc::StatusCode::PERMISSION_DENIED);
  // A supervisor asks like an investigator, and another decides.
  const v1::Entry s47 = Append(c.name(), Section47EnquiryExample(), kSupervisorToken);
  v1::Entry own;
  ASSERT_TRUE(Ask(Asking(c.name(), s47.name()), &own, kSupervisorToken).ok());
  s = Approve(own.name(), kSupervisorToken);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(s.error_message(), absl::StrCat("you asked for ", own.name(), "; another supervisor decides it"));
  // The version the supervisor saw: someone wrote since.
  s = Approve(request.name(), kSupervisorToken, nullptr, "", 1);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::ABORTED);
  EXPECT_THAT(Waiting("cait"), ElementsAre(request.name(), own.name()));
  EXPECT_TRUE(Approve(request.name(), kSupervisorToken).ok());
  EXPECT_THAT(Waiting("cait"), ElementsAre(own.name()));
  EXPECT_TRUE(Approve(own.name(), kAdminToken).ok());
}

TEST_F(ApprovalsE2eTest, WhatCannotBeAskedIsRefusedNamingWhy) {
  const v1::Case c = CreateCase(NewCase("Ava QUIRK", "CF-P4"));
  v1::Entry note;
  note.set_kind(v1::ENTRY_KIND_NOTE);
  note.set_text("Called the school");
  const v1::Entry written = Append(c.name(), note);
  grpc::Status s = Ask(Asking(c.name(), written.name()));
  EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
  EXPECT_EQ(s.error_message(), "subject: cases/CF-P4/entries/1 is not a strategy discussion, referral or "
                               "Section 47 enquiry; only those (and closure) are approved");
  EXPECT_EQ(Ask(Asking(c.name(), "cases/CF-P4/entries/9")).error_message(),
            "subject: cases/CF-P4/entries/9 does not exist");
  EXPECT_EQ(Ask(Asking(c.name(), "cases/CF-OTHER/entries/1")).error_message(),
            "subject: not an entry of cases/CF-P4");
  EXPECT_EQ(Ask(Asking(c.name(), "everything")).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  v1::RequestApprovalRequest blank = Asking(c.name(), "closure");
  blank.set_note("  ");
  EXPECT_EQ(Ask(blank).error_message(), "note: is required");
  v1::RequestApprovalRequest stale = Asking(c.name(), "closure");
  stale.set_expected_version(0);
  EXPECT_EQ(Ask(stale).error_code(), grpc::StatusCode::ABORTED);
  EXPECT_EQ(Ask(Asking("cases/CF-NONE", "closure")).error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(Ask(Asking(c.name(), "closure"), nullptr, kOutOfHoursToken).error_code(),
            grpc::StatusCode::PERMISSION_DENIED);
  EXPECT_EQ(Approve(written.name(), kSupervisorToken).error_message(),
            "name: cases/CF-P4/entries/1 is not an approval request");
  // Only SupervisionService writes these entries.
  v1::Entry forged;
  forged.set_kind(v1::ENTRY_KIND_APPROVAL_DECISION);
  forged.set_text("Approved");
  s = TryAppend(c.name(), forged);
  EXPECT_EQ(s.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(s.error_message(), "entry.kind: approvals and a case's state are written by SupervisionService");
  EXPECT_EQ(Version(c.name()), 1);
}

TEST_F(ApprovalsE2eTest, TheTaskingAgendaListsWhatCameInAndWhatWaitsForTheTeam) {
  const v1::Case c = CreateCase(NewCase("Ellie WATSON", "CF-T1"));
  const v1::Entry discussion = Append(c.name(), StrategyDiscussionExample());
  v1::Entry request;
  ASSERT_TRUE(Ask(Asking(c.name(), discussion.name()), &request).ok());
  CreateCase(NewCase("Mark WATSON", "CF-T2"), kSecondInvestigatorToken);  // no team: not on cait's agenda

  v1::GetTaskingRequest get;
  get.set_team("cait");
  v1::Tasking tasking;
  grpc::Status s = supervision_->GetTasking(Context(kSupervisorToken).get(), get, &tasking);
  ASSERT_TRUE(s.ok()) << s.error_message();
  EXPECT_EQ(tasking.team(), "cait");
  EXPECT_EQ(tasking.quiet_days(), 14);
  EXPECT_FALSE(tasking.has_last_held_time());
  ASSERT_EQ(tasking.written_since_size(), 1);
  EXPECT_EQ(tasking.written_since(0).case_(), "cases/CF-T1");
  EXPECT_EQ(tasking.written_since(0).new_entries(), 2);
  EXPECT_TRUE(tasking.written_since(0).opened_since());
  ASSERT_EQ(tasking.approvals_waiting_size(), 1);
  EXPECT_EQ(tasking.approvals_waiting(0).request(), request.name());
  EXPECT_EQ(tasking.approvals_waiting(0).subject(), discussion.name());
  EXPECT_EQ(tasking.approvals_waiting(0).requester(), "Investigator One");
  EXPECT_EQ(tasking.approvals_waiting(0).case_title(), "Ellie WATSON");
  // The discussion's first action is past its due day.
  ASSERT_EQ(tasking.needs_attention_size(), 1);
  EXPECT_EQ(tasking.needs_attention(0).list(), "actions overdue");
  EXPECT_EQ(tasking.needs_attention(0).entry(), discussion.name());
  EXPECT_THAT(tasking.quiet(), IsEmpty());
  EXPECT_THAT(Audited("GetTasking"),
              ElementsAre("cases/CF-T1 cases/CF-T1/entries/2 cases/CF-T1/entries/1"));

  // Marked held: nothing came in since.
  v1::MarkTaskingHeldRequest held;
  held.set_team("cait");
  v1::Tasking after;
  ASSERT_TRUE(supervision_->MarkTaskingHeld(Context(kSupervisorToken).get(), held, &after).ok());
  EXPECT_TRUE(after.has_last_held_time());
  EXPECT_EQ(after.since_time(), after.last_held_time());
  EXPECT_THAT(after.written_since(), IsEmpty());
  EXPECT_EQ(after.approvals_waiting_size(), 1);  // still waiting

  for (const char* token : {kInvestigatorToken, kOtherSupervisorToken}) {
    v1::Tasking refused;
    EXPECT_EQ(supervision_->GetTasking(Context(token).get(), get, &refused).error_code(),
              grpc::StatusCode::PERMISSION_DENIED);
    EXPECT_EQ(supervision_->MarkTaskingHeld(Context(token).get(), held, &refused).error_code(),
              grpc::StatusCode::PERMISSION_DENIED);
  }
  get.set_team("");
  EXPECT_EQ(supervision_->GetTasking(Context(kSupervisorToken).get(), get, &tasking).error_message(),
            "team: is required");
}

TEST_F(ApprovalsE2eTest, TheCommandLineAsksApprovesClosesReopensAndPrintsTheAgenda) {
  CreateCase(NewCase("Ellie WATSON", "CF-C1"));
  CliRun run = RunCasefileCli(*server_, "close CF-C1 --reason 'all done'", kInvestigatorToken);
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_THAT(run.out, HasSubstr("error: FAILED_PRECONDITION: cases/CF-C1 cannot be closed without an approved closure"));
  run = RunCasefileCli(*server_, "approval request CF-C1 --closure --note 'No further action' --expected-version 0",
                       kInvestigatorToken);
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_THAT(run.out, HasSubstr("#1  unknown  approval request  by Investigator One"));
  EXPECT_THAT(run.out, HasSubstr("Asks a supervisor of team cait to approve the closure of the case."));
  run = RunCasefileCli(*server_, "approval request CF-C1 --note x", kInvestigatorToken);
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_THAT(run.out, HasSubstr("give --entry N or --closure"));
  run = RunCasefileCli(*server_, "tasking --team cait --quiet-days 30", kSupervisorToken);
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_THAT(run.out, HasSubstr("Approvals waiting (1)\n  cases/CF-C1/entries/1  Ellie WATSON  asked by Investigator One"));
  EXPECT_THAT(run.out, HasSubstr("No entry for 30 days (0)"));
  run = RunCasefileCli(*server_, "approval approve CF-C1/entries/1 --comment 'Agreed'", kSupervisorToken);
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_THAT(run.out, HasSubstr("Approved: the closure of the case (asked in cases/CF-C1/entries/1)."));
  run = RunCasefileCli(*server_, "close CF-C1 --reason 'all done'", kInvestigatorToken);
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_THAT(run.out, HasSubstr("\n  state:    closed\n"));
  run = RunCasefileCli(*server_, "reopen CF-C1 --reason 'new referral' --json", kInvestigatorToken);
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_THAT(run.out, HasSubstr("\"state\":\"CASE_STATE_REOPENED\""));
  run = RunCasefileCli(*server_, "tasking --team cait --mark-held", kSupervisorToken);
  ASSERT_EQ(run.exit_code, 0) << run.out;
  EXPECT_THAT(run.out, HasSubstr("(the last meeting)"));
  EXPECT_THAT(run.out, HasSubstr("Came in (0 cases)"));
}

}  // namespace
}  // namespace casefile::testing
