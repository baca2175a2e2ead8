#include "migration/import_progress.h"

#include <string>

namespace casefile::migration {

void ImportStages::Enter(absl::string_view name) {
  stage_.set_stage(std::string(name));
  if (progress_) progress_(stage_);
}

void ImportStages::CasesWritten(int64_t cases) {
  stage_.set_cases_written(stage_.cases_written() + cases);
  if (cases > 0 && progress_) progress_(stage_);
}

}  // namespace casefile::migration
