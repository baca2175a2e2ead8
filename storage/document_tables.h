// The document rows of the store (keys d, t, H, G in storage/keys.h): each
// document's description under its entry, its extracted text, how many
// documents link each content (by SHA-256), and content whose last link was
// erased, waiting for its file to be removed (storage/document_files.h).
//
// Thread-safety: as the transaction passed in.
#ifndef CASEFILE_STORAGE_DOCUMENT_TABLES_H_
#define CASEFILE_STORAGE_DOCUMENT_TABLES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "casefile/v1/document_service.pb.h"
#include "storage/lmdb.h"

namespace casefile::storage {

// Where a document is: its case, entry and number within the entry.
struct DocumentPlace {
  std::string case_id;
  uint64_t entry = 0;
  uint64_t k = 0;
};

// The number the entry's next document gets (1 for the first).
absl::StatusOr<uint64_t> NextDocumentNumber(const LmdbTxn& txn, absl::string_view case_id, uint64_t entry);

// Saves the description and `text` (none when empty) and counts one more
// link to `sha256` (32 bytes), which is then no longer waiting for removal.
absl::Status SaveDocument(LmdbTxn& txn, const DocumentPlace& place, const ::casefile::v1::Document& document,
                          absl::string_view sha256, absl::string_view text);

absl::StatusOr<std::optional<::casefile::v1::Document>> LoadDocument(const LmdbTxn& txn,
                                                                     const DocumentPlace& place);

// The case's entry "documents from the paper file" (keys::ImportedDocumentsEntry): 0 when none.
absl::StatusOr<uint64_t> LoadImportedDocumentsEntry(const LmdbTxn& txn, absl::string_view case_id);
absl::Status SaveImportedDocumentsEntry(LmdbTxn& txn, absl::string_view case_id, uint64_t entry);

// Every document of the case, in entry order then document order.
absl::StatusOr<std::vector<::casefile::v1::Document>> LoadCaseDocuments(const LmdbTxn& txn,
                                                                       absl::string_view case_id);

// Calls `visit(entry, k, text)` for each document of the case that has text.
absl::Status ScanCaseDocumentTexts(
    const LmdbTxn& txn, absl::string_view case_id,
    absl::FunctionRef<absl::Status(uint64_t entry, uint64_t k, absl::string_view text)> visit);

// Erases every document row of the case, one link less for each content;
// content left with no link is marked for removal. Returns how many documents went.
absl::StatusOr<uint64_t> EraseCaseDocuments(LmdbTxn& txn, absl::string_view case_id);

// Content marked for removal (32-byte SHA-256s).
absl::StatusOr<std::vector<std::string>> LoadUnlinkedContent(const LmdbTxn& txn);
// Whether any document links this content.
absl::StatusOr<bool> IsContentLinked(const LmdbTxn& txn, absl::string_view sha256);
// Drops the removal mark (the file is gone, or linked again).
absl::Status ForgetUnlinkedContent(LmdbTxn& txn, absl::string_view sha256);

}  // namespace casefile::storage

#endif  // CASEFILE_STORAGE_DOCUMENT_TABLES_H_
