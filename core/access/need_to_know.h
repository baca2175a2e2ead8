// Need to know: a case may be restricted to named users and teams
// (casefile.v1.CaseRestriction). To anyone else it does not exist: every read
// answers NOT_FOUND with the words used for a case that was never created,
// and every list, search and report leaves it out. Admins know every case,
// since they restrict, back up and erase. The role's permissions
// (core/access/caller.h) still apply on top.
//
// Thread-safe: pure functions; CaseVisibility as the transaction it reads.
#ifndef CASEFILE_CORE_ACCESS_NEED_TO_KNOW_H_
#define CASEFILE_CORE_ACCESS_NEED_TO_KNOW_H_

#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "casefile/v1/case.pb.h"
#include "core/access/caller.h"
#include "storage/lmdb.h"

namespace casefile {

// Whether `caller` may know that case `c` exists.
bool MayKnow(const Caller& caller, const v1::Case& c);

// A restriction as a client gave it: user ids and team names, each valid,
// none twice, at most 100 of each. `field` is its path ("case.restriction").
absl::Status ValidateRestriction(const v1::CaseRestriction& restriction, absl::string_view field);

// The case `case_id` as `caller` may see it: NotFound, worded as for a case
// that does not exist, when it is missing or kept from the caller.
absl::StatusOr<v1::Case> LoadKnownCase(const storage::LmdbTxn& txn, const Caller& caller,
                                       absl::string_view case_id);

// Answers "may the caller know cases/X?" for the lists of one read, loading
// each case once.
class CaseVisibility {
 public:
  // Both must outlive this object.
  CaseVisibility(const storage::LmdbTxn& txn, const Caller& caller) : txn_(txn), caller_(caller) {}

  // `case_name` is `cases/{case}`. False for a case that does not exist.
  absl::StatusOr<bool> Knows(absl::string_view case_name);

 private:
  const storage::LmdbTxn& txn_;
  const Caller& caller_;
  absl::flat_hash_map<std::string, bool> known_;
};

}  // namespace casefile

#endif  // CASEFILE_CORE_ACCESS_NEED_TO_KNOW_H_
