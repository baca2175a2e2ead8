// DocumentWriter: the scanned documents of a generated folder, in both
// layouts the importer reads (README, "Migrating legacy records"): the odd
// cases' in a folder per case reference (documents/HPVP_2012_0457/...), the
// even cases' named by documents/manifest.csv (file, reference, date, kind)
// under documents/scans/. Small PDFs with a text line and greyscale PNGs
// (minimal_files.h); some repeated within a case (a second copy: linked
// once) and a leaflet shared by several cases (stored once, linked by each);
// and some bad on purpose: an image of an unknown type, a truncated PDF, HTML
// named .pdf, manifest rows naming a missing file, an unknown reference or a
// day that does not exist. truth.json says where each lands (truth_writer.h).
//
// Thread-safety: not thread-safe; one per generation run.
#ifndef CASEFILE_TOOLS_LEGACY_GENERATOR_DOCUMENT_WRITER_H_
#define CASEFILE_TOOLS_LEGACY_GENERATOR_DOCUMENT_WRITER_H_

#include "absl/status/statusor.h"
#include "tools/legacy_generator/case_model.h"
#include "tools/legacy_generator/file_sink.h"
#include "tools/legacy_generator/random.h"
#include "tools/legacy_generator/record_sink.h"

namespace casefile::legacy_generator {

class DocumentWriter {
 public:
  // Creates documents/ and its manifest.
  static absl::StatusOr<DocumentWriter> Open(RecordSink& sink);

  // Writes `per_case` documents of case `c` (and, now and then, a repeat or
  // a bad one), filed under `ref`, a reference case_xref.csv lists for it.
  absl::Status AddCase(const SyntheticCase& c, const LegacyReference& ref, int per_case, RecordSink& sink,
                       Random& random);
  absl::Status Close();

 private:
  explicit DocumentWriter(FileSink manifest) : manifest_(std::move(manifest)) {}
  absl::Status WriteFile(RecordSink& sink, const std::string& path, const std::string& bytes);

  FileSink manifest_;
  int rows_ = 0;
};

}  // namespace casefile::legacy_generator

#endif  // CASEFILE_TOOLS_LEGACY_GENERATOR_DOCUMENT_WRITER_H_
