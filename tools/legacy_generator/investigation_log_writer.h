// Investigation log writer: the officer in charge's own log of a case, copied
// off a personal drive into logs/<Officer_NNNN>/ as .txt or .docx (paragraph
// form, or a two-column Date/Time | Entry table), sometimes saved twice as
// "... - Copy.docx". The header (INVESTIGATION LOG, Officer:, Reference:,
// Subject:) and the entries follow LEGACY_FORMATS.md section 3.
//
// Thread-safety: not thread-safe (writes through the RecordSink).
#ifndef CASEFILE_TOOLS_LEGACY_GENERATOR_INVESTIGATION_LOG_WRITER_H_
#define CASEFILE_TOOLS_LEGACY_GENERATOR_INVESTIGATION_LOG_WRITER_H_

#include "absl/status/status.h"
#include "tools/legacy_generator/case_model.h"
#include "tools/legacy_generator/random.h"
#include "tools/legacy_generator/record_sink.h"

namespace casefile::legacy_generator {

// Writes nothing when the case has no log or no event in it.
absl::Status WriteInvestigationLog(const SyntheticCase& c, RecordSink& sink, Random& random);

}  // namespace casefile::legacy_generator

#endif  // CASEFILE_TOOLS_LEGACY_GENERATOR_INVESTIGATION_LOG_WRITER_H_
