#include "services/admin_service.h"

#include <filesystem>
#include <system_error>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "core/chronology/validation.h"
#include "services/grpc_status.h"
#include "services/server_log.h"

namespace casefile {
namespace {

namespace fs = std::filesystem;

absl::Status InvalidPath(absl::string_view path, absl::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat("path: '", path, "' ", why));
}

// Makes sure `requested` names an empty folder, creating it (not its
// parents, mode 0700) when missing; returns it without "." or ".." parts or
// a trailing '/'. Sets `created` when it made the folder.
absl::StatusOr<std::string> PrepareFolder(const std::string& requested, bool& created) {
  if (requested.empty()) return absl::InvalidArgumentError("path: is required");
  if (auto s = ValidateTextChars(requested, "path"); !s.ok()) return s;
  if (requested.front() != '/') return InvalidPath(requested, "must be an absolute path on the server");
  std::string path = fs::path(requested).lexically_normal().string();
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (fs::exists(status)) {
    if (!fs::is_directory(status)) return InvalidPath(path, "exists and is not a folder");
    if (!fs::is_empty(path, ec) || ec) return InvalidPath(path, "is not an empty folder");
    return path;
  }
  if (!fs::create_directory(path, ec) || ec) {
    return InvalidPath(path, absl::StrCat("cannot be created: ",
                                          ec ? ec.message() : std::string("already exists")));
  }
  created = true;
  // Police information about children: for the server's user only.
  fs::permissions(path, fs::perms::owner_all, ec);
  return path;
}

}  // namespace

grpc::Status AdminServiceImpl::Backup(grpc::ServerContext* context, const v1::BackupRequest* request,
                                      v1::BackupResponse* response) {
  auto caller = auth_->Authenticate(*context);
  if (!caller.ok()) return ToGrpcStatus(caller.status());
  if (auto s = Authorize(*caller, Action::kBackup); !s.ok()) return ToGrpcStatus(s);

  absl::MutexLock lock(&backup_mu_);
  bool created = false;
  absl::StatusOr<std::string> folder = PrepareFolder(request->path(), created);
  if (!folder.ok()) return ToGrpcStatus(folder.status());
  const std::string& path = *folder;
  const std::string file = path + "/data.mdb";
  const absl::Time start = absl::Now();
  if (absl::Status s = documents_->BackUp(path, [&] { return store_->Backup(path); }); !s.ok()) {
    // Leave nothing half-written behind to be mistaken for a backup.
    std::error_code ec;
    fs::remove(file, ec);
    fs::remove_all(path + "/documents", ec);
    if (created) fs::remove(path, ec);
    ServerLog("backup by %s to %s failed: %s", caller->user, path, s.ToString());
    return ToGrpcStatus(s);
  }
  std::error_code ec;
  const uintmax_t size = fs::file_size(file, ec);
  if (ec) return ToGrpcStatus(absl::InternalError(absl::StrCat("backup written, but ", file, ": ", ec.message())));
  ServerLog("backup by %s to %s: %d bytes in %s", caller->user, file, size,
            absl::FormatDuration(absl::Now() - start));
  // A copy of everything leaves the service: the audit trail says who took
  // it and where (after the copy, so the backup does not hold its record).
  v1::AuditEvent event = audit_->NewEvent(*caller, "Backup");
  event.add_resources(file);
  if (absl::Status s = audit_->RecordNow(std::move(event)); !s.ok()) return ToGrpcStatus(s);
  response->set_file(file);
  response->set_size_bytes(static_cast<int64_t>(size));
  return grpc::Status::OK;
}

grpc::Status AdminServiceImpl::EraseCase(grpc::ServerContext* context, const v1::EraseCaseRequest* request,
                                         v1::EraseCaseResponse* response) {
  auto caller = auth_->Authenticate(*context);
  if (!caller.ok()) return ToGrpcStatus(caller.status());
  auto erased = imports_->EraseCase(*caller, *request);
  if (!erased.ok()) return ToGrpcStatus(erased.status());
  // The content of its documents that no other case links (casefiled retries at start).
  if (absl::Status s = documents_->RemoveUnlinkedFiles(); !s.ok())
    ServerLog("erasure of %s: documents' files not removed yet: %s", request->name(), s.ToString());
  *response = *std::move(erased);
  return grpc::Status::OK;
}

}  // namespace casefile
