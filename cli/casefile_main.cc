// casefile: the command-line client of casefiled.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "cli/command.h"
#include "cli/terminal_safe.h"

namespace casefile::cli {
namespace {

constexpr char kGlobalHelp[] =
    "Global options, before or after the command:\n"
    "  --server HOST:PORT (or CASEFILE_SERVER, default 127.0.0.1:50051),\n"
    "  --token TOKEN (or CASEFILE_TOKEN; without one, the session of 'casefile login'),\n"
    "  --json (protobuf JSON output), --help,\n"
    "  --ca PEM (or CASEFILE_CA): connect with TLS, trusting this certificate authority;\n"
    "  --cert PEM --key PEM (or CASEFILE_CERT, CASEFILE_KEY): a client certificate (mutual TLS)\n";

void PrintOverview(const std::vector<Command>& commands) {
  std::cout << "casefile — the client of the casefile chronology service.\n\nCommands:\n";
  for (const Command& c : commands) std::printf("  %-16s %s\n", c.name.c_str(), c.summary.c_str());
  std::cout << "\n" << kGlobalHelp << "\n'casefile COMMAND --help' explains one command.\n";
}

int Main(int argc, char** argv) {
  std::vector<Command> commands = CaseCommands();
  for (Command& c : ImportCommands()) commands.push_back(std::move(c));
  for (Command& c : PersonCommands()) commands.push_back(std::move(c));
  for (Command& c : AdminCommands()) commands.push_back(std::move(c));
  for (Command& c : AuditCommands()) commands.push_back(std::move(c));
  for (Command& c : AttentionCommands()) commands.push_back(std::move(c));
  for (Command& c : SessionCommands()) commands.push_back(std::move(c));
  // Global options may come before the command as well as after it.
  auto line = SplitGlobalOptions(std::vector<std::string>(argv + 1, argv + argc));
  if (!line.ok()) {
    std::fprintf(stderr, "error: %s\n", TerminalSafe(line.status().message()).c_str());
    PrintOverview(commands);
    return kExitUsage;
  }
  const std::vector<std::string>& words = line->rest;
  const bool help_first = std::find(line->global.begin(), line->global.end(), "--help") != line->global.end();
  if (words.empty() || words[0] == "help") {
    PrintOverview(commands);
    return words.empty() && !help_first ? kExitUsage : kExitOk;
  }
  // Longest match first: "case create" before "case".
  const Command* command = nullptr;
  size_t used = 0;
  for (const Command& c : commands) {
    std::vector<std::string> parts = absl::StrSplit(c.name, ' ');
    if (parts.size() <= words.size() && std::equal(parts.begin(), parts.end(), words.begin()) &&
        parts.size() > used) {
      command = &c;
      used = parts.size();
    }
  }
  if (command == nullptr) {
    std::fprintf(stderr, "error: unknown command '%s'\n", TerminalSafe(words[0]).c_str());
    PrintOverview(commands);
    return kExitUsage;
  }
  std::set<std::string> switches = command->switches;
  switches.insert(kGlobalSwitches.begin(), kGlobalSwitches.end());
  // The leading global options go first, so that a command's own trailing
  // option that lacks its value still reports so rather than taking one of them.
  std::vector<std::string> command_words = line->global;
  command_words.insert(command_words.end(), words.begin() + used, words.end());
  auto args = Args::Parse(command_words, switches);
  if (!args.ok()) return ReportUsageError(args.status(), command->name);
  if (args->Has("help")) {
    std::cout << command->summary << "\n\nUsage: " << command->usage << "\n\n" << kGlobalHelp;
    return kExitOk;
  }
  std::set<std::string> known = command->options;
  known.insert(switches.begin(), switches.end());
  known.insert(kGlobalValueOptions.begin(), kGlobalValueOptions.end());
  if (absl::Status s = args->CheckKnown(known); !s.ok()) return ReportUsageError(s, command->name);
  if (absl::Status s = Connection::CheckCredentials(*args); !s.ok()) return ReportUsageError(s, command->name);
  return command->run(*args, Connection(*args));
}

}  // namespace
}  // namespace casefile::cli

int main(int argc, char** argv) { return casefile::cli::Main(argc, argv); }
