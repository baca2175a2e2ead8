// Paper file writer: a case's paper PVP file as transcribed by hand into
// paper/HPVP_yyyy_nnnn.csv (file_ref,page,doc_type,entry_date,author,subjects,
// text), one row per page: typing errors, ALL-CAPS pages, undated or
// month-only pages, the same page keyed twice.
//
// Thread-safety: not thread-safe (writes through the RecordSink).
#ifndef CASEFILE_TOOLS_LEGACY_GENERATOR_PAPER_FILE_WRITER_H_
#define CASEFILE_TOOLS_LEGACY_GENERATOR_PAPER_FILE_WRITER_H_

#include "absl/status/status.h"
#include "tools/legacy_generator/case_model.h"
#include "tools/legacy_generator/random.h"
#include "tools/legacy_generator/record_sink.h"

namespace casefile::legacy_generator {

// Writes nothing when the case has no paper file or no event on paper.
absl::Status WritePaperFile(const SyntheticCase& c, RecordSink& sink, Random& random);

}  // namespace casefile::legacy_generator

#endif  // CASEFILE_TOOLS_LEGACY_GENERATOR_PAPER_FILE_WRITER_H_
