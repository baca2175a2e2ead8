// generate-legacy: writes a synthetic legacy import folder (paper files,
// investigation logs, crime exports, nominal index, case_xref.csv) with its
// truth.json answer key, for tests, benchmarks and the quickstart.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/flags/usage_config.h"
#include "absl/strings/match.h"
#include "tools/legacy_generator/legacy_generator.h"

ABSL_FLAG(std::string, out, "", "Folder to create (must not exist, or be empty). Required.");
ABSL_FLAG(int64_t, cases, 4, "Number of cases to generate (ignored when --records is set).");
ABSL_FLAG(int64_t, records, 0,
          "Approximate total number of chronology records (paper rows, log entries, crime "
          "export rows); cases are added until it is reached.");
ABSL_FLAG(uint64_t, seed, 1, "Random seed: the same seed gives the same folder, byte for byte.");
ABSL_FLAG(bool, clean, false,
          "Turn every variation off: no typos, encodings, duplicates, traps or lookalikes.");
ABSL_FLAG(int64_t, export_rows, 50000, "Rows per crime export file (split at a case boundary).");
ABSL_FLAG(int, documents_per_case, 0,
          "Scanned documents per case under documents/ (a folder per reference, or manifest.csv), "
          "with repeats and some bad ones; 0: none.");

namespace {

uint64_t FolderBytes(const std::filesystem::path& folder) {
  uint64_t bytes = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
    if (entry.is_regular_file()) bytes += entry.file_size();
  }
  return bytes;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Writes a synthetic legacy import folder and its truth.json.\n"
      "  generate-legacy --out=/tmp/legacy --cases=20 --seed=7\n"
      "  generate-legacy --out=/tmp/legacy-1m --records=1000000\n"
      "The folder holds case_xref.csv, paper/*.csv, logs/<Officer_NNNN>/*.txt|*.docx,\n"
      "crime/chronology_export_NN.csv, nominals/nominal_index.csv and truth.json, in the\n"
      "formats of LEGACY_FORMATS.md. Nothing in it describes real people.");
  // --help lists the flags of this file; Abseil's default looks for a file
  // named after the binary, which "generate-legacy" is not.
  absl::FlagsUsageConfig usage;
  usage.contains_help_flags = [](absl::string_view path) {
    return absl::StrContains(path, "generate_legacy_main");
  };
  usage.contains_helpshort_flags = usage.contains_help_flags;
  absl::SetFlagsUsageConfig(usage);
  absl::ParseCommandLine(argc, argv);
  namespace legacy_generator = casefile::legacy_generator;

  legacy_generator::GeneratorOptions options;
  options.cases = absl::GetFlag(FLAGS_cases);
  options.target_records = absl::GetFlag(FLAGS_records);
  options.seed = absl::GetFlag(FLAGS_seed);
  options.export_rows_per_file = absl::GetFlag(FLAGS_export_rows);
  options.documents_per_case = absl::GetFlag(FLAGS_documents_per_case);
  if (absl::GetFlag(FLAGS_clean)) {
    options.variations = legacy_generator::Variations::None();
  }
  const std::string out = absl::GetFlag(FLAGS_out);
  if (out.empty()) {
    std::fprintf(stderr, "generate-legacy: --out is required (see --help)\n");
    return 2;
  }
  const auto start = std::chrono::steady_clock::now();
  auto seconds = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  options.progress_every_cases = 2000;
  options.progress = [&](const legacy_generator::GenerationSummary& s) {
    std::fprintf(stderr, "  %lld cases, %lld records (%.1f s)\n", static_cast<long long>(s.cases),
                 static_cast<long long>(s.records()), seconds());
  };

  const absl::StatusOr<legacy_generator::GenerationSummary> summary =
      legacy_generator::GenerateLegacyFolder(options, out);
  if (!summary.ok()) {
    std::fprintf(stderr, "generate-legacy: %s\n", summary.status().ToString().c_str());
    return 1;
  }
  std::fprintf(
      stderr,
      "wrote %s: %lld cases, %lld records (%lld paper rows, %lld log entries, %lld "
      "crime export rows), %lld nominal rows, %lld xref rows, %lld files, %.1f MB "
      "with truth.json, in %.1f s\n",
      out.c_str(), static_cast<long long>(summary->cases),
      static_cast<long long>(summary->records()), static_cast<long long>(summary->paper_rows),
      static_cast<long long>(summary->log_entries), static_cast<long long>(summary->crime_rows),
      static_cast<long long>(summary->nominal_rows), static_cast<long long>(summary->xref_rows),
      static_cast<long long>(summary->files), FolderBytes(out) / 1e6, seconds());
  return 0;
}
