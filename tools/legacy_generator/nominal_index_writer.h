// Nominal index writer: the unit's legacy person index,
// nominals/nominal_index.csv (nominal_ref,forename,surname,date_of_birth,
// address_1,address_2,town,postcode,source_ref). Each person appears several
// times — with a nickname, a typing error, day and month swapped, a yyyymmdd
// date, an empty field — and the rows of a few dozen cases are shuffled
// together, as an index sorted by nothing in particular would have them.
//
// Thread-safety: not thread-safe; one per generation run.
#ifndef CASEFILE_TOOLS_LEGACY_GENERATOR_NOMINAL_INDEX_WRITER_H_
#define CASEFILE_TOOLS_LEGACY_GENERATOR_NOMINAL_INDEX_WRITER_H_

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "tools/legacy_generator/case_model.h"
#include "tools/legacy_generator/file_sink.h"
#include "tools/legacy_generator/random.h"
#include "tools/legacy_generator/record_sink.h"
#include "tools/legacy_generator/reference_allocator.h"

namespace casefile::legacy_generator {

class NominalIndexWriter {
 public:
  // `random` shuffles rows, picks nominal refs and the file's encoding.
  static absl::StatusOr<NominalIndexWriter> Open(RecordSink& sink, Random random);

  absl::Status AddCase(const SyntheticCase& c, RecordSink& sink, Random& random);
  absl::Status Close(RecordSink& sink);

 private:
  struct Row {
    std::string case_key;
    std::string role;
    std::string forename;
    std::string surname;
    std::string date_of_birth;
    std::string address_1;
    std::string address_2;
    std::string town;
    std::string postcode;
    std::string source_ref;
  };

  NominalIndexWriter(FileSink file, Random random);
  void Flush(RecordSink& sink);

  FileSink file_;
  Random random_;
  ReferenceAllocator refs_;
  std::vector<Row> pending_;
  int pending_cases_ = 0;
  int64_t rows_written_ = 0;
  std::string buffer_;
};

}  // namespace casefile::legacy_generator

#endif  // CASEFILE_TOOLS_LEGACY_GENERATOR_NOMINAL_INDEX_WRITER_H_
