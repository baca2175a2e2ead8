// Crime export writer: the force crime system's chronology export,
// crime/chronology_export_NN.csv (record_ref,record_type,entry_no,entered_at,
// entered_by,occurred_at,text). Text is pasted from the officer's log: re-flowed,
// SURNAMES in capitals, an "UPDATE - " style prefix, curly quotes, a few typos,
// sometimes cut short; a row is sometimes exported twice; occurred_at is
// sometimes empty. Files are split at a case boundary once they reach the row
// limit, so one file never holds the whole folder.
//
// Thread-safety: not thread-safe; one per generation run.
#ifndef CASEFILE_TOOLS_LEGACY_GENERATOR_CRIME_EXPORT_WRITER_H_
#define CASEFILE_TOOLS_LEGACY_GENERATOR_CRIME_EXPORT_WRITER_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "tools/legacy_generator/case_model.h"
#include "tools/legacy_generator/file_sink.h"
#include "tools/legacy_generator/random.h"
#include "tools/legacy_generator/record_sink.h"

namespace casefile::legacy_generator {

class CrimeExportWriter {
 public:
  // `random` chooses each file's encoding; cases bring their own.
  CrimeExportWriter(int64_t rows_per_file, Random random);

  absl::Status AppendCase(const SyntheticCase& c, RecordSink& sink, Random& random);
  absl::Status Close();

 private:
  absl::Status StartFile(RecordSink& sink);

  int64_t rows_per_file_;
  Random random_;
  std::optional<FileSink> file_;
  std::string relative_;  // "crime/chronology_export_01.csv"
  int file_number_ = 0;
  int64_t rows_in_file_ = 0;
  std::string buffer_;
};

}  // namespace casefile::legacy_generator

#endif  // CASEFILE_TOOLS_LEGACY_GENERATOR_CRIME_EXPORT_WRITER_H_
