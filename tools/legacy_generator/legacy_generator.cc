#include "tools/legacy_generator/legacy_generator.h"

#include <algorithm>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

#include "absl/strings/str_cat.h"
#include "tools/legacy_generator/case_model.h"
#include "tools/legacy_generator/crime_export_writer.h"
#include "tools/legacy_generator/csv_row.h"
#include "tools/legacy_generator/document_writer.h"
#include "tools/legacy_generator/file_sink.h"
#include "tools/legacy_generator/investigation_log_writer.h"
#include "tools/legacy_generator/nominal_index_writer.h"
#include "tools/legacy_generator/paper_file_writer.h"
#include "tools/legacy_generator/record_sink.h"
#include "tools/legacy_generator/reference_allocator.h"
#include "tools/legacy_generator/truth_writer.h"
#include "tools/legacy_generator/vocabulary.h"

namespace casefile::legacy_generator {
namespace {

// Random streams: each case draws from its own (so a case reads the same
// whatever came before it, unless one of its references clashed with an
// earlier one and was redrawn), the folder-wide writers from theirs.
constexpr uint64_t kOfficerStream = 1;
constexpr uint64_t kCrimeExportStream = 2;
constexpr uint64_t kNominalStream = 3;
constexpr uint64_t kXrefStream = 4;
constexpr uint64_t kFirstCaseStream = 1000;

// Measured mean over many seeds with every variation on; only used to size
// the officer pool before the case count is known.
constexpr int64_t kRecordsPerCaseEstimate = 50;
constexpr int64_t kCasesPerOfficer = 12;

std::vector<Officer> OfficerPool(int64_t expected_cases, uint64_t seed) {
  static constexpr std::string_view kRanks[] = {"DC", "DC", "DC", "PC", "PC", "DS"};
  const int64_t size = std::max<int64_t>(3, expected_cases / kCasesPerOfficer);
  Random random(seed, kOfficerStream);
  std::vector<Officer> pool;
  pool.reserve(size);
  // Collar numbers are a permutation of 1000..9999 so the first 9,000 officers'
  // folders (Surname_NNNN) never clash.
  const int offset = random.Between(0, 8999);
  for (int64_t k = 0; k < size; ++k) {
    pool.push_back({.rank = std::string(random.Pick<std::string_view>(kRanks)),
                    .collar = 1000 + static_cast<int>((k * 7919 + offset) % 9000),
                    .surname = std::string(random.Pick(vocabulary::OfficerSurnames()))});
  }
  return pool;
}

absl::Status PrepareFolder(const std::filesystem::path& out) {
  std::error_code error;
  if (std::filesystem::exists(out, error) && !std::filesystem::is_empty(out, error)) {
    return absl::FailedPreconditionError(
        absl::StrCat(out.string(), " is not empty; the generator only writes new folders"));
  }
  for (const char* sub : {"paper", "logs", "crime", "nominals"}) {
    std::filesystem::create_directories(out / sub, error);
    if (error) {
      return absl::UnavailableError(
          absl::StrCat("cannot create ", (out / sub).string(), ": ", error.message()));
    }
  }
  return absl::OkStatus();
}

// case_xref.csv rows for the case. When asked to be incomplete it leaves out
// some references, but never all of a case's: the others must still lead
// there. Returns the references it listed.
std::vector<LegacyReference> AppendXrefRows(const SyntheticCase& c, bool incomplete, Random& random, std::string& out,
                                            int64_t& rows) {
  const std::vector<LegacyReference> refs = c.AllRefs();
  const size_t keep_anyway = random.Below(refs.size());
  std::vector<LegacyReference> listed;
  for (size_t i = 0; i < refs.size(); ++i) {
    if (incomplete && i != keep_anyway && random.Chance(0.15)) continue;
    AppendCsvRow(out, {c.key, refs[i].ref, XrefKindName(refs[i].kind)});
    listed.push_back(refs[i]);
    ++rows;
  }
  return listed;
}

}  // namespace

absl::StatusOr<GenerationSummary> GenerateLegacyFolder(const GeneratorOptions& options,
                                                       const std::filesystem::path& out) {
  if (options.cases < 0 || options.target_records < 0) {
    return absl::InvalidArgumentError("cases and target_records must not be negative");
  }
  if (options.export_rows_per_file <= 0) {
    return absl::InvalidArgumentError("export_rows_per_file must be positive");
  }
  if (absl::Status s = PrepareFolder(out); !s.ok()) return s;

  absl::StatusOr<TruthWriter> truth = TruthWriter::Open(out);
  if (!truth.ok()) return truth.status();
  RecordSink sink{.folder = out, .variations = options.variations, .truth = &*truth, .counts = {}};
  const Variations& v = options.variations;

  Random xref_random(options.seed, kXrefStream);
  absl::StatusOr<FileSink> xref =
      FileSink::Open(out / "case_xref.csv", PickFileStyle(v.encodings, xref_random));
  if (!xref.ok()) return xref.status();
  xref->Write("case_key,legacy_ref,ref_kind\n");
  ++sink.counts.files;
  absl::StatusOr<NominalIndexWriter> nominals =
      NominalIndexWriter::Open(sink, Random(options.seed, kNominalStream));
  if (!nominals.ok()) return nominals.status();
  CrimeExportWriter crime(options.export_rows_per_file, Random(options.seed, kCrimeExportStream));
  std::optional<DocumentWriter> documents;
  if (options.documents_per_case > 0) {
    absl::StatusOr<DocumentWriter> opened = DocumentWriter::Open(sink);
    if (!opened.ok()) return opened.status();
    documents.emplace(*std::move(opened));
  }

  const bool by_records = options.target_records > 0;
  const std::vector<Officer> officers = OfficerPool(
      by_records ? options.target_records / kRecordsPerCaseEstimate : options.cases, options.seed);
  ReferenceAllocator refs;
  std::string xref_rows;
  auto report = [&] {
    if (options.progress) options.progress(sink.counts);
  };
  while (by_records ? sink.counts.records() < options.target_records
                    : sink.counts.cases < options.cases) {
    const int64_t index = ++sink.counts.cases;
    Random random(options.seed, kFirstCaseStream + index);
    const Officer& officer = officers[random.Below(officers.size())];
    const SyntheticCase c = BuildCase(index, officer, v, refs, random);
    if (absl::Status s = WritePaperFile(c, sink, random); !s.ok()) return s;
    if (absl::Status s = WriteInvestigationLog(c, sink, random); !s.ok()) return s;
    if (absl::Status s = crime.AppendCase(c, sink, random); !s.ok()) return s;
    if (absl::Status s = nominals->AddCase(c, sink, random); !s.ok()) return s;
    xref_rows.clear();
    const std::vector<LegacyReference> listed =
        AppendXrefRows(c, v.incomplete_xref, random, xref_rows, sink.counts.xref_rows);
    xref->Write(xref_rows);
    if (documents.has_value()) {
      if (absl::Status s = documents->AddCase(c, listed.back(), options.documents_per_case, sink, random); !s.ok())
        return s;
    }
    std::vector<std::string> all_refs;
    for (const LegacyReference& r : c.AllRefs()) all_refs.push_back(r.ref);
    truth->Case(c.key, all_refs);
    if (options.progress_every_cases > 0 && index % options.progress_every_cases == 0) report();
  }
  if (absl::Status s = crime.Close(); !s.ok()) return s;
  if (absl::Status s = nominals->Close(sink); !s.ok()) return s;
  if (absl::Status s = xref->Close(); !s.ok()) return s;
  if (documents.has_value()) {
    if (absl::Status s = documents->Close(); !s.ok()) return s;
  }
  if (absl::Status s = truth->Finish(); !s.ok()) return s;
  report();
  return sink.counts;
}

}  // namespace casefile::legacy_generator
