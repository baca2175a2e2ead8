// The migration operator's commands: import, imports list|show, review.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>
#include <unistd.h>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "casefile/v1/import.grpc.pb.h"
#include "cli/command.h"
#include "cli/list_pages.h"
#include "cli/output.h"
#include "cli/terminal_safe.h"
#include "client/folder_upload.h"
#include "core/time/partial_time.h"
#include "core/time/partial_time_proto.h"

namespace casefile::cli {
namespace {

namespace fs = std::filesystem;
using v1::ImportService;

std::string WithPrefix(const std::string& arg, absl::string_view prefix) {
  return absl::StartsWith(arg, prefix) ? arg : absl::StrCat(prefix, arg);
}

std::string ReportText(const v1::Import& r) {
  const v1::ImportCounts& c = r.counts();
  std::string out = absl::StrFormat(
      "%s%s  %s\n"
      "  files              %d (%d not recognised)\n"
      "  records read       %d (%d already imported before: skipped; %d same place, different content: imported)\n"
      "  new entries        %d\n"
      "  merged duplicates  %d exact, %d near (pasted, re-flowed, prefixed, mistyped, shortened)\n"
      "  sent to review     %d   (casefile review list)\n"
      "  rejected           %d\n"
      "  nominal records    %d   persons in the index: %d\n"
      "  cases with entries %d\n",
      r.dry_run() ? "DRY RUN — nothing was written" : TerminalSafe(r.name()), r.label().empty() ? "" : "  ",
      TerminalSafe(r.label()), c.files(), c.files_unrecognised(), c.records_read(), c.records_already_imported(),
      c.records_changed(), c.new_entries(), c.exact_duplicates_merged(), c.near_duplicates_merged(),
      c.sent_to_review(), c.rejected(), c.nominal_records(), c.persons(), r.cases_size());
  if (c.documents_read() > 0) {
    absl::StrAppend(&out, absl::StrFormat("  documents          %d read: %d attached, %d already attached (the same "
                                          "content in the case), %d rejected\n",
                                          c.documents_read(), c.documents_attached(), c.documents_already_attached(),
                                          c.documents_rejected()));
  }
  if (!r.rejections().empty()) absl::StrAppend(&out, "\nNot imported:\n");
  for (const v1::Rejection& x : r.rejections())
    absl::StrAppend(&out, "  ", TerminalSafe(x.locator()), ": ", TerminalSafe(x.reason()), "\n");
  if (r.rejections_size() < c.rejected())
    absl::StrAppend(&out, "  (first ", r.rejections_size(), " listed; imports show ", TerminalSafe(r.name()),
                    " --rejected lists all, with their content)\n");
  if (c.dates_partly_read() > 0)
    absl::StrAppend(&out, "\nDate partly read (imported; the date kept as written beside what could be read",
                    r.partly_read_dates_size() < c.dates_partly_read() ? absl::StrCat("; first ", r.partly_read_dates_size(), " listed") : "",
                    "):\n");
  for (const v1::PartlyReadDate& x : r.partly_read_dates())
    absl::StrAppend(&out, "  ", TerminalSafe(x.locator()), ": '", TerminalSafe(x.as_written()), "' ", TerminalSafe(x.note()), "\n");
  if (!r.changed_records().empty())
    absl::StrAppend(&out, "\nSame place, different content (imported beside the earlier record",
                    r.changed_records_size() < c.records_changed() ? absl::StrCat("; first ", r.changed_records_size(), " listed") : "",
                    "):\n");
  for (const v1::ChangedRecord& x : r.changed_records()) {
    absl::StrAppend(&out, "  ", TerminalSafe(x.locator()), "  now ", TerminalSafe(x.record()), x.case_().empty() ? "" : " in ",
                    TerminalSafe(x.case_()), "; before: ", TerminalSafe(x.previous_record()),
                    x.previous_import().empty() ? "" : " from ", TerminalSafe(x.previous_import()), "\n");
  }
  if (!r.unlisted_refs().empty()) absl::StrAppend(&out, "\nReferences missing from the case cross-reference:\n");
  for (const v1::CaseResolution& x : r.unlisted_refs())
    absl::StrAppend(&out, "  ", TerminalSafe(x.legacy_ref()), " → ", TerminalSafe(x.case_()), "  (",
                    TerminalSafe(x.how()), ")\n");
  if (!r.ref_conflicts().empty())
    absl::StrAppend(&out, "\nRecords naming references of different cases (check the cross-reference):\n");
  for (const v1::RefConflict& x : r.ref_conflicts()) {
    std::vector<std::string> pairs;
    for (int i = 0; i < x.legacy_refs_size() && i < x.cases_size(); ++i)
      pairs.push_back(absl::StrCat(TerminalSafe(x.legacy_refs(i)), " (", TerminalSafe(x.cases(i)), ")"));
    absl::StrAppend(&out, "  ", absl::StrJoin(pairs, ", "), ": ", x.records(), x.records() == 1 ? " record" : " records",
                    " filed under ", TerminalSafe(x.filed_under()), ", e.g. ", TerminalSafe(x.example_locator()), "\n");
  }
  return out;
}

std::string ProgressLine(const v1::ImportProgress& p, size_t files_total, uint64_t bytes_total,
                         absl::Time start) {
  double seconds = std::max(1e-3, absl::ToDoubleSeconds(absl::Now() - start));
  double rate = p.records_read() / seconds;
  std::string line = absl::StrFormat("\r%-26s files %d/%d  records %d  %.0f records/s", TerminalSafe(p.stage()),
                                     p.files_read(), files_total, p.records_read(), rate);
  if (p.stage() == "reading" && p.bytes_read() > 0 && p.bytes_read() < static_cast<int64_t>(bytes_total)) {
    double eta = seconds * (static_cast<double>(bytes_total) / p.bytes_read() - 1);
    absl::StrAppendFormat(&line, "  ETA %.0fs", eta);
  }
  if (p.cases_total() > 0) absl::StrAppendFormat(&line, "  cases %d/%d", p.cases_written(), p.cases_total());
  return line + "   ";
}

// "skipped: <path>: <reason>" on stderr: a folder entry not uploaded.
void PrintSkipped(const client::SkippedPath& skip) {
  std::fprintf(stderr, "skipped: %s: %s\n", TerminalSafe(skip.path).c_str(), TerminalSafe(skip.reason).c_str());
}

int Import(const Args& args, const Connection& conn) {
  auto listing = client::ListFolder(args.positional()[0]);
  if (!listing.ok()) return ReportUsageError(listing.status(), "import");
  for (const client::SkippedPath& skip : listing->skipped) PrintSkipped(skip);
  v1::ImportOptions options;
  options.set_dry_run(args.Has("dry-run"));
  options.set_label(args.Get("label", fs::path(listing->root).filename().string()));
  const absl::Time start = absl::Now();
  const bool interactive = isatty(fileno(stderr));
  auto stub = ImportService::NewStub(conn.channel());
  auto context = conn.NewContext();
  client::UploadResult result =
      client::UploadFolder(*stub, context.get(), *listing, options, [&](const v1::ImportProgress& p) {
        if (interactive || p.stage() != "reading") {
          std::fprintf(stderr, "%s%s", ProgressLine(p, listing->paths.size(), listing->bytes, start).c_str(),
                       interactive ? "" : "\n");
        }
        return true;
      });
  if (interactive) std::fprintf(stderr, "\n");
  // Those the listing found are printed already; these went at upload time.
  for (size_t i = listing->skipped.size(); i < result.skipped.size(); ++i) PrintSkipped(result.skipped[i]);
  if (!result.local_error.empty()) {
    std::fprintf(stderr, "error: %s\n", TerminalSafe(result.local_error).c_str());
    return kExitUsage;
  }
  if (!result.status.ok()) return ReportRpcError(result.status);
  std::cout << (args.Has("json") ? ToJson(result.report) + "\n" : ReportText(result.report));
  if (!result.skipped.empty()) {
    std::fprintf(stderr, "%zu %s of the folder not uploaded: see the 'skipped:' lines above\n", result.skipped.size(),
                 result.skipped.size() == 1 ? "entry" : "entries");
  }
  return kExitOk;
}

// Every rejected record of an import, page by page, with its content.
int ImportsShowRejected(const std::string& name, const Args& args, const Connection& conn) {
  v1::ListRejectedRecordsRequest request;
  request.set_parent(name);
  request.set_page_size(1000);
  auto stub = ImportService::NewStub(conn.channel());
  return ListPages<v1::ListRejectedRecordsRequest, v1::ListRejectedRecordsResponse>(
      request, /*all=*/true, args.Has("json"),
      [&](const auto& r, auto* page) { return stub->ListRejectedRecords(conn.NewContext().get(), r, page); },
      [](const auto& page) {
        for (const v1::Rejection& r : page.rejections())
          std::cout << TerminalSafe(r.locator()) << ": " << TerminalSafe(r.reason()) << "\n"
                    << Indented(TerminalSafeText(r.raw()), "    | ") << "\n";
      });
}

int ImportsShow(const Args& args, const Connection& conn) {
  if (args.Has("rejected")) return ImportsShowRejected(WithPrefix(args.positional()[0], "imports/"), args, conn);
  v1::GetImportRequest request;
  request.set_name(WithPrefix(args.positional()[0], "imports/"));
  v1::Import report;
  grpc::Status status = ImportService::NewStub(conn.channel())->GetImport(conn.NewContext().get(), request, &report);
  if (!status.ok()) return ReportRpcError(status);
  std::cout << (args.Has("json") ? ToJson(report) + "\n" : ReportText(report));
  return kExitOk;
}

// Every import, newest first: one line each with its counts.
int ImportsList(const Args& args, const Connection& conn) {
  v1::ListImportsRequest request;
  auto page_size = PageSizeOption(args);
  if (!page_size.ok()) return ReportUsageError(page_size.status(), "imports list");
  request.set_page_size(*page_size);
  request.set_page_token(args.Get("page-token"));
  auto stub = ImportService::NewStub(conn.channel());
  return ListPages<v1::ListImportsRequest, v1::ListImportsResponse>(
      request, args.Has("all"), args.Has("json"),
      [&](const auto& r, auto* page) { return stub->ListImports(conn.NewContext().get(), r, page); },
      [](const auto& page) {
        for (const v1::Import& i : page.imports())
          std::cout << absl::StrFormat("%s  %s  by %s  %d records read, %d new entries, %d sent to review, %d rejected\n",
                                       TerminalSafe(i.name()), TerminalSafe(i.label()), TerminalSafe(i.operator_()),
                                       i.counts().records_read(), i.counts().new_entries(),
                                       i.counts().sent_to_review(), i.counts().rejected());
      });
}

std::string SideText(const v1::ReviewSide& side) {
  const bool versioned = !side.record().empty() && side.record() != side.locator();
  return absl::StrCat("    ", TerminalSafe(side.locator()), "  ", FormatPartialTime(FromProto(side.occurred())),
                      side.import().empty() ? "" : "  from ", TerminalSafe(side.import()),
                      versioned ? "  record " : "", versioned ? TerminalSafe(side.record()) : "", "\n      | ",
                      TerminalSafeText(side.text()), "\n");
}

std::string ItemText(const v1::ReviewItem& item, bool full) {
  std::string kind = item.kind() == v1::ReviewItem::KIND_PERSON ? "person" : "event";
  const std::string by = TerminalSafe(item.decided_by());
  std::string decision = item.decision() == v1::ReviewItem::DECISION_MERGE      ? "  [merged by " + by + "]"
                         : item.decision() == v1::ReviewItem::DECISION_SEPARATE ? "  [kept apart by " + by + "]"
                                                                               : "";
  std::string out = absl::StrFormat("%s  %-6s score %.1f  %s%s%s\n", TerminalSafe(item.name()), kind, item.score(),
                                    TerminalSafe(item.case_()), item.case_().empty() ? "" : "  ",
                                    TerminalSafe(item.reason()));
  absl::StrAppend(&out, decision.empty() ? "" : decision + "\n");
  if (full) absl::StrAppend(&out, "  left:\n", SideText(item.left()), "  right:\n", SideText(item.right()));
  return out;
}

int ReviewList(const Args& args, const Connection& conn) {
  v1::ListReviewItemsRequest request;
  request.set_show_resolved(args.Has("all"));
  auto page_size = PageSizeOption(args);
  if (!page_size.ok()) return ReportUsageError(page_size.status(), "review list");
  request.set_page_size(*page_size);
  request.set_page_token(args.Get("page-token"));
  v1::ListReviewItemsResponse response;
  grpc::Status status =
      ImportService::NewStub(conn.channel())->ListReviewItems(conn.NewContext().get(), request, &response);
  if (!status.ok()) return ReportRpcError(status);
  if (args.Has("json")) {
    std::cout << ToJson(response) << "\n";
    return kExitOk;
  }
  if (response.review_items().empty()) std::cout << "nothing waits for review\n";
  for (const v1::ReviewItem& item : response.review_items()) std::cout << ItemText(item, false);
  if (!response.next_page_token().empty())
    std::cout << "more: --page-token " << TerminalSafe(response.next_page_token()) << "\n";
  return kExitOk;
}

int ReviewShow(const Args& args, const Connection& conn) {
  v1::GetReviewItemRequest request;
  request.set_name(WithPrefix(args.positional()[0], "reviewItems/"));
  v1::ReviewItem item;
  grpc::Status status = ImportService::NewStub(conn.channel())->GetReviewItem(conn.NewContext().get(), request, &item);
  if (!status.ok()) return ReportRpcError(status);
  std::cout << (args.Has("json") ? ToJson(item) + "\n" : ItemText(item, true));
  return kExitOk;
}

int ReviewDecide(const Args& args, const Connection& conn, v1::ReviewItem::Decision decision) {
  v1::ResolveReviewItemRequest request;
  request.set_name(WithPrefix(args.positional()[0], "reviewItems/"));
  request.set_decision(decision);
  v1::ReviewItem item;
  grpc::Status status = WithRetries(
      [&] { return ImportService::NewStub(conn.channel())->ResolveReviewItem(conn.NewContext().get(), request, &item); });
  if (!status.ok()) return ReportRpcError(status);
  std::cout << (args.Has("json") ? ToJson(item) + "\n" : ItemText(item, false));
  return kExitOk;
}

int SeparateRecord(const Args& args, const Connection& conn) {
  v1::SeparateRecordRequest request;
  request.set_locator(args.positional()[0]);
  v1::SeparateRecordResponse response;
  grpc::Status status = WithRetries(
      [&] { return ImportService::NewStub(conn.channel())->SeparateRecord(conn.NewContext().get(), request, &response); });
  if (!status.ok()) return ReportRpcError(status);
  if (args.Has("json")) {
    std::cout << ToJson(response) << "\n";
    return kExitOk;
  }
  for (const v1::Entry& e : response.entries()) {
    std::cout << TerminalSafe(e.name()) << "  " << FormatPartialTime(FromProto(e.occur_time())) << "  " << e.sources_size()
              << (e.sources_size() == 1 ? " source" : " sources") << "\n";
  }
  for (const v1::Person& p : response.persons()) {
    std::cout << TerminalSafe(p.name()) << "  " << TerminalSafe(p.forename()) << " " << TerminalSafe(p.surname())
              << "  " << p.sources_size()
              << (p.sources_size() == 1 ? " record" : " records") << "\n";
  }
  return kExitOk;
}

}  // namespace

void AddImportCommands(CommandLine& line) {
  constexpr char kItem[] = "the review item, e.g. e-3f0c... or reviewItems/e-3f0c...";
  CLI::App* c = line.Add("import", "import a folder of legacy records (progress on stderr, report on stdout)", Import);
  AddWord(c, "FOLDER", "the folder of legacy records");
  AddSwitch(c, "--dry-run", "report what would happen; write nothing");
  AddValueOption(c, "--label", "LABEL", "the import's label (the folder's name without it)");
  c->footer("Reads paper-file transcriptions, investigation logs (.txt, .docx), crime exports, the\n"
            "nominal index and case_xref.csv, recognised by content. Re-running a folder adds nothing.");

  c = line.Add("imports show", "show the report of an earlier import", ImportsShow);
  AddWord(c, "IMPORT", "the import, e.g. imp-000001 or imports/imp-000001");
  AddSwitch(c, "--rejected",
            "every record that could not be read, with its reason and its content as read");

  c = line.Add("imports list", "every import, newest first, with its counts", ImportsList);
  AddSwitch(c, "--all", "every page");
  AddValueOption(c, "--page-size", "N", "imports a page (the server's default without it)");
  AddValueOption(c, "--page-token", "T", "the page that an earlier one said is next");

  c = line.Add("review list", "uncertain matches waiting for an operator, strongest first", ReviewList);
  AddSwitch(c, "--all", "decided items too");
  AddValueOption(c, "--page-size", "N", "items a page (the server's default without it)");
  AddValueOption(c, "--page-token", "T", "the page that an earlier one said is next");

  c = line.Add("review show", "both sides of a review item", ReviewShow);
  AddWord(c, "ITEM", kItem);

  c = line.Add("review merge", "decide that both sides are the same", [](const Args& args, const Connection& conn) {
    return ReviewDecide(args, conn, v1::ReviewItem::DECISION_MERGE);
  });
  AddWord(c, "ITEM", kItem);

  c = line.Add("review separate", "decide that the sides differ (kept apart in every later import)",
               [](const Args& args, const Connection& conn) {
                 return ReviewDecide(args, conn, v1::ReviewItem::DECISION_SEPARATE);
               });
  AddWord(c, "ITEM", kItem);

  c = line.Add("separate", "undo a merge: take one legacy record out of the entry or person it was merged into",
               SeparateRecord);
  AddWord(c, "LOCATOR", "the record's id as 'casefile show CASE --sources' or 'casefile persons get PERSON'\n"
                        "list it: its locator, or LOCATOR@DIGEST for a later batch's record from the same place");
  c->footer("An entry is superseded (still shown, linked) by the record's own entry and one for the\n"
            "records left; a person keeps its id and the record gets its own. Later imports keep them\n"
            "apart.");
}

}  // namespace casefile::cli
