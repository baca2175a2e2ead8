// The supervision commands: approval request/approve/return, close, reopen, tasking.
#include <iostream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "casefile/v1/supervision_service.grpc.pb.h"
#include "cli/command.h"
#include "cli/output.h"
#include "cli/terminal_safe.h"
#include "google/protobuf/util/time_util.h"

namespace casefile::cli {
namespace {

using TimeUtil = google::protobuf::util::TimeUtil;
using v1::SupervisionService;

int Print(const Args& args, const google::protobuf::Message& m, const std::string& human) {
  std::cout << (args.Has("json") ? ToJson(m) + "\n" : human);
  return kExitOk;
}

// --expected-version N into `request` when given; a usage error when N is no number.
template <typename Request>
absl::Status ReadExpectedVersion(const Args& args, Request& request) {
  if (!args.Has("expected-version")) return absl::OkStatus();
  int64_t v = 0;
  if (!absl::SimpleAtoi(args.Get("expected-version"), &v))
    return absl::InvalidArgumentError("--expected-version must be a number");
  request.set_expected_version(v);
  return absl::OkStatus();
}

// Fills what every step shares — its text option, request id, version — and sends it.
template <typename Request, typename Response>
int SendStep(const Args& args, const Connection& conn, const std::string& cmd, Request request,
             const char* text_option, void (Request::*set_text)(const std::string&),
             grpc::Status (SupervisionService::Stub::*rpc)(grpc::ClientContext*, const Request&, Response*)) {
  auto text = args.Require(text_option);
  if (!text.ok()) return ReportUsageError(text.status(), cmd);
  (request.*set_text)(*text);
  if (auto s = ReadExpectedVersion(args, request); !s.ok()) return ReportUsageError(s, cmd);
  request.set_request_id(args.Get("request-id", NewRequestId()));
  Response response;
  auto stub = SupervisionService::NewStub(conn.channel());
  grpc::Status status = WithRetries([&] { return ((*stub).*rpc)(conn.NewContext().get(), request, &response); });
  if (!status.ok()) return ReportRpcError(status);
  if constexpr (std::is_same_v<Response, v1::Case>) return Print(args, response, CaseBlock(response));
  else return Print(args, response, EntryBlock(response, false));
}

int Request(const Args& args, const Connection& conn) {
  const std::string cmd = "approval request";
  if (args.Has("entry") == args.Has("closure"))
    return ReportUsageError(absl::InvalidArgumentError("give --entry N or --closure"), cmd);
  v1::RequestApprovalRequest request;
  request.set_parent(CaseNameArg(args.positional()[0]));
  request.set_subject(args.Has("closure") ? "closure" : absl::StrCat(request.parent(), "/entries/", args.Get("entry")));
  return SendStep(args, conn, cmd, request, "note", &v1::RequestApprovalRequest::set_note,
                  &SupervisionService::Stub::RequestApproval);
}

int Approve(const Args& args, const Connection& conn) {
  v1::ApproveRequestRequest request;
  request.set_name(CaseNameArg(args.positional()[0]));
  return SendStep(args, conn, "approval approve", request, "comment", &v1::ApproveRequestRequest::set_comment,
                  &SupervisionService::Stub::ApproveRequest);
}

int Return(const Args& args, const Connection& conn) {
  v1::ReturnRequestRequest request;
  request.set_name(CaseNameArg(args.positional()[0]));
  return SendStep(args, conn, "approval return", request, "comment", &v1::ReturnRequestRequest::set_comment,
                  &SupervisionService::Stub::ReturnRequest);
}

int Close(const Args& args, const Connection& conn) {
  v1::CloseCaseRequest request;
  request.set_name(CaseNameArg(args.positional()[0]));
  return SendStep(args, conn, "close", request, "reason", &v1::CloseCaseRequest::set_reason,
                  &SupervisionService::Stub::CloseCase);
}

int Reopen(const Args& args, const Connection& conn) {
  v1::ReopenCaseRequest request;
  request.set_name(CaseNameArg(args.positional()[0]));
  return SendStep(args, conn, "reopen", request, "reason", &v1::ReopenCaseRequest::set_reason,
                  &SupervisionService::Stub::ReopenCase);
}

std::string When(const google::protobuf::Timestamp& t) { return TimeUtil::ToString(t); }

// The line under a part's heading when casefiled left some of it off.
std::string Cut(int shown, int64_t total) {
  return total > shown ? absl::StrCat("  (the first ", shown, " of ", total, " are shown)\n") : "";
}

// The agenda as text, a part at a time.
std::string AgendaText(const v1::Tasking& t) {
  std::string out = absl::StrCat("Tasking, team ", TerminalSafe(t.team()), ": since ", When(t.since_time()),
                                 t.has_last_held_time() ? " (the last meeting)" : "", "\n\nCame in (",
                                 t.written_since_size(), " cases)\n", Cut(t.written_since_size(), t.written_since_total()));
  for (const auto& c : t.written_since())
    absl::StrAppend(&out, "  ", TerminalSafe(c.case_()), "  ", TerminalSafe(c.title()), "  ", c.new_entries(),
                    " new entries", c.opened_since() ? ", opened" : "", "  owner ", TerminalSafe(c.owner()), "\n");
  absl::StrAppend(&out, "\nApprovals waiting (", t.approvals_waiting_size(), ")\n",
                  Cut(t.approvals_waiting_size(), t.approvals_waiting_total()));
  for (const auto& a : t.approvals_waiting())
    absl::StrAppend(&out, "  ", TerminalSafe(a.request()), "  ", TerminalSafe(a.case_title()), "  asked by ",
                    TerminalSafe(a.requester()), " at ", When(a.request_time()), "\n    ",
                    TerminalSafe(a.subject()), "\n");
  absl::StrAppend(&out, "\nNeeds attention (", t.needs_attention_size(), ")\n",
                  Cut(t.needs_attention_size(), t.needs_attention_total()));
  for (const auto& a : t.needs_attention())
    absl::StrAppend(&out, "  ", TerminalSafe(a.list()), ": ", TerminalSafe(a.entry()), "  ", TerminalSafe(a.summary()),
                    "\n");
  absl::StrAppend(&out, "\nNo entry for ", t.quiet_days(), " days (", t.quiet_size(), ")\n",
                  Cut(t.quiet_size(), t.quiet_total()));
  for (const auto& c : t.quiet())
    absl::StrAppend(&out, "  ", TerminalSafe(c.case_()), "  ", TerminalSafe(c.title()), "  last written ",
                    When(c.update_time()), "  owner ", TerminalSafe(c.owner()), "\n");
  return out;
}

int Tasking(const Args& args, const Connection& conn) {
  const std::string cmd = "tasking";
  auto team = args.Require("team");
  if (!team.ok()) return ReportUsageError(team.status(), cmd);
  auto stub = SupervisionService::NewStub(conn.channel());
  v1::Tasking response;
  grpc::Status status;
  if (args.Has("mark-held")) {
    v1::MarkTaskingHeldRequest request;
    request.set_team(*team);
    status = WithRetries([&] { return stub->MarkTaskingHeld(conn.NewContext().get(), request, &response); });
  } else {
    v1::GetTaskingRequest request;
    request.set_team(*team);
    if (args.Has("since")) {
      auto since = ParseWhen(args.Get("since"), "since");
      if (!since.ok()) return ReportUsageError(since.status(), cmd);
      *request.mutable_since_time() = *since;
    }
    if (args.Has("quiet-days")) {
      int days = 0;
      if (!absl::SimpleAtoi(args.Get("quiet-days"), &days) || days < 1)
        return ReportUsageError(absl::InvalidArgumentError("--quiet-days must be a number of days"), cmd);
      request.set_quiet_days(days);
    }
    status = WithRetries([&] { return stub->GetTasking(conn.NewContext().get(), request, &response); });
  }
  if (!status.ok()) return ReportRpcError(status);
  return Print(args, response, AgendaText(response));
}

}  // namespace

void AddSupervisionCommands(CommandLine& line) {
  constexpr char kCase[] = "the case, e.g. CF-000001";
  constexpr char kRequestEntry[] = "the request's entry, e.g. CF-000001/entries/4";
  constexpr char kRequestId[] = "idempotency key (default: a fresh one; a retry reuses it)";
  constexpr char kVersion[] = "only if the case is at this version";

  CLI::App* c = line.Add("approval request", "ask the case's team's supervisors to approve an entry or closure",
                         Request);
  AddWord(c, "CASE", kCase);
  AddValueOption(c, "--entry", "N", "the entry: a strategy discussion, a referral or a Section 47 enquiry");
  AddSwitch(c, "--closure", "the closing of the case instead");
  AddValueOption(c, "--note", "TEXT", "what the supervisor should know")->required();
  AddValueOption(c, "--expected-version", "N", kVersion);
  AddValueOption(c, "--request-id", "ID", kRequestId);
  struct Named {
    const char* name;
    const char* help;
    int (*run)(const Args&, const Connection&);
  };
  for (const auto& [name, help, handler] : {Named{"approval approve", "approve a waiting request", Approve},
                                            Named{"approval return", "return a waiting request with a comment",
                                                  Return}}) {
    c = line.Add(name, help, handler);
    AddWord(c, "REQUEST", kRequestEntry);
    AddValueOption(c, "--comment", "TEXT", "the supervisor's comment")->required();
    AddValueOption(c, "--expected-version", "N", kVersion);
    AddValueOption(c, "--request-id", "ID", kRequestId);
    c->footer("Supervisors of the case's team, and admins; never of a request they made.");
  }
  for (const auto& [name, help, handler] : {Named{"close", "close a case (needs an approved closure)", Close},
                                            Named{"reopen", "reopen a closed case", Reopen}}) {
    c = line.Add(name, help, handler);
    AddWord(c, "CASE", kCase);
    AddValueOption(c, "--reason", "TEXT", "why")->required();
    AddValueOption(c, "--expected-version", "N", kVersion);
    AddValueOption(c, "--request-id", "ID", kRequestId);
  }

  c = line.Add("tasking", "a team's daily tasking agenda: what came in, approvals, attention, quiet cases",
               Tasking);
  AddValueOption(c, "--team", "TEAM", "the team")->required();
  AddValueOption(c, "--since", "TIME",
                 "what came in since: 2026-12-03T09:00:00Z or 2026-12-03 (default: the last meeting, or 24 h)");
  AddValueOption(c, "--quiet-days", "N", "cases with no entry for N days (default 14)");
  AddSwitch(c, "--mark-held", "record the meeting as held now (the next agenda starts here)");
  c->footer("Supervisors of the team, and admins.");
}

}  // namespace casefile::cli
