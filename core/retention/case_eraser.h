// Erasing a case for good (AdminService.EraseCase): everything the store
// holds of it, in the caller's transaction. What stays: the audit trail
// (which names the case, never its content), each legacy record's place and
// content digest (keys.h l, entry 0), so that an import of the same records
// counts them as erased instead of bringing them back, and import reports,
// which name the case among the cases an import touched (a report read
// afterwards leaves it out, as it does every case the reader may not know).
//
// Thread-safety: as the transaction passed in; no import may run meanwhile
// (ImportEngine::EraseCase holds the import lock).
//
// The persons are the import's to compute (migration/person_index.h), and
// the domain includes nothing of migration/: the caller hands in how.
#ifndef CASEFILE_CORE_RETENTION_CASE_ERASER_H_
#define CASEFILE_CORE_RETENTION_CASE_ERASER_H_

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "casefile/v1/admin.pb.h"
#include "core/access/caller.h"
#include "storage/lmdb.h"

namespace casefile {

// Removes the case's header, entries, supersessions, documents (their
// content is marked for removal unless another case links it), sources (their text),
// reference, name, review-due, owner and team index rows, attention items, the person
// records of its subjects and the persons known only through them (the
// person index is computed again), and the review items and operator
// decisions that name its records. NotFound when there is no such case.
// `recompute_persons` is called, in `txn`, when person records were erased.
using RecomputePersons = absl::FunctionRef<absl::Status(storage::LmdbTxn& txn)>;
absl::StatusOr<v1::EraseCaseResponse> EraseCaseContent(storage::LmdbTxn& txn, const Caller& caller,
                                                       absl::string_view case_id,
                                                       RecomputePersons recompute_persons);

}  // namespace casefile

#endif  // CASEFILE_CORE_RETENTION_CASE_ERASER_H_
