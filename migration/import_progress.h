// ImportStages: tells an import's client which stage the import is in
// ("resolving cases", "consolidating and writing", "matching persons",
// "done") and, while cases are written, how many of how many. Each message
// carries what the earlier ones said, so a client that missed one loses
// nothing.
//
// Thread-compatible: the import's own thread calls it, never the store's
// writer thread, which must never wait on a client.
#ifndef CASEFILE_MIGRATION_IMPORT_PROGRESS_H_
#define CASEFILE_MIGRATION_IMPORT_PROGRESS_H_

#include <cstdint>
#include <functional>

#include "absl/strings/string_view.h"
#include "casefile/v1/import.pb.h"

namespace casefile::migration {

using ImportProgressFn = std::function<void(const v1::ImportProgress&)>;

class ImportStages {
 public:
  // `progress` may be empty (no one listens). It must outlive this.
  explicit ImportStages(const ImportProgressFn& progress) : progress_(progress) {}
  ImportStages(const ImportStages&) = delete;
  ImportStages& operator=(const ImportStages&) = delete;

  // Reports that the import has entered stage `name`.
  void Enter(absl::string_view name);
  // The number of cases the import writes (reported with the next message).
  void SetCasesTotal(int64_t cases) { stage_.set_cases_total(cases); }
  // Reports `cases` more cases durably written; says nothing for none.
  void CasesWritten(int64_t cases);

 private:
  const ImportProgressFn& progress_;
  v1::ImportProgress stage_;
};

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_IMPORT_PROGRESS_H_
