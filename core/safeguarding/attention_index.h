// The attention index, write side: what one new entry's safeguarding record
// (safeguarding.proto) puts into and takes out of the attention lists
// (attention.proto), in the same transaction as the entry, so the lists are
// always exactly as current as the chronology. Items hold the instant their
// clock started; thresholds are applied when a list is read
// (core/safeguarding/attention_lists.h), so changing one needs no re-indexing.
//
// What each record does:
//   referral to CSC          + referral-feedback item (cleared by its ReferralFeedback)
//   significant-harm referral+ significant-harm item (cleared by a strategy discussion
//                              recorded in the case after it)
//   strategy discussion      clears the case's significant-harm and Section 47 items;
//                            + one item per action, due the day after its due date
//                              (cleared by an ActionCompleted naming it)
//   Section 47 enquiry       + an item when the case has no strategy discussion
//   missing episode          counted per child across cases: 3 within 365 days and no
//                            assessment since the first → one item for the child
//   assessment               clears the child's repeated-missing item
//   custody                  + appropriate-adult item while none has arrived; + detained
//                            item when detained after charge; a custody record that
//                            `updates` an earlier one first clears the earlier one's
//
// Imported legacy records carry no structured record: the importers mark
// their kind from their wording and never invent fields they did not give.
// Of these, a missing-episode record dated to the day counts towards a
// repeated-missing item for "the children of" its case (the record names no
// child for certain), flagged from_import; an assessment recorded in the case
// answers it. Other imported kinds raise nothing: an imported referral does
// not say to whom or whether significant harm was suspected.
//
// It also checks that a feedback, completed action or update names the right
// kind of record in the same case (INVALID_ARGUMENT naming the field
// otherwise). The children a record names were linked to persons before
// (core/persons/child_links.h), so a child counts as one across all cases.
//
// Corrections are not indexed: a correction changes text, not the record.
//
// Thread-safety: as the transaction passed in.
#ifndef CASEFILE_CORE_SAFEGUARDING_ATTENTION_INDEX_H_
#define CASEFILE_CORE_SAFEGUARDING_ATTENTION_INDEX_H_

#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "casefile/v1/case.pb.h"
#include "storage/lmdb.h"

namespace casefile {

// One child across all cases: the person when named, else "name:<lower-case
// name>|<date of birth>" (the measure index counts children by it too).
std::string ChildKey(const v1::ChildRef& child);

// REQUIRES: `entry` passed ValidateNewEntry and has its name, number and
// record_time; `txn` is the write transaction that saves it.
absl::Status IndexSafeguardingRecord(storage::LmdbTxn& txn, absl::string_view case_id,
                                     const v1::Entry& entry);

// What an imported entry puts into the lists; `superseded` are the entries it
// replaces (a re-merge of the same event), whose episodes are withdrawn.
// REQUIRES: `entry` has its name and number; `txn` saves it.
absl::Status IndexImportedRecord(storage::LmdbTxn& txn, absl::string_view case_id, const v1::Entry& entry,
                                 absl::Span<const int64_t> superseded);

// Takes an erased case out of the index: its items and facts, its imported
// missing-episode count, and its children's missing episodes from their
// counts (a child's item that the case raised goes with it; one still due
// on the child's other cases is raised again by their next episode).
// `entries` are the case's entries. Returns how many items went.
absl::StatusOr<int64_t> UnindexCase(storage::LmdbTxn& txn, absl::string_view case_id,
                                    absl::Span<const v1::Entry> entries);

}  // namespace casefile

#endif  // CASEFILE_CORE_SAFEGUARDING_ATTENTION_INDEX_H_
