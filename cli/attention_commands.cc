// The attention commands: attention (the lists), attention watch (live).
#include <iostream>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "casefile/v1/attention.grpc.pb.h"
#include "cli/command.h"
#include "cli/list_pages.h"
#include "cli/output.h"
#include "cli/record_output.h"

namespace casefile::cli {
namespace {

using v1::AttentionService;

std::vector<v1::AttentionList> AllLists() {
  std::vector<v1::AttentionList> lists;
  for (int l = 1; v1::AttentionList_IsValid(l); ++l) lists.push_back(static_cast<v1::AttentionList>(l));
  return lists;
}

// "actions-overdue,repeated-missing" → the lists; every list when empty.
absl::StatusOr<std::vector<v1::AttentionList>> ParseLists(const std::string& text) {
  if (text.empty()) return AllLists();
  std::vector<v1::AttentionList> lists;
  for (absl::string_view word : absl::StrSplit(text, ',', absl::SkipWhitespace())) {
    v1::AttentionList list;
    const std::string name = absl::StrCat(
        "ATTENTION_LIST_", absl::AsciiStrToUpper(absl::StrReplaceAll(word, {{"-", "_"}, {" ", "_"}})));
    if (!v1::AttentionList_Parse(name, &list) || list == v1::ATTENTION_LIST_UNSPECIFIED) {
      std::vector<std::string> known;
      for (v1::AttentionList l : AllLists()) known.push_back(absl::StrReplaceAll(AttentionListName(l), {{" ", "-"}}));
      return absl::InvalidArgumentError(
          absl::StrCat("--list '", word, "' is not one of: ", absl::StrJoin(known, ", ")));
    }
    lists.push_back(list);
  }
  return lists;
}

int List(const Args& args, const Connection& conn) {
  const std::string cmd = "attention";
  auto lists = ParseLists(args.Get("list"));
  if (!lists.ok()) return ReportUsageError(lists.status(), cmd);
  if (lists->size() > 1 && args.Has("page-token"))
    return ReportUsageError(absl::InvalidArgumentError("--page-token needs one --list"), cmd);
  auto page_size = PageSizeOption(args);
  if (!page_size.ok()) return ReportUsageError(page_size.status(), cmd);
  auto stub = AttentionService::NewStub(conn.channel());
  for (v1::AttentionList list : *lists) {
    v1::ListAttentionItemsRequest request;
    request.set_list(list);
    request.set_team(args.Get("team"));
    request.set_page_size(*page_size);
    request.set_page_token(args.Get("page-token"));
    if (!args.Has("json")) std::cout << "== " << AttentionListName(list) << "\n";
    int code = ListPages<v1::ListAttentionItemsRequest, v1::ListAttentionItemsResponse>(
        request, args.Has("all"), args.Has("json"),
        [&](const auto& r, auto* response) {
          return stub->ListAttentionItems(conn.NewContext().get(), r, response);
        },
        [](const auto& response) {
          if (response.items().empty()) std::cout << "   (none)\n";
          for (const v1::AttentionItem& item : response.items()) std::cout << AttentionItemBlock(item);
        });
    if (code != kExitOk) return code;
  }
  return kExitOk;
}

int Watch(const Args& args, const Connection& conn) {
  const std::string cmd = "attention watch";
  auto lists = ParseLists(args.Get("list"));
  if (!lists.ok()) return ReportUsageError(lists.status(), cmd);
  v1::WatchAttentionRequest request;
  if (args.Has("list")) {
    for (v1::AttentionList list : *lists) request.add_lists(list);
  }
  request.set_team(args.Get("team"));
  auto context = conn.NewContext();
  auto reader = AttentionService::NewStub(conn.channel())->WatchAttention(context.get(), request);
  v1::WatchAttentionResponse batch;
  while (reader->Read(&batch)) {
    if (args.Has("json")) {
      std::cout << ToJson(batch) << "\n" << std::flush;
      continue;
    }
    for (const v1::AttentionItem& item : batch.items())
      std::cout << "[" << AttentionListName(item.list()) << "] " << AttentionItemBlock(item) << std::flush;
  }
  grpc::Status status = reader->Finish();
  return status.ok() ? kExitOk : ReportRpcError(status);
}

constexpr char kLists[] =
    "the lists (several: a,b; every list without it): significant-harm-referrals,\n"
    "strategy-discussion-overdue, section47-without-strategy-discussion,\n"
    "referral-feedback-overdue, actions-overdue, repeated-missing, appropriate-adult-wait,\n"
    "detained-after-charge";
constexpr char kTeam[] =
    "only items for this team (significant-harm referrals are for the specialist team,\n"
    "casefiled --specialist_team; others for the teams a case is restricted to)";

}  // namespace

void AddAttentionCommands(CommandLine& line) {
  CLI::App* c = line.Add("attention", "what needs attention: overdue strategy discussions, actions, feedback, ...",
                         List);
  AddValueOption(c, "--list", "LIST", kLists);
  AddValueOption(c, "--team", "TEAM", kTeam);
  AddValueOption(c, "--page-size", "N", "items a page (the server's default without it)");
  AddValueOption(c, "--page-token", "T", "the page that an earlier one said is next (one --list)");
  AddSwitch(c, "--all", "every page");
  c->footer("Each list shows what is due now, oldest first; every list read is audited.");

  c = line.Add("attention watch", "follow new attention items live (e.g. significant-harm referrals)", Watch);
  AddValueOption(c, "--list", "LIST", kLists);
  AddValueOption(c, "--team", "TEAM", kTeam);
  c->footer("First what is due now, then each new item as soon as it is stored.");
}

}  // namespace casefile::cli
