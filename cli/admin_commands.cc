// The administration commands: admin backup, admin erase.
#include <iostream>
#include <string>

#include "absl/strings/str_cat.h"
#include "casefile/v1/admin.grpc.pb.h"
#include "cli/command.h"
#include "cli/output.h"
#include "cli/terminal_safe.h"

namespace casefile::cli {
namespace {

int Backup(const Args& args, const Connection& conn) {
  if (args.positional().size() != 1) {
    return ReportUsageError(
        absl::InvalidArgumentError("give one folder on the server's machine, e.g. /srv/backup/2026-12-03"),
        "admin backup");
  }
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
  const std::string cmd = "admin erase";
  if (args.positional().size() != 1) return ReportUsageError(absl::InvalidArgumentError("give one case"), cmd);
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

}  // namespace

std::vector<Command> AdminCommands() {
  return {
      {"admin backup", "write a consistent backup of the store while the service runs (admin)",
       "casefile admin backup PATH\n"
       "PATH is an absolute folder on the server's machine that does not exist yet (its parent\n"
       "must) or is empty; the backup is written into it as data.mdb, a compacted copy of the store\n"
       "as it was when the backup began. Writes go on meanwhile. To restore: stop casefiled, copy\n"
       "data.mdb into a new, empty data folder, start casefiled --data_dir=that folder (BUILD.md,\n"
       "\"Backup and restore\"). The tokens file is not in the backup.",
       {}, {}, Backup},
      {"admin erase", "erase a case for good (admin; MoPI disposal or a court order)",
       "casefile admin erase CASE --reason TEXT [--yes]\n"
       "Removes the case's header, chronology, legacy sources, its subjects' person records, its review\n"
       "items and attention items, in one step with one audit record (the case, the counts and the reason;\n"
       "none of the content). Re-importing the same legacy records does not bring them back. Asks you to\n"
       "type the case id unless --yes.",
       {"reason"}, {"yes"}, Erase},
  };
}

}  // namespace casefile::cli
