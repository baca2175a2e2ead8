// DocumentFiles: the content of attached documents, as files named by their
// SHA-256 beside the LMDB store (`<data_dir>/documents/<2 hex>/<64 hex>`).
//
// A document arrives as a Placement: its bytes are written to a temporary
// file (`documents/incoming/`) and hashed as they come, never held in memory.
// Place() makes the file durable under its content address — fsync of the
// file, rename, fsync of the folder — before the LMDB commit that names it,
// so a committed link never names a missing file. Bytes already stored are
// not written again: the temporary file is dropped.
//
// Removing a file races with placing the same bytes again and with backups.
// `links_mu()` orders them: a placement holds it shared from Place() until
// the commit that links the file is durable, a backup holds it shared while
// it copies, and a removal holds it exclusively while it checks, in a fresh
// read transaction, that no link names the file before unlinking it.
//
// Thread-safe.
#ifndef CASEFILE_STORAGE_DOCUMENT_FILES_H_
#define CASEFILE_STORAGE_DOCUMENT_FILES_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"

namespace casefile::storage {

class DocumentFiles {
 public:
  // Opens (creating if missing, mode 0700) `dir`, and removes temporary files
  // left by uploads that never finished.
  static absl::StatusOr<std::unique_ptr<DocumentFiles>> Open(const std::string& dir);

  // A document being received. Move-only; drops its temporary file unless placed.
  class Placement {
   public:
    Placement(Placement&& other) noexcept;
    Placement& operator=(Placement&&) = delete;
    Placement(const Placement&) = delete;
    ~Placement();

    absl::Status Append(absl::string_view bytes);
    uint64_t size() const { return size_; }
    // The temporary file, for reading the content back before it is placed.
    const std::string& path() const { return temp_path_; }
    // Ends the content: the 32-byte SHA-256 of what was appended.
    // REQUIRES: called once, after the last Append.
    absl::StatusOr<std::string> Finish();
    // Makes the content durable under its address.
    // REQUIRES: Finish() succeeded; links_mu() held shared until the link commits.
    absl::Status Place();

   private:
    friend class DocumentFiles;
    struct Hasher;
    Placement(const DocumentFiles* files, std::string temp_path, int fd);

    const DocumentFiles* files_;
    std::string temp_path_;
    int fd_ = -1;
    uint64_t size_ = 0;
    std::unique_ptr<Hasher> hasher_;
    std::string sha256_;
    bool placed_ = false;
  };

  absl::StatusOr<Placement> BeginPlacement() const;
  // The file of the content with this 32-byte SHA-256.
  std::string PathOf(absl::string_view sha256) const;
  // Removes that file if it is there.
  // REQUIRES: links_mu() held exclusively, and no committed link names it.
  absl::Status Remove(absl::string_view sha256) const;
  // The 32-byte SHA-256 of every content file stored: each regular file
  // (never a link) named by its address, `<2 hex>/<64 hex>` with the folder
  // its name's first two digits. Anything else there is not listed.
  absl::StatusOr<std::vector<std::string>> StoredContent() const;
  // Copies every stored file into `dir`/documents (same layout), each made
  // durable. REQUIRES: links_mu() held shared.
  absl::Status CopyTo(const std::string& dir) const;

  absl::Mutex& links_mu() const { return links_mu_; }
  const std::string& dir() const { return dir_; }

 private:
  explicit DocumentFiles(std::string dir) : dir_(std::move(dir)) {}
  std::string dir_;
  mutable absl::Mutex links_mu_;
};

}  // namespace casefile::storage

#endif  // CASEFILE_STORAGE_DOCUMENT_FILES_H_
