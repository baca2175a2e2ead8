// The chronology commands: case create/get/subjects/review, cases, restrict, log, correct, show, watch.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <iostream>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "casefile/v1/case_service.grpc.pb.h"
#include "casefile/v1/document_service.grpc.pb.h"
#include "cli/command.h"
#include "cli/list_pages.h"
#include "cli/output.h"
#include "cli/terminal_safe.h"
#include "core/time/partial_time.h"
#include "core/time/partial_time_proto.h"
#include "core/time/uk_instant.h"
#include "google/protobuf/util/json_util.h"
#include "web/case_file_page.h"
#include "web/document_appendix.h"
#include "web/document_html.h"

namespace casefile::cli {
namespace {

using v1::CaseService;

absl::StatusOr<v1::EntryKind> ParseKind(const std::string& word) {
  std::string name = absl::StrCat(
      "ENTRY_KIND_", absl::AsciiStrToUpper(absl::StrReplaceAll(word, {{"-", "_"}, {" ", "_"}})));
  v1::EntryKind kind;
  if (!v1::EntryKind_Parse(name, &kind) || kind == v1::ENTRY_KIND_UNSPECIFIED ||
      kind == v1::ENTRY_KIND_CORRECTION || kind == v1::ENTRY_KIND_ASSIGNMENT) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--kind '", word,
        "' is not one of: note, enquiry, contact, visit, strategy-discussion, referral, custody, "
        "missing-episode, review, interview, assessment"));
  }
  return kind;
}

absl::StatusOr<v1::PartialTime> ParseOccurred(const std::string& text) {
  auto t = ParsePartialTime(text);
  if (!t.ok()) return absl::InvalidArgumentError(absl::StrCat("--occurred: ", t.status().message()));
  return ToProto(*t);
}

// "Ellie WATSON (03/04/2008); Mark WATSON" → subjects.
absl::StatusOr<std::vector<v1::Subject>> ParseSubjects(const std::string& text) {
  std::vector<v1::Subject> subjects;
  for (absl::string_view part : absl::StrSplit(text, ';', absl::SkipWhitespace())) {
    part = absl::StripAsciiWhitespace(part);
    v1::Subject s;
    s.set_display_name(std::string(part));
    absl::string_view name = part;
    if (size_t open = part.find('('); open != absl::string_view::npos && part.back() == ')') {
      absl::string_view dob_text = part.substr(open + 1, part.size() - open - 2);
      auto dob = ParsePartialTime(std::string(dob_text));
      if (!dob.ok()) return absl::InvalidArgumentError(absl::StrCat("--subject '", part, "': ", dob.status().message()));
      *s.mutable_date_of_birth() = ToProto(*dob);
      name = absl::StripAsciiWhitespace(part.substr(0, open));
    }
    size_t space = name.rfind(' ');
    s.set_surname(std::string(space == absl::string_view::npos ? name : name.substr(space + 1)));
    if (space != absl::string_view::npos) s.set_forename(std::string(name.substr(0, space)));
    subjects.push_back(std::move(s));
  }
  return subjects;
}

void AddRefs(const std::string& text, google::protobuf::RepeatedPtrField<std::string>* refs) {
  for (absl::string_view ref : absl::StrSplit(text, ',', absl::SkipWhitespace())) {
    refs->Add(std::string(absl::StripAsciiWhitespace(ref)));
  }
}

int Print(const Args& args, const google::protobuf::Message& m, const std::string& human) {
  std::cout << (args.Has("json") ? ToJson(m) + "\n" : human);
  return kExitOk;
}

v1::CaseRestriction ParseRestriction(const std::string& users, const std::string& teams) {
  v1::CaseRestriction r;
  AddRefs(users, r.mutable_users());
  AddRefs(teams, r.mutable_teams());
  return r;
}

int CaseCreate(const Args& args, const Connection& conn) {
  v1::CreateCaseRequest request;
  auto title = args.Require("title");
  if (!title.ok()) return ReportUsageError(title.status(), "case create");
  request.mutable_case_()->set_title(*title);
  AddRefs(args.Get("ref"), request.mutable_case_()->mutable_legacy_refs());
  auto subjects = ParseSubjects(args.Get("subject"));
  if (!subjects.ok()) return ReportUsageError(subjects.status(), "case create");
  for (auto& s : *subjects) *request.mutable_case_()->add_subjects() = std::move(s);
  if (args.Has("restrict-users") || args.Has("restrict-teams"))
    *request.mutable_case_()->mutable_restriction() = ParseRestriction(args.Get("restrict-users"), args.Get("restrict-teams"));
  request.set_case_id(args.Get("id"));
  request.set_request_id(args.Get("request-id", NewRequestId()));
  v1::Case response;
  auto stub = CaseService::NewStub(conn.channel());
  grpc::Status status = WithRetries([&] { return stub->CreateCase(conn.NewContext().get(), request, &response); });
  if (!status.ok()) return ReportRpcError(status);
  return Print(args, response, CaseBlock(response));
}

// --expected-version N into `request` when given; false when N is not a number.
template <typename Request>
bool ReadExpectedVersion(const Args& args, Request& request) {
  if (!args.Has("expected-version")) return true;
  int64_t v = 0;
  if (!absl::SimpleAtoi(args.Get("expected-version"), &v)) return false;
  request.set_expected_version(v);
  return true;
}

int Assign(const Args& args, const Connection& conn) {
  const std::string cmd = "assign";
  v1::AssignCaseRequest request;
  request.set_name(CaseNameArg(args.positional()[0]));
  request.set_owner(args.Get("owner"));
  request.set_team(args.Get("team"));
  if (request.owner().empty() && request.team().empty())
    return ReportUsageError(absl::InvalidArgumentError("give --owner and/or --team"), cmd);
  request.set_reason(args.Get("reason"));
  if (!ReadExpectedVersion(args, request))
    return ReportUsageError(absl::InvalidArgumentError("--expected-version must be a number"), cmd);
  request.set_request_id(args.Get("request-id", NewRequestId()));
  v1::Case response;
  auto stub = CaseService::NewStub(conn.channel());
  grpc::Status status = WithRetries([&] { return stub->AssignCase(conn.NewContext().get(), request, &response); });
  if (!status.ok()) return ReportRpcError(status);
  return Print(args, response, CaseBlock(response));
}

int Restrict(const Args& args, const Connection& conn) {
  const std::string cmd = "restrict";
  const bool naming = args.Has("users") || args.Has("teams");
  if (naming == args.Has("lift"))
    return ReportUsageError(absl::InvalidArgumentError("give --users and/or --teams, or --lift"), cmd);
  v1::SetCaseRestrictionRequest request;
  request.set_name(CaseNameArg(args.positional()[0]));
  if (naming) *request.mutable_restriction() = ParseRestriction(args.Get("users"), args.Get("teams"));
  request.set_reason(args.Get("reason"));
  v1::Case response;
  auto stub = CaseService::NewStub(conn.channel());
  grpc::Status status = WithRetries([&] { return stub->SetCaseRestriction(conn.NewContext().get(), request, &response); });
  if (!status.ok()) return ReportRpcError(status);
  return Print(args, response, CaseBlock(response));
}

int CorrectSubjects(const Args& args, const Connection& conn) {
  const std::string cmd = "case subjects";
  v1::CorrectSubjectsRequest request;
  request.set_name(CaseNameArg(args.positional()[0]));
  auto subjects = ParseSubjects(args.Get("subject"));
  if (!subjects.ok()) return ReportUsageError(subjects.status(), cmd);
  for (auto& s : *subjects) *request.add_subjects() = std::move(s);
  auto reason = args.Require("reason");
  if (!reason.ok()) return ReportUsageError(reason.status(), cmd);
  request.set_reason(*reason);
  if (!ReadExpectedVersion(args, request))
    return ReportUsageError(absl::InvalidArgumentError("--expected-version must be a number"), cmd);
  request.set_request_id(args.Get("request-id", NewRequestId()));
  v1::Case response;
  auto stub = CaseService::NewStub(conn.channel());
  grpc::Status status = WithRetries([&] { return stub->CorrectSubjects(conn.NewContext().get(), request, &response); });
  if (!status.ok()) return ReportRpcError(status);
  return Print(args, response, CaseBlock(response));
}

int ReviewRetention(const Args& args, const Connection& conn) {
  const std::string cmd = "case review";
  v1::ReviewCaseRequest request;
  request.set_name(CaseNameArg(args.positional()[0]));
  const std::string decision = args.Get("decision");
  if (decision == "retain") {
    request.set_decision(v1::RetentionReview::DECISION_RETAIN);
  } else if (decision == "dispose") {
    request.set_decision(v1::RetentionReview::DECISION_DISPOSE);
  } else {
    return ReportUsageError(absl::InvalidArgumentError("--decision: give retain or dispose"), cmd);
  }
  request.set_reason(args.Get("reason"));
  request.set_next_review_date(args.Get("next-review"));
  request.set_request_id(args.Get("request-id", NewRequestId()));
  v1::Case response;
  auto stub = CaseService::NewStub(conn.channel());
  grpc::Status status = WithRetries([&] { return stub->ReviewCase(conn.NewContext().get(), request, &response); });
  if (!status.ok()) return ReportRpcError(status);
  return Print(args, response, CaseBlock(response));
}

int CaseGet(const Args& args, const Connection& conn) {
  v1::GetCaseRequest request;
  request.set_name(CaseNameArg(args.positional()[0]));
  v1::Case response;
  grpc::Status status = CaseService::NewStub(conn.channel())->GetCase(conn.NewContext().get(), request, &response);
  if (!status.ok()) return ReportRpcError(status);
  return Print(args, response, CaseBlock(response));
}

// "YYYY-MM-DD" for a date given as such or as "today" (the UK date).
std::string ReviewDueBy(const std::string& given) {
  if (given != "today") return given;
  return absl::FormatTime("%Y-%m-%d", absl::Now(), UkTimeZone());
}

int Cases(const Args& args, const Connection& conn) {
  v1::ListCasesRequest request;
  request.set_legacy_ref(args.Get("ref"));
  request.set_subject(args.Get("subject"));
  if (args.Has("born")) {
    auto born = ParsePartialTime(args.Get("born"));
    if (!born.ok() || born->precision == TimePrecision::kMinute || born->precision == TimePrecision::kUnknown)
      return ReportUsageError(absl::InvalidArgumentError("--born must be a date, e.g. 01/02/2010 or Feb 2010"), "cases");
    *request.mutable_subject_date_of_birth() = ToProto(*born);
  }
  if (args.Has("review-due")) request.set_review_due_by(ReviewDueBy(args.Get("review-due")));
  request.set_owner(args.Get("owner"));
  request.set_team(args.Get("team"));
  auto page_size = PageSizeOption(args);
  if (!page_size.ok()) return ReportUsageError(page_size.status(), "cases");
  request.set_page_size(*page_size);
  request.set_page_token(args.Get("page-token"));
  auto stub = CaseService::NewStub(conn.channel());
  return ListPages<v1::ListCasesRequest, v1::ListCasesResponse>(
      request, args.Has("all"), args.Has("json"),
      [&](const auto& r, auto* response) { return stub->ListCases(conn.NewContext().get(), r, response); },
      [](const auto& response) {
        for (const v1::Case& c : response.cases()) std::cout << CaseLine(c) << "\n";
      });
}

// A structured record from a file ("-": stdin) in the protobuf JSON mapping of
// an Entry that holds only it, e.g. {"referral": {"toAgency": "AGENCY_CSC", ...}}.
absl::StatusOr<v1::Entry> ReadRecord(const std::string& path) {
  std::ostringstream json;
  if (path == "-") {
    json << std::cin.rdbuf();
  } else {
    std::ifstream in(path);
    if (!in) return absl::InvalidArgumentError(absl::StrCat("--record: cannot read ", path));
    json << in.rdbuf();
  }
  v1::Entry entry;
  auto parsed = google::protobuf::util::JsonStringToMessage(json.str(), &entry);
  if (!parsed.ok())
    return absl::InvalidArgumentError(absl::StrCat("--record: not an entry in JSON: ", parsed.message().as_string()));
  if (entry.record_case() == v1::Entry::RECORD_NOT_SET)
    return absl::InvalidArgumentError("--record: holds no record (e.g. {\"referral\": {...}})");
  return entry;
}

int Log(const Args& args, const Connection& conn) {
  const std::string cmd = "log";
  v1::AppendEntryRequest request;
  request.set_parent(CaseNameArg(args.positional()[0]));
  auto kind = ParseKind(args.Get("kind", "note"));
  if (!kind.ok()) return ReportUsageError(kind.status(), cmd);
  auto text = args.Require("text");
  if (!text.ok()) return ReportUsageError(text.status(), cmd);
  v1::Entry* entry = request.mutable_entry();
  if (args.Has("record")) {
    auto record = ReadRecord(args.Get("record"));
    if (!record.ok()) return ReportUsageError(record.status(), cmd);
    *entry = *std::move(record);
  }
  entry->set_kind(*kind);
  entry->set_text(*text);
  if (args.Has("occurred")) {
    auto occurred = ParseOccurred(args.Get("occurred"));
    if (!occurred.ok()) return ReportUsageError(occurred.status(), cmd);
    *entry->mutable_occur_time() = *occurred;
  }
  auto subjects = ParseSubjects(args.Get("subject"));
  if (!subjects.ok()) return ReportUsageError(subjects.status(), cmd);
  for (auto& s : *subjects) *entry->add_subjects() = std::move(s);
  AddRefs(args.Get("ref"), entry->mutable_legacy_refs());
  if (!ReadExpectedVersion(args, request)) {
    return ReportUsageError(absl::InvalidArgumentError("--expected-version must be a number"), cmd);
  }
  request.set_request_id(args.Get("request-id", NewRequestId()));
  v1::Entry response;
  auto stub = CaseService::NewStub(conn.channel());
  grpc::Status status = WithRetries([&] { return stub->AppendEntry(conn.NewContext().get(), request, &response); });
  if (!status.ok()) return ReportRpcError(status);
  return Print(args, response, absl::StrCat("logged ", TerminalSafe(response.name()), "\n"));
}

int Correct(const Args& args, const Connection& conn) {
  const std::string cmd = "correct";
  v1::CorrectEntryRequest request;
  request.set_name(CaseNameArg(args.positional()[0]));
  auto text = args.Require("text");
  if (!text.ok()) return ReportUsageError(text.status(), cmd);
  auto reason = args.Require("reason");
  if (!reason.ok()) return ReportUsageError(reason.status(), cmd);
  request.set_text(*text);
  request.set_reason(*reason);
  if (args.Has("occurred")) {
    auto occurred = ParseOccurred(args.Get("occurred"));
    if (!occurred.ok()) return ReportUsageError(occurred.status(), cmd);
    *request.mutable_occur_time() = *occurred;
  }
  request.set_request_id(args.Get("request-id", NewRequestId()));
  v1::Entry response;
  auto stub = CaseService::NewStub(conn.channel());
  grpc::Status status = WithRetries([&] { return stub->CorrectEntry(conn.NewContext().get(), request, &response); });
  if (!status.ok()) return ReportRpcError(status);
  return Print(args, response,
               absl::StrCat("logged ", TerminalSafe(response.name()), " correcting ",
                            TerminalSafe(response.supersedes()), "\n"));
}

int Show(const Args& args, const Connection& conn) {
  auto purpose = args.Require("purpose");
  if (!purpose.ok()) return ReportUsageError(purpose.status(), "show");
  const std::string format = args.Get("format", args.Has("json") ? "json" : "text");
  if (args.Has("with-documents") && format != "html")
    return ReportUsageError(absl::InvalidArgumentError("--with-documents needs --format html"), "show");
  if (format != "text" && format != "json" && format != "html")
    return ReportUsageError(absl::InvalidArgumentError(absl::StrCat("--format '", format, "' is not one of: text, json, html")),
                            "show");
  // People read a chronology in time order; JSON keeps the API's default
  // (entry number order) for scripts that rely on it.
  const std::string order = args.Get("order", format == "json" ? "recorded" : "occurred");
  if (order != "recorded" && order != "occurred")
    return ReportUsageError(absl::InvalidArgumentError(absl::StrCat("--order '", order, "' is not one of: recorded, occurred")),
                            "show");
  v1::GetCaseFileRequest request;
  request.set_name(CaseNameArg(args.positional()[0]));
  request.set_purpose(*purpose);
  if (order == "occurred") request.set_order(v1::GetCaseFileRequest::ORDER_OCCURRED);
  auto context = conn.NewContext();
  auto reader = CaseService::NewStub(conn.channel())->GetCaseFile(context.get(), request);
  v1::GetCaseFileResponse chunk;
  if (format == "html") {
    // One self-contained page (inline style, no outside assets) that prints on A4.
    v1::Case header;
    std::vector<v1::Entry> entries;
    while (reader->Read(&chunk)) {
      if (chunk.has_case_()) header = chunk.case_();
      for (v1::Entry& e : *chunk.mutable_entries()) entries.push_back(std::move(e));
    }
    grpc::Status status = reader->Finish();
    if (!status.ok()) return ReportRpcError(status);
    // Each entry's documents, on paper with their SHA-256 (one more recorded look).
    v1::ListDocumentsRequest list;
    list.set_parent(request.name());
    list.set_purpose(*purpose);
    v1::ListDocumentsResponse documents;
    status = v1::DocumentService::NewStub(conn.channel())->ListDocuments(conn.NewContext().get(), list, &documents);
    if (!status.ok()) return ReportRpcError(status);
    const web::DocumentsByEntry by_entry = web::GroupByEntry(documents.documents());
    web::CaseFilePageOptions options;
    options.purpose = *purpose;
    options.entry_extra_html = [&by_entry](const v1::Entry& e) { return web::EntryDocumentsHtml(e.number(), by_entry, {}); };
    options.body_left_open = args.Has("with-documents");
    std::cout << web::CaseFilePage(header, entries, options);
    if (!options.body_left_open) return kExitOk;
    // Then each document itself, each read recorded with the same purpose.
    std::vector<int64_t> numbers;
    for (const v1::Entry& e : entries) numbers.push_back(e.number());
    status = web::WriteDocumentAppendix(
        *v1::DocumentService::NewStub(conn.channel()), [&conn] { return conn.NewContext(); },
        web::DocumentsOfEntries(by_entry, numbers), *purpose, [](absl::string_view html) {
          return static_cast<bool>(std::cout.write(html.data(), static_cast<std::streamsize>(html.size())));
        });
    std::cout << web::kHtmlDocumentEnd << std::flush;
    return status.ok() ? kExitOk : ReportRpcError(status);
  }
  while (reader->Read(&chunk)) {
    if (format == "json") {
      std::cout << ToJson(chunk) << "\n";
      continue;
    }
    if (chunk.has_case_()) std::cout << CaseBlock(chunk.case_()) << "\n";
    for (const v1::Entry& e : chunk.entries()) std::cout << EntryBlock(e, args.Has("sources"));
  }
  grpc::Status status = reader->Finish();
  return status.ok() ? kExitOk : ReportRpcError(status);
}

int Watch(const Args& args, const Connection& conn) {
  auto purpose = args.Require("purpose");
  if (!purpose.ok()) return ReportUsageError(purpose.status(), "watch");
  v1::WatchCaseRequest request;
  request.set_name(CaseNameArg(args.positional()[0]));
  request.set_purpose(*purpose);
  int64_t after = 0;
  if (args.Has("after") && !absl::SimpleAtoi(args.Get("after"), &after))
    return ReportUsageError(absl::InvalidArgumentError("--after must be a number"), "watch");
  request.set_after_version(after);
  auto context = conn.NewContext();
  auto reader = CaseService::NewStub(conn.channel())->WatchCase(context.get(), request);
  v1::WatchCaseResponse batch;
  while (reader->Read(&batch)) {
    for (const v1::Entry& e : batch.entries()) {
      std::cout << (args.Has("json") ? ToJson(e) + "\n" : EntryBlock(e, false)) << std::flush;
    }
  }
  grpc::Status status = reader->Finish();
  return status.ok() ? kExitOk : ReportRpcError(status);
}

}  // namespace

void AddCaseCommands(CommandLine& line) {
  constexpr char kRequestId[] = "idempotency key: a retry with the same ID writes nothing more";
  constexpr char kSubjects[] = "'Forename SURNAME (dd/mm/yyyy)[; ...]'";
  constexpr char kCase[] = "the case, e.g. CF-000001 or cases/CF-000001";

  CLI::App* c = line.Add("case create", "open a new case", CaseCreate);
  AddValueOption(c, "--title", "TITLE", "what the case is about")->required();
  AddValueOption(c, "--ref", "REF[,REF...]", "its legacy references");
  AddValueOption(c, "--subject", "SUBJECTS", kSubjects);
  AddValueOption(c, "--id", "CASE_ID", "its id (e.g. CF-000042); the server picks the next without one");
  AddValueOption(c, "--request-id", "ID", kRequestId);
  AddValueOption(c, "--restrict-users", "USER[,USER...]", "keep the case to these users");
  AddValueOption(c, "--restrict-teams", "TEAM[,TEAM...]", "and to these teams");
  c->footer("A restricted case exists only for the users and teams named (and admins);\n"
            "name yourself or one of your teams.");

  c = line.Add("restrict", "keep a case to named users and teams, or lift that (need to know)", Restrict);
  AddWord(c, "CASE", kCase);
  AddValueOption(c, "--users", "USER[,USER...]", "the users who may see the case");
  AddValueOption(c, "--teams", "TEAM[,TEAM...]", "the teams who may see the case");
  AddSwitch(c, "--lift", "lift the restriction instead");
  AddValueOption(c, "--reason", "TEXT", "why (kept in the audit trail)");
  c->footer("Give --users and/or --teams, or --lift. To everyone not named (admins apart) the case\n"
            "does not exist: it is left out of every list and search, and reading it is NOT_FOUND.\n"
            "You must stay named.");

  c = line.Add("assign", "give a case to another owner and/or team", Assign);
  AddWord(c, "CASE", kCase);
  AddValueOption(c, "--owner", "USER", "the new owner's user id");
  AddValueOption(c, "--team", "TEAM", "the new team");
  AddValueOption(c, "--reason", "TEXT", "why")->required();
  AddValueOption(c, "--expected-version", "N", "assign only if the case is at this version");
  AddValueOption(c, "--request-id", "ID", kRequestId);
  c->footer("Investigators of the case's team, and admins, may assign it. The assignment is an entry\n"
            "of the chronology and an audit record; need to know is not changed.");

  c = line.Add("case get", "show a case header", CaseGet);
  AddWord(c, "CASE", kCase);

  c = line.Add("cases", "list cases, by legacy reference, subject name, retention review date, owner or team",
               Cases);
  AddValueOption(c, "--ref", "REF", "the cases with this legacy reference");
  AddValueOption(c, "--subject", "'NAME WORDS'",
                 "the cases of the persons of this name (typing slips, nicknames, sound-alikes;\n"
                 "best match first), then the other cases with a subject of these words;\n"
                 "a date of birth may follow the name: 'zed pane 01/02/2010', 'zed pane Feb 2010'");
  AddValueOption(c, "--born", "dd/mm/yyyy",
                 "only persons born then (a day, or a month with --subject);\n"
                 "alone: the cases of everyone born that day");
  AddValueOption(c, "--owner", "USER", "the cases of this owner, most recently written first");
  AddValueOption(c, "--team", "TEAM", "the cases of this team, most recently written first");
  AddValueOption(c, "--review-due", "today|YYYY-MM-DD",
                 "the cases due for a retention review on or before the date, soonest first\n"
                 "(a case never reviewed is due a year after it was opened)");
  AddValueOption(c, "--page-size", "N", "cases a page (the server's default without it)");
  AddValueOption(c, "--page-token", "T", "the page that an earlier one said is next");
  AddSwitch(c, "--all", "every page");

  c = line.Add("case review", "record a retention review of a case (Management of Police Information)",
               ReviewRetention);
  AddWord(c, "CASE", kCase);
  AddValueOption(c, "--decision", "retain|dispose", "keep the case, or dispose of it")->required();
  AddValueOption(c, "--reason", "TEXT", "why");
  AddValueOption(c, "--next-review", "YYYY-MM-DD", "when to review it again (to retain)");
  AddValueOption(c, "--request-id", "ID", kRequestId);
  c->footer("The review is kept on the case and as an entry of its chronology. After a decision to\n"
            "dispose, an admin erases the case (casefile admin erase).");

  c = line.Add("case subjects", "correct a case's subjects (each is matched to a person again)", CorrectSubjects);
  AddWord(c, "CASE", kCase);
  AddValueOption(c, "--subject", "SUBJECTS", "every subject as it should be, in order: " + std::string(kSubjects))
      ->required();
  AddValueOption(c, "--reason", "REASON", "why they are corrected")->required();
  AddValueOption(c, "--expected-version", "N", "correct only if the case is at this version");
  AddValueOption(c, "--request-id", "ID", kRequestId);
  c->footer("The correction is an entry of the chronology. A subject written exactly as before keeps\n"
            "its person; a changed one is matched again.");

  c = line.Add("log", "append an entry to a case's chronology", Log);
  AddWord(c, "CASE", kCase);
  AddValueOption(c, "--kind", "KIND",
                 "note (the default), enquiry, contact, visit, strategy-discussion,\n"
                 "referral, custody, missing-episode, review, interview, assessment");
  AddValueOption(c, "--text", "TEXT", "the entry's text")->required();
  AddValueOption(c, "--occurred", "WHEN",
                 "when it happened, keeping the precision given:\n'12/11/2012 14:30', '12/11/2012', 'Nov 2012'");
  AddValueOption(c, "--subject", "SUBJECTS", kSubjects);
  AddValueOption(c, "--ref", "REF[,REF...]", "its legacy references");
  AddValueOption(c, "--record", "FILE.json",
                 "the structured record (safeguarding.proto) as protobuf JSON of an\n"
                 "entry that holds only it ('-': stdin), e.g.\n"
                 "{\"referral\": {\"toAgency\": \"AGENCY_CSC\", ...}}; strategy-discussion,\n"
                 "referral, custody, missing-episode and assessment need one");
  AddValueOption(c, "--expected-version", "N", "append only if the case is at this version");
  AddValueOption(c, "--request-id", "ID", kRequestId);

  c = line.Add("correct", "append a correction that supersedes an entry", Correct);
  AddWord(c, "ENTRY", "the entry to correct, e.g. CF-000001/entries/3");
  AddValueOption(c, "--text", "TEXT", "the corrected text")->required();
  AddValueOption(c, "--reason", "REASON", "why it is corrected")->required();
  AddValueOption(c, "--occurred", "WHEN", "the corrected time (else the entry's is kept)");
  AddValueOption(c, "--request-id", "ID", kRequestId);

  c = line.Add("show", "print a whole case file (the access is recorded)", Show);
  AddWord(c, "CASE", kCase);
  AddValueOption(c, "--purpose", "'WHY'", "why you are looking (recorded with the access)")->required();
  AddSwitch(c, "--sources", "every legacy source of each entry, with its locator and text as read");
  AddValueOption(c, "--format", "text|json|html", "text by default (json with --json)");
  AddValueOption(c, "--order", "occurred|recorded",
                 "time order (by when each entry happened; text and html by default)\nor entry number order (json by default)");
  AddSwitch(c, "--with-documents",
            "with --format html: after the chronology, each entry's documents themselves\n"
            "(images, PDF pages, text; each read recorded with the purpose)");
  c->footer("--format html writes one self-contained page (no outside assets) that prints on A4\n"
            "with page numbers, the case reference and OFFICIAL-SENSITIVE on every page.\n"
            "--with-documents appends PNG and JPEG images up to 20 MiB, the first 30 pages of each\n"
            "PDF (drawn by pdftoppm) and text up to 1 MiB; TIFF and Word documents are named only.");

  c = line.Add("watch", "follow a case's new entries live (the watch is recorded)", Watch);
  AddWord(c, "CASE", kCase);
  AddValueOption(c, "--purpose", "'WHY'", "why you are watching (recorded)")->required();
  AddValueOption(c, "--after", "VERSION", "only the entries after this one (else the whole chronology first)");
}

}  // namespace casefile::cli
