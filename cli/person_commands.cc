// The person index commands: persons search, persons get (with --purpose,
// the person's file: GetPersonFile), persons list.
#include <cstdio>
#include <iostream>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "casefile/v1/person.grpc.pb.h"
#include "cli/command.h"
#include "cli/list_pages.h"
#include "cli/output.h"
#include "cli/record_output.h"
#include "cli/terminal_safe.h"
#include "core/time/partial_time.h"
#include "core/time/partial_time_proto.h"

namespace casefile::cli {
namespace {

using v1::PersonService;

std::string FullName(const v1::Person& p) {
  if (p.forename().empty() || p.surname().empty()) return TerminalSafe(p.forename() + p.surname());
  return TerminalSafe(absl::StrCat(p.forename(), " ", p.surname()));
}

std::string Born(const v1::Person& p) {
  return absl::StrCat("born ", FormatPartialTime(FromProto(p.date_of_birth())));
}

// "persons/P…  Ellie WATSON  born 2008-04-03  cases: cases/CF-1  3 sources"
std::string PersonLine(const v1::Person& p) {
  return absl::StrFormat("%s  %s  %s  cases: %s  %d sources", TerminalSafe(p.name()), FullName(p), Born(p),
                         p.cases().empty() ? "-" : TerminalSafe(absl::StrJoin(p.cases(), ", ")), p.sources_size());
}

// "0.98  " and the person's line.
std::string MatchLine(const v1::PersonMatch& m) {
  return absl::StrFormat("%.2f  %s", m.score(), PersonLine(m.person()));
}

std::string PersonBlock(const v1::Person& p) {
  std::string out = absl::StrCat(TerminalSafe(p.name()), "  ", FullName(p), "  ", Born(p), "\n");
  absl::StrAppend(&out, "  names:     ", TerminalSafe(absl::StrJoin(p.name_variants(), "; ")), "\n");
  if (!p.addresses().empty())
    absl::StrAppend(&out, "  addresses: ", TerminalSafe(absl::StrJoin(p.addresses(), "; ")), "\n");
  if (!p.cases().empty()) absl::StrAppend(&out, "  cases:     ", TerminalSafe(absl::StrJoin(p.cases(), ", ")), "\n");
  absl::StrAppend(&out, "  sources:\n");
  for (const v1::PersonSource& s : p.sources()) {
    const bool versioned = !s.record().empty() && s.record() != s.locator();
    absl::StrAppend(&out, "    ", TerminalSafe(s.locator()), s.nominal_ref().empty() ? "" : "  nominal ",
                    TerminalSafe(s.nominal_ref()), s.import().empty() ? "" : "  from ", TerminalSafe(s.import()),
                    versioned ? "  record " : "", versioned ? TerminalSafe(s.record()) : "", "\n      | ",
                    TerminalSafe(s.as_written()), "\n");
  }
  return out;
}

// The person, then their cases, records in time order and attention items.
std::string PersonFileText(const v1::PersonFile& f) {
  std::string out = PersonBlock(f.person());
  absl::StrAppend(&out, "\ncases the file reads (", f.cases_size(), "):\n");
  for (const v1::Case& c : f.cases()) absl::StrAppend(&out, CaseLine(c), "\n");
  absl::StrAppend(&out, "\nrecords, in the order they happened (", f.records_size(), "):\n");
  for (const v1::Entry& e : f.records()) {
    const absl::string_view name = e.name();
    absl::StrAppend(&out, TerminalSafe(name.substr(0, name.find("/entries/"))), " ", EntryBlock(e, false));
  }
  absl::StrAppend(&out, "\nattention (", f.attention_items_size(), "):\n");
  for (const v1::AttentionItem& item : f.attention_items()) absl::StrAppend(&out, AttentionItemBlock(item));
  return out;
}

int GetFile(const Args& args, const Connection& conn, const std::string& name) {
  v1::GetPersonFileRequest request;
  request.set_name(name);
  request.set_purpose(args.Get("purpose"));
  v1::PersonFile response;
  grpc::Status status =
      PersonService::NewStub(conn.channel())->GetPersonFile(conn.NewContext().get(), request, &response);
  if (!status.ok()) return ReportRpcError(status);
  std::cout << (args.Has("json") ? ToJson(response) + "\n" : PersonFileText(response));
  return kExitOk;
}

int Search(const Args& args, const Connection& conn) {
  const std::string cmd = "persons search";
  if (args.positional().empty() && !args.Has("dob"))
    return ReportUsageError(absl::InvalidArgumentError("give a name to search for, or --dob alone"), cmd);
  v1::SearchPersonsRequest request;
  request.set_query(absl::StrJoin(args.positional(), " "));
  if (args.Has("dob")) {
    auto dob = ParsePartialTime(args.Get("dob"));
    if (!dob.ok() || dob->precision == TimePrecision::kMinute || dob->precision == TimePrecision::kUnknown)
      return ReportUsageError(absl::InvalidArgumentError("--dob must be a date, e.g. 03/04/2008 or Apr 2008"), cmd);
    *request.mutable_date_of_birth() = ToProto(*dob);
  }
  auto page_size = PageSizeOption(args);
  if (!page_size.ok()) return ReportUsageError(page_size.status(), cmd);
  request.set_page_size(*page_size);
  v1::SearchPersonsResponse response;
  grpc::Status status =
      PersonService::NewStub(conn.channel())->SearchPersons(conn.NewContext().get(), request, &response);
  if (!status.ok()) return ReportRpcError(status);
  if (args.Has("json")) {
    std::cout << ToJson(response) << "\n";
  } else if (response.results().empty()) {
    std::cout << "no persons found\n";
  } else {
    for (const v1::PersonMatch& m : response.results()) std::cout << MatchLine(m) << "\n";
  }
  return kExitOk;
}

int Get(const Args& args, const Connection& conn) {
  const std::string& arg = args.positional()[0];
  const std::string name = absl::StartsWith(arg, "persons/") ? arg : "persons/" + arg;
  if (args.Has("purpose")) return GetFile(args, conn, name);
  v1::GetPersonRequest request;
  request.set_name(name);
  v1::Person response;
  grpc::Status status =
      PersonService::NewStub(conn.channel())->GetPerson(conn.NewContext().get(), request, &response);
  if (!status.ok()) return ReportRpcError(status);
  std::cout << (args.Has("json") ? ToJson(response) + "\n" : PersonBlock(response));
  return kExitOk;
}

int List(const Args& args, const Connection& conn) {
  const std::string cmd = "persons list";
  v1::ListPersonsRequest request;
  auto page_size = PageSizeOption(args);
  if (!page_size.ok()) return ReportUsageError(page_size.status(), cmd);
  request.set_page_size(*page_size);
  request.set_page_token(args.Get("page-token"));
  auto stub = PersonService::NewStub(conn.channel());
  return ListPages<v1::ListPersonsRequest, v1::ListPersonsResponse>(
      request, args.Has("all"), args.Has("json"),
      [&](const auto& r, auto* response) { return stub->ListPersons(conn.NewContext().get(), r, response); },
      [](const auto& response) {
        for (const v1::Person& p : response.persons()) std::cout << PersonLine(p) << "\n";
      });
}

}  // namespace

void AddPersonCommands(CommandLine& line) {
  CLI::App* c = line.Add("persons search", "find persons by name (nicknames, typos, sound) and date of birth", Search);
  AddWords(c, "NAME", "the name to search for, e.g. Ellie Watson");
  AddValueOption(c, "--dob", "dd/mm/yyyy", "born on that day (alone: everyone born that day)");
  AddValueOption(c, "--page-size", "N", "persons at most (the server's default without it)");
  c->footer("e.g. casefile persons search \"Ellie Watson\" --dob 03/04/2008");

  c = line.Add("persons get",
               "show a person with every legacy record it came from; with --purpose, their file: "
               "cases, records across cases in time order, attention items",
               Get);
  AddWord(c, "PERSON", "the person, e.g. P0123456789abcdef or persons/P0123456789abcdef");
  AddValueOption(c, "--purpose", "'WHY'", "read the person's file (case content), recorded with the access");
  c->footer("e.g. casefile persons get P0123456789abcdef --purpose \"strategy discussion\"");

  c = line.Add("persons list", "list every person of the index, in name order", List);
  AddValueOption(c, "--page-size", "N", "persons a page (default 50, at most 1000)");
  AddValueOption(c, "--page-token", "T", "the page that an earlier one said is next");
  AddSwitch(c, "--all", "every page");
}

}  // namespace casefile::cli
