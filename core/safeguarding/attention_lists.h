// AttentionLists: the read side of the attention index (core/safeguarding/attention_index.h
// writes it): each list, oldest first, answered from the index by comparing
// the instant each item's clock started with now minus the list's threshold
// — never by scanning cases. A caller sees only items of cases they may know
// (need to know), each with the teams it is for.
//
// Thread-safe.
#ifndef CASEFILE_CORE_SAFEGUARDING_ATTENTION_LISTS_H_
#define CASEFILE_CORE_SAFEGUARDING_ATTENTION_LISTS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "casefile/v1/attention.pb.h"
#include "core/access/caller.h"
#include "core/audit/audit_trail.h"
#include "storage/store.h"

namespace casefile {

// The settings of the lists (casefiled flags of the same names).
struct AttentionOptions {
  // A significant-harm referral needs a strategy discussion within this.
  absl::Duration strategy_discussion_within = absl::Hours(24);
  // CSC should give feedback on a referral within this (three working days).
  absl::Duration referral_feedback_within = absl::Hours(72);
  // A child in custody should not wait longer than this for an appropriate adult.
  absl::Duration appropriate_adult_within = absl::Hours(4);
  // The specialist child-abuse investigators' team: significant-harm
  // referrals are routed to it.
  std::string specialist_team = "cait";
};

class AttentionLists {
 public:
  // `store` must outlive this object.
  AttentionLists(storage::Store* store, Clock clock, AttentionOptions options);

  // One list's items due now. InvalidArgument for an unspecified list, a bad
  // page size or token.
  absl::StatusOr<v1::ListAttentionItemsResponse> List(const Caller& caller,
                                                      const v1::ListAttentionItemsRequest& request) const;

  // OK when `caller` may watch what `request` asks for.
  absl::Status CheckWatch(const Caller& caller, const v1::WatchAttentionRequest& request) const;
  // The items of one case due now on the lists `request` watches (all when
  // it names none), as `caller` may see them.
  absl::StatusOr<std::vector<v1::AttentionItem>> DueInCase(
      const Caller& caller, absl::string_view case_id, const v1::WatchAttentionRequest& request) const;

 private:
  storage::Store* const store_;
  const Clock clock_;
  const AttentionOptions options_;
};

}  // namespace casefile

#endif  // CASEFILE_CORE_SAFEGUARDING_ATTENTION_LISTS_H_
