// Command: one `casefile` subcommand, its help, and how it runs. Each group of
// commands lives in its own file and registers through a function below.
//
// Thread-compatible.
#ifndef CASEFILE_CLI_COMMAND_H_
#define CASEFILE_CLI_COMMAND_H_

#include <functional>
#include <set>
#include <string>
#include <vector>

#include <grpcpp/support/status.h>

#include "absl/status/status.h"
#include "cli/args.h"
#include "cli/connection.h"

namespace casefile::cli {

struct Command {
  std::string name;      // "log", "case create"
  std::string summary;   // one line for the command list
  std::string usage;     // full help text
  std::set<std::string> options;  // accepted --options besides the global ones
  std::set<std::string> switches; // options that take no value
  // Returns the process exit code.
  std::function<int(const Args&, const Connection&)> run;
};

std::vector<Command> CaseCommands();
std::vector<Command> PersonCommands();
std::vector<Command> ImportCommands();
std::vector<Command> AdminCommands();
std::vector<Command> AuditCommands();
std::vector<Command> AttentionCommands();
std::vector<Command> SessionCommands();

// Exit codes: 0 success, 1 the server refused or failed, 2 bad usage.
inline constexpr int kExitOk = 0;
inline constexpr int kExitServerError = 1;
inline constexpr int kExitUsage = 2;

// Prints "error: <CODE>: <message>" to stderr (the message through
// TerminalSafe: it may quote a locator or a name); returns kExitServerError.
int ReportRpcError(const grpc::Status& status);
// Prints "error: <message>" (through TerminalSafe) and a hint to --help to
// stderr; returns kExitUsage.
int ReportUsageError(const absl::Status& status, const std::string& command);

// "CF-1" or "cases/CF-1" → "cases/CF-1".
std::string CaseNameArg(const std::string& arg);
// A fresh idempotency key for one logical write (kept across its retries).
std::string NewRequestId();
// Runs `call` until it is not UNAVAILABLE, at most 3 times; safe because
// every write carries the same request id on each try.
grpc::Status WithRetries(const std::function<grpc::Status()>& call);

}  // namespace casefile::cli

#endif  // CASEFILE_CLI_COMMAND_H_
