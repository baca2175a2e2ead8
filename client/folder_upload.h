// FolderUpload: sends an import folder to ImportService.ImportFolder the way
// every casefile client should — options first, then each file in chunks of
// 1 MiB in path order, from a second thread so that progress can be read
// while the upload runs — and returns the server's report.
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

struct FolderListing {
  std::string root;
  std::vector<std::string> paths;  // relative, '/'-separated, sorted
  uint64_t bytes = 0;
};

// The regular files under `root` whose relative path passes `include` (all
// when empty). NotFound / InvalidArgument naming the folder.
absl::StatusOr<FolderListing> ListFolder(const std::string& root,
                                         const std::function<bool(const std::string&)>& include = {});

struct UploadResult {
  grpc::Status status;      // the call's outcome
  v1::Import report;        // set when status is OK
  std::string local_error;  // a file that could not be read here
  bool stopped = false;     // on_progress asked to stop
};

// `on_progress` sees every progress message; returning false stops reading
// at once (the caller then abandons the call).
UploadResult UploadFolder(v1::ImportService::Stub& stub, grpc::ClientContext* context,
                          const FolderListing& listing, const v1::ImportOptions& options,
                          const std::function<bool(const v1::ImportProgress&)>& on_progress = {});

}  // namespace casefile::client

#endif  // CASEFILE_CLIENT_FOLDER_UPLOAD_H_
