// casefile: the command-line client of casefiled.
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/command_line.h"
#include "cli/terminal_safe.h"

namespace casefile::cli {
namespace {

int Main(int argc, char** argv) {
  CommandLine line;
  AddCaseCommands(line);
  AddImportCommands(line);
  AddPersonCommands(line);
  AddAdminCommands(line);
  AddAuditCommands(line);
  AddAttentionCommands(line);
  AddReportCommands(line);
  AddSessionCommands(line);
  AddSupervisionCommands(line);
  AddDocumentCommands(line);
  CommandLine::Parsed parsed = line.Parse(std::vector<std::string>(argv + 1, argv + argc));
  if (parsed.help) {
    std::cout << line.Help(parsed.command);
    return kExitOk;
  }
  if (!parsed.status.ok() && parsed.command == nullptr) {
    std::fprintf(stderr, "error: %s\n", TerminalSafe(parsed.status.message()).c_str());
    std::cout << line.Help(nullptr);
    return kExitUsage;
  }
  if (!parsed.status.ok()) return ReportUsageError(parsed.status, CommandLine::Path(parsed.command));
  if (absl::Status s = Connection::CheckCredentials(parsed.args); !s.ok())
    return ReportUsageError(s, CommandLine::Path(parsed.command));
  return (*parsed.run)(parsed.args, Connection(parsed.args));
}

}  // namespace
}  // namespace casefile::cli

int main(int argc, char** argv) { return casefile::cli::Main(argc, argv); }
