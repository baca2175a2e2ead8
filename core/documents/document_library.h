// DocumentLibrary: the documents of the cases (casefile.v1.DocumentService).
// A document belongs to one entry; its content is kept once per SHA-256 in
// storage::DocumentFiles and linked from each document that holds it; its
// description and extracted text are LMDB rows committed, with the audit
// record, in one transaction of the store's writer.
//
// The rules: attaching needs the right to write entries (investigators,
// admins); reading needs the right to read case files and always a purpose;
// need to know as for the case (a document of a case kept from the caller is
// NOT_FOUND in the case's own words); content is decided from its bytes
// (media_type.h) and limited in size; a request id makes a retried attach
// write once.
//
// Thread-safe.
#ifndef CASEFILE_CORE_DOCUMENTS_DOCUMENT_LIBRARY_H_
#define CASEFILE_CORE_DOCUMENTS_DOCUMENT_LIBRARY_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "casefile/v1/document_service.pb.h"
#include "core/access/caller.h"
#include "core/audit/audit_trail.h"
#include "core/documents/media_type.h"
#include "core/input/resource_names.h"
#include "storage/document_files.h"
#include "storage/document_tables.h"
#include "storage/store.h"

namespace casefile {

struct DocumentLibraryOptions {
  // Content longer than this is refused as soon as it passes it (casefiled
  // --document_max_mb).
  uint64_t max_bytes = uint64_t{50} << 20;
};

// The searchable text kept of one document is at most this long.
inline constexpr size_t kMaxDocumentTextBytes = 1 << 20;

class DocumentLibrary {
 public:
  // An attach under way: the checked first message, and the content as it arrives.
  class Upload {
   public:
    // InvalidArgument "content: larger than the limit of N bytes; ..." once past it;
    // the temporary file is then already gone.
    absl::Status Append(absl::string_view chunk);
    // The content has ended: decides its type (InvalidArgument for a type not kept).
    absl::Status Finish();
    const std::string& media_type() const { return media_type_; }
    // The content as received, readable until the Upload is attached or dropped.
    const std::string& content_path() const { return placement_->path(); }
    // The 32-byte SHA-256 and the size, once finished.
    const std::string& sha256() const { return sha256_; }
    uint64_t size() const { return placement_->size(); }

   private:
    friend class DocumentLibrary;
    Upload(v1::AttachDocumentStart start, EntryName entry, storage::DocumentFiles::Placement placement,
           uint64_t max_bytes)
        : start_(std::move(start)), entry_(std::move(entry)), placement_(std::move(placement)), max_bytes_(max_bytes) {}
    v1::AttachDocumentStart start_;
    EntryName entry_;
    std::optional<storage::DocumentFiles::Placement> placement_;
    uint64_t max_bytes_;
    ContentProbe probe_;
    std::string sha256_;
    std::string media_type_;
  };

  // All must outlive the library.
  DocumentLibrary(storage::Store* store, const storage::DocumentFiles* files, Clock clock,
                  DocumentLibraryOptions options);

  // Checks the first message of an attach. A request id already used by the
  // caller gives the document it attached (nothing more is stored) instead
  // of an Upload.
  struct Begun {
    std::optional<Upload> upload;
    std::optional<v1::Document> earlier;
  };
  absl::StatusOr<Begun> Begin(const Caller& caller, const v1::AttachDocumentStart& start) const;
  // Stores a finished upload with `text` (its extracted text, cut to
  // kMaxDocumentTextBytes; may be empty), and its audit record.
  absl::StatusOr<v1::Document> Attach(const Caller& caller, Upload upload, std::string text);

  // The content of a document a legacy import brings (ImportService), which
  // has no entry until the import decides it: the same limit and types.
  absl::StatusOr<Upload> BeginImported() const;
  // Where an imported document goes, decided inside the write that links it:
  // nullopt when it is not to be linked (its case holds the content already).
  using ImportedPlace = absl::FunctionRef<absl::StatusOr<std::optional<storage::DocumentPlace>>(storage::LmdbTxn&)>;
  // Links a finished imported upload where `place` says, as Attach does (its
  // description naming `import` and `legacy_locator`, file name the path's
  // last part, the audit record's purpose the import), in the write that
  // `place` runs in. nullopt when `place` said not to link it.
  absl::StatusOr<std::optional<v1::Document>> AttachImported(const Caller& caller, Upload& upload, std::string text,
                                                             absl::string_view import, absl::string_view legacy_locator,
                                                             ImportedPlace place);

  // A document to read: its description and its content's file. The look is
  // recorded (kind "GetDocument", the purpose) before this returns.
  struct Opened {
    v1::Document document;
    std::string content_path;
  };
  absl::StatusOr<Opened> Open(const Caller& caller, const v1::GetDocumentRequest& request);
  absl::StatusOr<v1::ListDocumentsResponse> List(const Caller& caller, const v1::ListDocumentsRequest& request);
  absl::StatusOr<v1::SearchDocumentsResponse> Search(const Caller& caller,
                                                     const v1::SearchDocumentsRequest& request);

  // Removes the files of content that no document links any more (after an
  // erasure; and at start, for an erasure cut off before it got there).
  absl::Status RemoveUnlinkedFiles();
  // Removes every content file no committed document links: a file placed
  // for an upload whose commit never came (a crash between the two). Only
  // at start, before any upload runs; a linked file is never touched. The
  // number of files removed.
  absl::StatusOr<int> RemoveOrphanedFiles();
  // Runs `copy_store` and then copies every content file into `dir`, with no
  // file removed meanwhile: the files hold all the copied store links.
  absl::Status BackUp(const std::string& dir, absl::FunctionRef<absl::Status()> copy_store);

 private:
  // A read of case `case_id` (or why its name is wrong): checks the role and
  // the purpose, then runs `read(txn, event)` in one write of the store once
  // need to know allows the case, appends `event` (kind, caller, purpose) when
  // it succeeds, and answers once that is durable.
  absl::Status RecordedRead(const Caller& caller, absl::string_view kind, const absl::StatusOr<std::string>& case_id,
                            absl::string_view purpose,
                            absl::FunctionRef<absl::Status(storage::LmdbTxn&, v1::AuditEvent&)> read);

  // The description of a finished upload (without its name).
  v1::Document Describe(const Caller& caller, const Upload& upload, std::string& text) const;

  storage::Store* const store_;
  const storage::DocumentFiles* const files_;
  const Clock clock_;
  const DocumentLibraryOptions options_;
};

}  // namespace casefile

#endif  // CASEFILE_CORE_DOCUMENTS_DOCUMENT_LIBRARY_H_
