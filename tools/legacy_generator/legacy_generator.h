// The synthetic legacy import folder generator: writes a folder in the formats
// of LEGACY_FORMATS.md — case_xref.csv, paper/*.csv, logs/<Officer_NNNN>/*.txt
// and *.docx, crime/chronology_export_NN.csv, nominals/nominal_index.csv — and
// truth.json, the answer key saying which records describe the same event and
// which nominal rows the same person. Used by tests, benchmarks and the
// quickstart; it needs nothing outside this repository.
//
// Deterministic: the same options (seed included) give the same bytes on the
// same platform. Streams everything to disk, so memory stays flat however many
// records are asked for.
//
// Thread-safety: GenerateLegacyFolder may run concurrently for different
// output folders.
#ifndef CASEFILE_TOOLS_LEGACY_GENERATOR_LEGACY_GENERATOR_H_
#define CASEFILE_TOOLS_LEGACY_GENERATOR_LEGACY_GENERATOR_H_

#include <cstdint>
#include <filesystem>

#include "absl/status/statusor.h"
#include "tools/legacy_generator/generator_options.h"

namespace casefile::legacy_generator {

// Writes the folder at `out`, which must not exist or be empty.
// Errors: InvalidArgument for bad options, FailedPrecondition when `out` is
// not empty, Unavailable when a file cannot be written.
absl::StatusOr<GenerationSummary> GenerateLegacyFolder(const GeneratorOptions& options,
                                                       const std::filesystem::path& out);

}  // namespace casefile::legacy_generator

#endif  // CASEFILE_TOOLS_LEGACY_GENERATOR_LEGACY_GENERATOR_H_
