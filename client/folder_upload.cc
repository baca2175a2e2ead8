#include "client/folder_upload.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <thread>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace casefile::client {
namespace {

namespace fs = std::filesystem;

constexpr size_t kChunkBytes = 1 << 20;
// The server refuses longer paths, and paths with a backslash (services/
// import_service.cc): such a file is skipped here rather than failing the
// whole import there.
constexpr size_t kMaxPathBytes = 1024;

// True when `s` is well-formed UTF-8 (RFC 3629), as a protobuf string field
// must be: a file name in another encoding could not be sent as a path.
bool IsUtf8(absl::string_view s) {
  for (size_t i = 0; i < s.size();) {
    const auto byte = [&](size_t k) { return static_cast<uint8_t>(s[k]); };
    const uint8_t lead = byte(i);
    size_t length;
    uint32_t c;
    if (lead < 0x80) {
      ++i;
      continue;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2, c = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3, c = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4, c = lead & 0x07;
    } else {
      return false;
    }
    if (s.size() - i < length) return false;
    for (size_t k = 1; k < length; ++k) {
      if ((byte(i + k) & 0xC0) != 0x80) return false;
      c = (c << 6) | (byte(i + k) & 0x3F);
    }
    const uint32_t min = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return false;
    i += length;
  }
  return true;
}

std::string JoinPath(const std::string& dir, const std::string& name) {
  return dir.empty() ? name : absl::StrCat(dir, "/", name);
}

std::string TypeName(fs::file_type type) {
  switch (type) {
    case fs::file_type::fifo: return "a FIFO";
    case fs::file_type::socket: return "a socket";
    case fs::file_type::block:
    case fs::file_type::character: return "a device";
    default: return "of an unknown type";
  }
}

// Walks `dir` (the folder `root` + "/" + `rel`, or `root` when `rel` is
// empty), entry by entry, never through a link.
void Walk(const fs::path& root, const std::string& rel, const std::function<bool(const std::string&)>& include,
          FolderListing* listing) {
  std::error_code ec;
  fs::directory_iterator it(rel.empty() ? root : root / rel, ec);
  if (ec) {
    listing->skipped.push_back({rel.empty() ? "." : rel, absl::StrCat("cannot list this folder: ", ec.message())});
    return;
  }
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const std::string path = JoinPath(rel, name);
    std::error_code stat_ec;
    const fs::file_status status = it->symlink_status(stat_ec);  // lstat: the link, not its target
    if (!stat_ec && fs::is_directory(status)) {
      Walk(root, path, include, listing);
    } else if (include && !include(path)) {
      continue;
    } else if (stat_ec) {
      listing->skipped.push_back({path, absl::StrCat("cannot read: ", stat_ec.message())});
    } else if (fs::is_symlink(status)) {
      std::error_code link_ec;
      const fs::path target = fs::read_symlink(it->path(), link_ec);
      listing->skipped.push_back(
          {path, link_ec ? "symbolic link, not followed"
                         : absl::StrCat("symbolic link (to ", target.string(), "), not followed")});
    } else if (!fs::is_regular_file(status)) {
      listing->skipped.push_back({path, absl::StrCat("not a regular file (", TypeName(status.type()), ")")});
    } else if (!IsUtf8(path)) {
      listing->skipped.push_back({path, "its name is not UTF-8, which an import path must be"});
    } else if (absl::StrContains(path, "\\")) {
      listing->skipped.push_back({path, "its name holds a backslash, which an import path may not"});
    } else if (path.size() > kMaxPathBytes) {
      listing->skipped.push_back({path, absl::StrCat("path longer than ", kMaxPathBytes, " bytes")});
    } else {
      std::error_code size_ec;
      const uintmax_t size = it->file_size(size_ec);
      listing->paths.push_back(path);
      if (!size_ec) listing->bytes += size;
    }
  }
  if (ec) {
    listing->skipped.push_back({rel.empty() ? "." : rel, absl::StrCat("cannot list all of this folder: ", ec.message())});
  }
}

// Opens a listed file for reading without following a link and only if it is
// still a regular file: the descriptor, or -1 with *reason set.
int OpenListedFile(const fs::path& file, std::string* reason) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    *reason = errno == ELOOP ? "became a symbolic link after it was listed, not followed"
                             : absl::StrCat("cannot read: ", std::strerror(errno));
    return -1;
  }
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    *reason = "no longer a regular file";
    ::close(fd);
    return -1;
  }
  return fd;
}

// Reads until `buffer` is full or the file ends: the bytes read, or -1.
ssize_t ReadFull(int fd, std::vector<char>& buffer) {
  size_t filled = 0;
  while (filled < buffer.size()) {
    const ssize_t n = ::read(fd, buffer.data() + filled, buffer.size() - filled);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return -1;
    if (n == 0) break;
    filled += static_cast<size_t>(n);
  }
  return static_cast<ssize_t>(filled);
}

bool ByPath(const SkippedPath& a, const SkippedPath& b) { return a.path < b.path; }

// A scanned document of the folder: the rule of migration/document_paths.h,
// which a client cannot include.
bool IsScannedDocument(absl::string_view path) {
  if (!absl::ConsumePrefix(&path, "documents/") || path.empty()) return false;
  const bool manifest = !absl::StrContains(path, "/") && path.size() > 4 && absl::EndsWithIgnoreCase(path, ".csv");
  return !manifest;
}

}  // namespace

absl::StatusOr<FolderListing> ListFolder(const std::string& root,
                                         const std::function<bool(const std::string&)>& include) {
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return absl::NotFoundError(absl::StrCat("'", root, "' is not a folder"));
  FolderListing listing;
  listing.root = root;
  Walk(root, "", include, &listing);
  std::sort(listing.paths.begin(), listing.paths.end());
  std::stable_partition(listing.paths.begin(), listing.paths.end(),
                        [](const std::string& path) { return !IsScannedDocument(path); });
  std::sort(listing.skipped.begin(), listing.skipped.end(), ByPath);
  return listing;
}

UploadResult UploadFolder(v1::ImportService::Stub& stub, grpc::ClientContext* context,
                          const FolderListing& listing, const v1::ImportOptions& options,
                          const std::function<bool(const v1::ImportProgress&)>& on_progress) {
  UploadResult result;
  result.skipped = listing.skipped;
  std::vector<SkippedPath> unopened;  // written by the uploader thread only
  auto stream = stub.ImportFolder(context);
  std::thread uploader([&] {
    v1::ImportFolderRequest request;
    *request.mutable_options() = options;
    if (!stream->Write(request)) return;
    std::vector<char> buffer(kChunkBytes);
    for (const std::string& path : listing.paths) {
      std::string reason;
      const int fd = OpenListedFile(fs::path(listing.root) / path, &reason);
      if (fd < 0) {
        unopened.push_back({path, reason});
        continue;
      }
      bool last = false;
      do {
        const ssize_t n = ReadFull(fd, buffer);
        if (n < 0) {
          // Part of the file may be sent already: importing the rest of the
          // folder without it would look complete, so the upload stops.
          result.local_error = absl::StrCat("cannot read ", path, ": ", std::strerror(errno));
          ::close(fd);
          context->TryCancel();
          return;
        }
        last = static_cast<size_t>(n) < buffer.size();
        request.Clear();
        v1::FileChunk* chunk = request.mutable_chunk();
        chunk->set_path(path);
        chunk->set_data(buffer.data(), static_cast<size_t>(n));
        chunk->set_last(last);
        if (!stream->Write(request)) {
          ::close(fd);
          return;
        }
      } while (!last);
      ::close(fd);
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
  result.skipped.insert(result.skipped.end(), unopened.begin(), unopened.end());
  return result;
}

}  // namespace casefile::client
