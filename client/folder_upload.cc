#include "client/folder_upload.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <thread>

#include "absl/strings/str_cat.h"

namespace casefile::client {

namespace fs = std::filesystem;

constexpr size_t kChunkBytes = 1 << 20;

absl::StatusOr<FolderListing> ListFolder(const std::string& root,
                                         const std::function<bool(const std::string&)>& include) {
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return absl::NotFoundError(absl::StrCat("'", root, "' is not a folder"));
  FolderListing listing;
  listing.root = root;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    std::string rel = fs::relative(it->path(), root).generic_string();
    if (include && !include(rel)) continue;
    listing.paths.push_back(std::move(rel));
    listing.bytes += it->file_size();
  }
  if (ec) return absl::InvalidArgumentError(absl::StrCat("cannot list ", root, ": ", ec.message()));
  std::sort(listing.paths.begin(), listing.paths.end());
  return listing;
}

UploadResult UploadFolder(v1::ImportService::Stub& stub, grpc::ClientContext* context,
                          const FolderListing& listing, const v1::ImportOptions& options,
                          const std::function<bool(const v1::ImportProgress&)>& on_progress) {
  UploadResult result;
  auto stream = stub.ImportFolder(context);
  std::thread uploader([&] {
    v1::ImportFolderRequest request;
    *request.mutable_options() = options;
    if (!stream->Write(request)) return;
    std::vector<char> buffer(kChunkBytes);
    for (const std::string& path : listing.paths) {
      std::ifstream in(fs::path(listing.root) / path, std::ios::binary);
      if (!in) {
        result.local_error = absl::StrCat("cannot read ", (fs::path(listing.root) / path).string());
        context->TryCancel();
        return;
      }
      do {
        in.read(buffer.data(), buffer.size());
        request.Clear();
        v1::FileChunk* chunk = request.mutable_chunk();
        chunk->set_path(path);
        chunk->set_data(buffer.data(), in.gcount());
        chunk->set_last(in.eof());
        if (!stream->Write(request)) return;
      } while (!in.eof());
    }
    stream->WritesDone();
  });
  v1::ImportFolderResponse response;
  while (stream->Read(&response)) {
    if (response.has_progress() && on_progress && !on_progress(response.progress())) {
      result.stopped = true;
      context->TryCancel();
      break;
    }
    if (response.has_import()) result.report = response.import();
  }
  uploader.join();
  result.status = stream->Finish();
  return result;
}

}  // namespace casefile::client
