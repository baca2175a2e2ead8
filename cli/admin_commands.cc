// The administration commands: admin backup.
#include <iostream>

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
  };
}

}  // namespace casefile::cli
