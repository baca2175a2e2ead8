// CaseFileOpening: starts a GetCaseFile stream once two things are done,
// whichever comes second: the access record's durable commit (which checks
// the caller may know the case) and the first entries, read meanwhile. The
// entries read early are sent only after that commit succeeded, and only when
// they do not go past the version the commit saw (else they are read again).
//
// Thread-safe: the writer's answering thread and the handler's thread each
// call one of Opened and Read, once.
#ifndef CASEFILE_SERVICES_CASE_FILE_OPENING_H_
#define CASEFILE_SERVICES_CASE_FILE_OPENING_H_

#include <functional>
#include <optional>

#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "casefile/v1/case.pb.h"
#include "core/chronology/case_chronology.h"
#include "services/entry_stream_reactor.h"
#include "storage/case_tables.h"

namespace casefile {

class CaseFileOpening {
 public:
  // `reactor` must outlive this object's last call.
  explicit CaseFileOpening(EntryStreamReactor* reactor) : reactor_(reactor) {}

  // The access record's outcome: the case as the commit saw it, or why not.
  void Opened(absl::StatusOr<v1::Case> opened);
  // The first entries read meanwhile (or the error reading them).
  void Read(absl::StatusOr<storage::EncodedEntryChunk> first);
  // In time order instead: the view planned meanwhile with its first chunk;
  // `replan` plans it again at the version the access record saw, when a
  // write came in between.
  using Replan = std::function<absl::StatusOr<CaseChronology::CaseFileViewStart>(uint64_t version)>;
  void ReadView(absl::StatusOr<CaseChronology::CaseFileViewStart> first, Replan replan);

 private:
  void StartIfBothDone() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_);

  EntryStreamReactor* const reactor_;
  absl::Mutex mu_;
  std::optional<absl::StatusOr<v1::Case>> opened_ ABSL_GUARDED_BY(mu_);
  std::optional<absl::StatusOr<storage::EncodedEntryChunk>> first_ ABSL_GUARDED_BY(mu_);
  std::optional<absl::StatusOr<CaseChronology::CaseFileViewStart>> view_first_ ABSL_GUARDED_BY(mu_);
  Replan replan_ ABSL_GUARDED_BY(mu_);
};

}  // namespace casefile

#endif  // CASEFILE_SERVICES_CASE_FILE_OPENING_H_
