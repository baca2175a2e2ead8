// The stage "reading" of an import: takes stock of the legacy files already
// read (legacy_reader.h) — the records to import, the records and files that
// could not be read, kept verbatim because nothing read is ever dropped — and
// counts them in the import report.
//
// Thread-compatible: an import's files are taken stock of on its own thread.
#ifndef CASEFILE_MIGRATION_IMPORT_READING_H_
#define CASEFILE_MIGRATION_IMPORT_READING_H_

#include <vector>

#include "casefile/v1/import.pb.h"
#include "migration/legacy_record.h"

namespace casefile::migration {

// What an import's files hold. The records stay in the files (later stages
// move them out of there, case by case); these point at them, in the order
// of the files (by path) and of their records, which every stage keeps.
struct ReadRecords {
  std::vector<LegacyEvent*> events;
  std::vector<NominalRecord*> nominals;
  std::vector<CaseXref> xrefs;
  std::vector<DocumentListing> documents;  // the manifests' rows
  std::vector<v1::Rejection> rejected;  // records and files not read, verbatim
};

// Sorts `files` by path and counts in `report` the files, the records read,
// rejected and dated only in part, and the nominal rows; lists the first
// rejected and partly dated records. `files` must outlive the result.
ReadRecords TakeStock(std::vector<LegacyFile>& files, v1::Import& report);

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_IMPORT_READING_H_
