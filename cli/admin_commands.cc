// The administration commands: admin backup, admin erase, admin hash-password.
#include <unistd.h>

#include <iostream>
#include <string>

#include "absl/strings/str_cat.h"
#include "casefile/v1/admin.grpc.pb.h"
#include "cli/command.h"
#include "cli/output.h"
#include "cli/password_prompt.h"
#include "cli/terminal_safe.h"
#include "core/access/password_hash.h"

namespace casefile::cli {
namespace {

int Backup(const Args& args, const Connection& conn) {
  v1::BackupRequest request;
  request.set_path(args.positional()[0]);
  v1::BackupResponse response;
  // No retries: a second try would find the folder the first one filled.
  grpc::Status status =
      v1::AdminService::NewStub(conn.channel())->Backup(conn.NewContext().get(), request, &response);
  if (!status.ok()) return ReportRpcError(status);
  if (args.Has("json")) {
    std::cout << ToJson(response) << "\n";
  } else {
    std::cout << "backup written: " << TerminalSafe(response.file()) << " (" << response.size_bytes()
              << " bytes)\n";
  }
  return kExitOk;
}

int Erase(const Args& args, const Connection& conn) {
  v1::EraseCaseRequest request;
  request.set_name(CaseNameArg(args.positional()[0]));
  request.set_reason(args.Get("reason"));
  if (!args.Has("yes")) {
    std::cerr << "This erases " << TerminalSafe(request.name())
              << " for good: its chronology, legacy sources and person links. Type the case id to go on: ";
    std::string typed;
    std::getline(std::cin, typed);
    if (typed != request.name().substr(sizeof("cases/") - 1) && typed != request.name()) {
      std::cerr << "not erased\n";
      return kExitUsage;
    }
  }
  v1::EraseCaseResponse response;
  grpc::Status status =
      v1::AdminService::NewStub(conn.channel())->EraseCase(conn.NewContext().get(), request, &response);
  if (!status.ok()) return ReportRpcError(status);
  if (args.Has("json")) {
    std::cout << ToJson(response) << "\n";
  } else {
    std::cout << "erased " << TerminalSafe(response.name()) << ": " << response.entries() << " entries, "
              << response.sources() << " legacy sources, " << response.person_records() << " person records, "
              << response.review_items() << " review items, " << response.attention_items()
              << " attention items\n";
  }
  return kExitOk;
}

// Needs no server: the hash goes into the users file by hand.
int HashPasswordCommand(const Args& args, const Connection&) {
  absl::StatusOr<std::string> password;
  if (::isatty(STDIN_FILENO)) {
    password = ReadPassword(PasswordSource::kTerminal, "new password: ");
    if (password.ok()) {
      absl::StatusOr<std::string> again = ReadPassword(PasswordSource::kTerminal, "the same again: ");
      if (!again.ok() || *again != *password) password = absl::InvalidArgumentError("the two passwords differ");
    }
  } else {
    password = ReadPassword(PasswordSource::kStdin, "");
  }
  if (!password.ok()) return ReportUsageError(password.status(), "admin hash-password");
  absl::StatusOr<std::string> hash = HashPassword(*password);
  if (!hash.ok()) {
    std::fprintf(stderr, "error: %s\n", std::string(hash.status().message()).c_str());
    return kExitServerError;
  }
  std::cout << *hash << "\n";
  return kExitOk;
}

}  // namespace

void AddAdminCommands(CommandLine& line) {
  CLI::App* c = line.Add("admin backup", "write a consistent backup of the store while the service runs (admin)",
                         Backup);
  AddWord(c, "PATH", "a folder on the server's machine, e.g. /srv/backup/2026-12-03");
  c->footer("PATH is an absolute folder on the server's machine that does not exist yet (its parent\n"
            "must) or is empty; the backup is written into it as data.mdb, a compacted copy of the store\n"
            "as it was when the backup began. Writes go on meanwhile. To restore: stop casefiled, copy\n"
            "data.mdb into a new, empty data folder, start casefiled --data_dir=that folder (BUILD.md,\n"
            "\"Backup and restore\"). The tokens file is not in the backup.");

  c = line.Add("admin erase", "erase a case for good (admin; MoPI disposal or a court order)", Erase);
  AddWord(c, "CASE", "the case, e.g. CF-000001 or cases/CF-000001");
  AddValueOption(c, "--reason", "TEXT", "why (kept in the audit trail)");
  AddSwitch(c, "--yes", "do not ask to type the case id");
  c->footer("Removes the case's header, chronology, legacy sources, its subjects' person records, its review\n"
            "items and attention items, in one step with one audit record (the case, the counts and the reason;\n"
            "none of the content). Re-importing the same legacy records does not bring them back. Asks you to\n"
            "type the case id unless --yes.");

  c = line.Add("admin hash-password", "print the Argon2id hash of a password, for casefiled's users file",
               HashPasswordCommand);
  c->footer("Asks for the password twice on the terminal (not echoed), or reads the first line of\n"
            "standard input when it is not a terminal, and prints its Argon2id hash (a random salt each\n"
            "time). A users file line is '<user> <hash> <role>[:<team>,...] <display name>', e.g.\n"
            "  echo \"hughes4471 $(casefile admin hash-password) investigator:cait DC 4471 Hughes\" >> users\n"
            "Needs no server.");
}

}  // namespace casefile::cli
