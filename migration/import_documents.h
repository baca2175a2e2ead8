// The stage "attaching documents" of an import: the scanned documents of the
// folder (migration/document_paths.h), which arrive after its records, each
// attached to its case once the records are in:
//
//  - Its case: a manifest row's `reference`, or the name of the folder of
//    `documents/` it is in (document_paths.h, ReferencesOfFolder), as a
//    legacy reference this import or an earlier one filed, or as a case id.
//  - Its entry: the one live entry of that case on the manifest's day with
//    its kind (read as a paper file's doc_type is, migration/entry_kind.h);
//    with none, several, or no day or kind given, the case's entry
//    "documents from the paper file" (made by the first such document; its
//    number under keys::ImportedDocumentsEntry).
//  - Once: content (SHA-256) the case already holds is linked nothing again,
//    whichever batch, path or entry brought it; its bytes are stored once
//    however many cases link them (storage/document_files.h). So a re-run,
//    or a batch repeating documents, adds nothing, and an import cut off
//    part-way completes on re-run.
//  - Never dropped: a document over the size limit, of a type casefile does
//    not keep, of an unknown reference or in no reference's folder and named
//    by no manifest, and a manifest row naming a file the folder lacks (or
//    one an earlier row named), is a rejection with its locator and reason.
//
// Thread-compatible: an import's own thread.
#ifndef CASEFILE_MIGRATION_IMPORT_DOCUMENTS_H_
#define CASEFILE_MIGRATION_IMPORT_DOCUMENTS_H_

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "casefile/v1/import.pb.h"
#include "core/access/caller.h"
#include "core/chronology/change_feed.h"
#include "core/documents/document_library.h"
#include "migration/import_writes.h"
#include "migration/legacy_record.h"
#include "storage/store.h"

namespace casefile::migration {

// One document as it arrived: its content, finished (type and SHA-256
// known), or why it was refused.
struct ArrivedDocument {
  std::string path;  // canonical, relative to the import folder
  std::optional<DocumentLibrary::Upload> upload;
  std::string refusal;  // when no upload: "larger than the limit of N bytes; nothing was stored"
  std::string head;     // the start of the file as text (4 KiB at most), kept with a rejection
};

// The next document of the upload; nullopt once there are no more.
using NextDocument = std::function<absl::StatusOr<std::optional<ArrivedDocument>>()>;

// Where an import's documents come from, and the library they go into.
struct ImportedDocuments {
  DocumentLibrary* library = nullptr;
  NextDocument next;
};

struct DocumentStageParts {
  storage::Store* store;
  ChangeFeed* feed;
  const Clock* clock;
};

// Attaches every document `documents.next` gives (with `dry_run`, only
// decides where each would go), counting and listing each in `report` and
// adding rejections to `rejected`. `listings` are the manifests' rows;
// `updates` the cases this import wrote, whose references it filed.
absl::Status AttachImportedDocuments(const DocumentStageParts& parts, const Caller& caller,
                                     const std::map<std::string, CaseUpdate>& updates,
                                     std::vector<DocumentListing> listings, ImportedDocuments& documents,
                                     v1::Import& report, std::vector<v1::Rejection>& rejected);

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_IMPORT_DOCUMENTS_H_
