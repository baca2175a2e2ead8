// ReviewQueue: the operator's view of uncertain matches — list them strongest
// first, show one, and decide it (once per request id; with `expect_open`,
// only while nobody has decided it: the browser's two operators at once). A
// decision is durable, applied at once (events: the later entry is superseded
// by the earlier, which takes its sources; persons: the index is rebuilt), and
// honoured by every later import.
//
// Thread-safe; decisions go through the store's single writer.
#ifndef CASEFILE_MIGRATION_REVIEW_QUEUE_H_
#define CASEFILE_MIGRATION_REVIEW_QUEUE_H_

#include "absl/status/statusor.h"
#include "casefile/v1/import.pb.h"
#include "core/access/caller.h"
#include "core/chronology/case_chronology.h"
#include "storage/store.h"

namespace casefile::migration {

class ReviewQueue {
 public:
  // `store` must outlive this object.
  ReviewQueue(storage::Store* store, Clock clock);

  absl::StatusOr<v1::ListReviewItemsResponse> List(const Caller& caller,
                                                   const v1::ListReviewItemsRequest& request);
  absl::StatusOr<v1::ReviewItem> Get(const Caller& caller, absl::string_view name);
  absl::StatusOr<v1::ReviewItem> Resolve(const Caller& caller,
                                         const v1::ResolveReviewItemRequest& request);

 private:
  storage::Store* const store_;
  const Clock clock_;
};

}  // namespace casefile::migration

#endif  // CASEFILE_MIGRATION_REVIEW_QUEUE_H_
