// RecordSink: what every legacy-record writer needs from the generation run —
// the output folder, the variations asked for, the answer key, and the counts.
//
// Thread-safety: not thread-safe; one per generation run.
#ifndef CASEFILE_TOOLS_LEGACY_GENERATOR_RECORD_SINK_H_
#define CASEFILE_TOOLS_LEGACY_GENERATOR_RECORD_SINK_H_

#include <filesystem>

#include "tools/legacy_generator/generator_options.h"
#include "tools/legacy_generator/truth_writer.h"

namespace casefile::legacy_generator {

struct RecordSink {
  std::filesystem::path folder;
  Variations variations;
  TruthWriter* truth;  // not owned
  GenerationSummary counts;
};

}  // namespace casefile::legacy_generator

#endif  // CASEFILE_TOOLS_LEGACY_GENERATOR_RECORD_SINK_H_
