// Where the scanned documents of an import folder are (README, "Migrating
// legacy records"): everything under its top-level `documents/` folder.
//   documents/manifest.csv               a manifest (any *.csv directly in documents/)
//   documents/HPVP_2012_0457/referral.pdf  the folder of a case reference
//   documents/scans/0457-1.pdf           a file a manifest names
// Paths are relative to the import folder, '/'-separated and canonical (as
// ImportService.ImportFolder makes them).
//
// Thread-safe: pure functions.
#ifndef CASEFILE_MIGRATION_DOCUMENT_PATHS_H_
#define CASEFILE_MIGRATION_DOCUMENT_PATHS_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace casefile::migration {

// A CSV directly in `documents/`: read with the legacy files, as a manifest.
bool IsDocumentManifestPath(std::string_view path);
// Any other file under `documents/`: a scanned document, attached, never read as records.
bool IsScannedDocumentPath(std::string_view path);

// The path in the import folder of `file` as a manifest at `manifest_path`
// names it (relative to the manifest's folder). InvalidArgument for an
// absolute path, a backslash, a ".." or a path that is no scanned document's.
absl::StatusOr<std::string> DocumentPathInFolder(std::string_view manifest_path, std::string_view file);

// For `documents/<folder>/...`: the folder's name, the case reference the
// document is filed under; "" for a document directly in `documents/`.
std::string_view ReferenceFolder(std::string_view path);

// The references a folder's name may stand for, in the order they are tried:
// as written, then with '_' and then '-' read as '/' (a folder name cannot
// hold the '/' of "HPVP/2012/0457" or "22/45871/12"). Without repeats.
std::vector<std::string> ReferencesOfFolder(std::string_view folder);

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_DOCUMENT_PATHS_H_
