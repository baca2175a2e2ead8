// The audit commands (auditor role): audit list, audit verify.
#include <iostream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "casefile/v1/audit.grpc.pb.h"
#include "cli/command.h"
#include "cli/list_pages.h"
#include "cli/output.h"
#include "cli/terminal_safe.h"
#include "google/protobuf/util/time_util.h"

namespace casefile::cli {
namespace {

using v1::AuditService;
using TimeUtil = google::protobuf::util::TimeUtil;

// "#12  2026-12-03T09:01:25Z  GetCaseFile  OK  inv01 (investigator) ipv4:…
//        cases/CF-1  purpose: strategy meeting"
std::string EventLine(const v1::AuditEvent& e) {
  std::string out = absl::StrFormat(
      "#%d  %s  %s  %s  %s (%s) %s", e.seq(), TimeUtil::ToString(e.event_time()),
      TerminalSafe(e.kind()), TerminalSafe(e.outcome()), TerminalSafe(e.user()),
      TerminalSafe(e.role()), TerminalSafe(e.peer()));
  if (!e.resources().empty())
    absl::StrAppend(&out, "\n      ", TerminalSafe(absl::StrJoin(e.resources(), ", ")));
  if (e.count() != 0) absl::StrAppend(&out, "\n      count: ", e.count());
  if (!e.purpose().empty()) absl::StrAppend(&out, "\n      purpose: ", TerminalSafe(e.purpose()));
  return out;
}

int List(const Args& args, const Connection& conn) {
  const std::string cmd = "audit list";
  v1::ListAuditEventsRequest request;
  if (args.Has("case")) request.set_case_(CaseNameArg(args.Get("case")));
  if (args.Has("person")) {
    const std::string p = args.Get("person");
    request.set_person(p.rfind("persons/", 0) == 0 ? p : "persons/" + p);
  }
  request.set_user(args.Get("user"));
  request.set_kind(args.Get("kind"));
  for (const auto& [option, field] :
       {std::pair<std::string, google::protobuf::Timestamp*>{"since", request.mutable_start_time()},
        {"until", request.mutable_end_time()}}) {
    if (!args.Has(option)) continue;
    auto when = ParseWhen(args.Get(option), option);
    if (!when.ok()) return ReportUsageError(when.status(), cmd);
    *field = *when;
  }
  if (!args.Has("since")) request.clear_start_time();
  if (!args.Has("until")) request.clear_end_time();
  auto page_size = PageSizeOption(args);
  if (!page_size.ok()) return ReportUsageError(page_size.status(), cmd);
  request.set_page_size(*page_size);
  request.set_page_token(args.Get("page-token"));
  auto stub = AuditService::NewStub(conn.channel());
  return ListPages<v1::ListAuditEventsRequest, v1::ListAuditEventsResponse>(
      request, args.Has("all"), args.Has("json"),
      [&](const auto& r, auto* response) { return stub->ListAuditEvents(conn.NewContext().get(), r, response); },
      [](const auto& response) {
        for (const v1::AuditEvent& e : response.audit_events()) std::cout << EventLine(e) << "\n";
      });
}

int Verify(const Args& args, const Connection& conn) {
  v1::VerifyAuditLogResponse response;
  grpc::Status status = AuditService::NewStub(conn.channel())
                            ->VerifyAuditLog(conn.NewContext().get(), v1::VerifyAuditLogRequest(),
                                             &response);
  if (!status.ok()) return ReportRpcError(status);
  if (args.Has("json")) {
    std::cout << ToJson(response) << "\n";
  } else if (response.ok()) {
    std::cout << "audit chain intact: " << response.records_checked()
              << (response.records_checked() == 1 ? " record\n" : " records\n");
  } else {
    std::cout << "audit chain BROKEN at record " << response.first_broken_seq() << ": "
              << TerminalSafe(response.reason()) << "\n";
  }
  return response.ok() ? kExitOk : kExitServerError;
}

}  // namespace

void AddAuditCommands(CommandLine& line) {
  CLI::App* c = line.Add("audit list", "list audit events (auditors), oldest first", List);
  AddValueOption(c, "--case", "CASE", "the events about this case");
  AddValueOption(c, "--person", "PERSON", "the events about this person");
  AddValueOption(c, "--user", "USER", "the events of this user");
  AddValueOption(c, "--kind", "RPC", "the method recorded, e.g. GetCaseFile, AppendEntry, SearchPersons,\nImportFolder");
  AddValueOption(c, "--since", "TIME", "from this time: 2026-12-03T09:00:00Z or 2026-12-03 (UTC)");
  AddValueOption(c, "--until", "TIME", "to this time, as --since");
  AddValueOption(c, "--page-size", "N", "events a page (the server's default without it)");
  AddValueOption(c, "--page-token", "T", "the page that an earlier one said is next");
  AddSwitch(c, "--all", "every page");

  c = line.Add("audit verify", "check the audit chain: every record present, unaltered and linked", Verify);
  c->footer("Exit 1 and the first broken record when it is not intact.");
}

}  // namespace casefile::cli
