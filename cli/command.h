// The commands of `casefile`, one file for each group, and what their handlers
// share: exit codes, error reports, retries.
//
// Thread-compatible.
#ifndef CASEFILE_CLI_COMMAND_H_
#define CASEFILE_CLI_COMMAND_H_

#include <functional>
#include <string>

#include <grpcpp/support/status.h>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "google/protobuf/timestamp.pb.h"
#include "cli/command_line.h"
#include "cli/connection.h"

namespace casefile::cli {

// Each file of commands declares its commands (cli/command_line.h) next to
// their handlers.
void AddCaseCommands(CommandLine& line);
void AddPersonCommands(CommandLine& line);
void AddImportCommands(CommandLine& line);
void AddAdminCommands(CommandLine& line);
void AddAuditCommands(CommandLine& line);
void AddAttentionCommands(CommandLine& line);
void AddReportCommands(CommandLine& line);
void AddSessionCommands(CommandLine& line);
void AddSupervisionCommands(CommandLine& line);
void AddDocumentCommands(CommandLine& line);

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
// "2026-12-03T09:01:25Z" or "2026-12-03" (midnight UTC); InvalidArgument
// naming `--option` otherwise.
absl::StatusOr<google::protobuf::Timestamp> ParseWhen(const std::string& text, absl::string_view option);
// Runs `call` until it is not UNAVAILABLE, at most 3 times; safe because
// every write carries the same request id on each try.
grpc::Status WithRetries(const std::function<grpc::Status()>& call);

}  // namespace casefile::cli

#endif  // CASEFILE_CLI_COMMAND_H_
