// Paper file writer: a case's paper PVP file as transcribed by hand into
// paper/HPVP_yyyy_nnnn.csv (file_ref,page,doc_type,entry_date,author,subjects,
// text), one row per page: typing errors, ALL-CAPS pages, undated or
// month-only pages, the same page keyed twice.
//
// Thread-safety: not thread-safe (writes through the RecordSink).
#ifndef CASEFILE_MIGRATION_SYNTHETIC_PAPER_FILE_WRITER_H_
#define CASEFILE_MIGRATION_SYNTHETIC_PAPER_FILE_WRITER_H_

#include "absl/status/status.h"
#include "migration/synthetic/case_model.h"
#include "migration/synthetic/random.h"
#include "migration/synthetic/record_sink.h"

namespace casefile::migration::synthetic {

// Writes nothing when the case has no paper file or no event on paper.
absl::Status WritePaperFile(const SyntheticCase& c, RecordSink& sink, Random& random);

}  // namespace casefile::migration::synthetic

#endif  // CASEFILE_MIGRATION_SYNTHETIC_PAPER_FILE_WRITER_H_
