// TruthWriter: streams truth.json, the answer key of a generated folder, in the
// schema of the shared sample:
//
//   {
//    "records": { "<locator>": {"case": "<case key>", "event": "<case key>/e<n>"}, ... },
//    "nominals": { "<locator>": "<case key>/<role>", ... },
//    "cases": { "<case key>": {"refs": ["<legacy ref>", ...]}, ... },
//    "documents": { "<locator>": {"case": "<case key>", "event": "<case key>/e<n>" or "",
//                                 "content": "<id>", "outcome": "attach" | "reject"}, ... }
//   }
//
// A document's locator is its path, or for a manifest row that must be
// rejected the row ("documents/manifest.csv#row=N"). "event" names the event
// whose day and kind its manifest row gives ("" when none: the case's
// "documents from the paper file"); "content" is the same for the same bytes,
// so each case must hold each of its contents exactly once.
//
// Records go straight into truth.json; nominals and cases go to two part files
// beside it that Finish() appends and deletes, so memory stays flat however
// large the folder is.
//
// Thread-safety: not thread-safe; one per generation run.
#ifndef CASEFILE_TOOLS_LEGACY_GENERATOR_TRUTH_WRITER_H_
#define CASEFILE_TOOLS_LEGACY_GENERATOR_TRUTH_WRITER_H_

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "tools/legacy_generator/file_sink.h"

namespace casefile::legacy_generator {

class TruthWriter {
 public:
  static absl::StatusOr<TruthWriter> Open(const std::filesystem::path& folder);

  void Record(std::string_view locator, std::string_view case_key, int event_number);
  void Nominal(std::string_view locator, std::string_view case_key, std::string_view role);
  void Case(std::string_view case_key, const std::vector<std::string>& refs);
  // `event_number` 0: none.
  void Document(std::string_view locator, std::string_view case_key, int event_number, std::string_view content,
                bool rejected);

  absl::Status Finish();

 private:
  struct Section {
    FileSink sink;
    bool empty = true;
    std::string line;  // reused buffer
  };
  TruthWriter(std::filesystem::path folder, Section records, Section nominals, Section cases, Section documents);
  static void BeginEntry(Section& section);

  std::filesystem::path folder_;
  Section records_;
  Section nominals_;
  Section cases_;
  Section documents_;
};

}  // namespace casefile::legacy_generator

#endif  // CASEFILE_TOOLS_LEGACY_GENERATOR_TRUTH_WRITER_H_
