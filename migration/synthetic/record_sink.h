// RecordSink: what every legacy-record writer needs from the generation run —
// the output folder, the variations asked for, the answer key, and the counts.
//
// Thread-safety: not thread-safe; one per generation run.
#ifndef CASEFILE_MIGRATION_SYNTHETIC_RECORD_SINK_H_
#define CASEFILE_MIGRATION_SYNTHETIC_RECORD_SINK_H_

#include <filesystem>

#include "migration/synthetic/generator_options.h"
#include "migration/synthetic/truth_writer.h"

namespace casefile::migration::synthetic {

struct RecordSink {
  std::filesystem::path folder;
  Variations variations;
  TruthWriter* truth;  // not owned
  GenerationSummary counts;
};

}  // namespace casefile::migration::synthetic

#endif  // CASEFILE_MIGRATION_SYNTHETIC_RECORD_SINK_H_
