// FolderUpload: sends an import folder to ImportService.ImportFolder the way
// every casefile client should — options first, then each file in chunks of
// 1 MiB in path order, from a second thread so that progress can be read
// while the upload runs — and returns the server's report.
//
// What is sent is only what an operator can see in the folder: regular files
// reached through real directories. A symbolic link is never followed (to a
// file or a directory, inside the folder or out of it), and neither is any
// other special file read (a FIFO would block, a device never ends); each is
// skipped and listed with the reason, as is a file that cannot be opened when
// its turn comes. One such file never stops the others. A path is the names
// of the directories and the file joined by '/', relative to the folder: no
// "./", "//" or "..", whatever form the folder itself was given in. A name
// with a newline or a control character is sent as it is (it is a real file
// of the folder); whoever prints it escapes it (cli/terminal_safe.h).
//
// Thread-compatible: one upload per object.
#ifndef CASEFILE_CLIENT_FOLDER_UPLOAD_H_
#define CASEFILE_CLIENT_FOLDER_UPLOAD_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "absl/status/statusor.h"
#include "casefile/v1/import.grpc.pb.h"

namespace casefile::client {

// A folder entry that is not uploaded, and why.
struct SkippedPath {
  std::string path;    // relative, '/'-separated, as it would have been sent
  std::string reason;  // e.g. "symbolic link (to /etc/passwd), not followed"
  bool operator==(const SkippedPath&) const = default;
};

struct FolderListing {
  std::string root;
  // Regular files: relative, '/'-separated, sorted, except that the scanned
  // documents (under the top-level documents/, its *.csv manifests aside)
  // come last, as ImportFolder wants them (migration/document_paths.h).
  std::vector<std::string> paths;
  uint64_t bytes = 0;
  std::vector<SkippedPath> skipped;  // sorted by path
};

// The regular files under `root` whose relative path passes `include` (all
// when empty; an entry it refuses is neither sent nor listed), without following any symbolic
// link below `root` (`root` itself is opened as the operator named it).
// NotFound when `root` is not a folder; an entry or subfolder that cannot be
// read is skipped and listed, never an error.
absl::StatusOr<FolderListing> ListFolder(const std::string& root,
                                         const std::function<bool(const std::string&)>& include = {});

struct UploadResult {
  grpc::Status status;      // the call's outcome
  v1::Import report;        // set when status is OK
  std::string local_error;  // a file that failed part-way through being read: nothing was imported
  bool stopped = false;     // on_progress asked to stop
  // The listing's skipped entries, then the files that could not be opened
  // (gone, no longer a regular file, replaced by a link) when their turn came.
  std::vector<SkippedPath> skipped;
};

// `on_progress` sees every progress message; returning false stops reading
// at once (the caller then abandons the call).
UploadResult UploadFolder(v1::ImportService::Stub& stub, grpc::ClientContext* context,
                          const FolderListing& listing, const v1::ImportOptions& options,
                          const std::function<bool(const v1::ImportProgress&)>& on_progress = {});

}  // namespace casefile::client

#endif  // CASEFILE_CLIENT_FOLDER_UPLOAD_H_
