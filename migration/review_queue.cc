#include "migration/review_queue.h"

#include <algorithm>
#include <memory>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "casefile/storage/v1/records.pb.h"
#include "core/access/need_to_know.h"
#include "core/audit/audit_trail.h"
#include "core/input/input_rules.h"
#include "google/protobuf/util/time_util.h"
#include "migration/person_index.h"
#include "migration/record_id.h"
#include "storage/case_tables.h"
#include "storage/keys.h"
#include "storage/prefix_scan.h"

namespace casefile::migration {
namespace {

using storage::LmdbTxn;

constexpr absl::string_view kItemPrefix = "reviewItems/";

absl::StatusOr<std::string> ItemId(absl::string_view name) {
  if (!absl::ConsumePrefix(&name, kItemPrefix) || name.empty() || name.find('/') != name.npos)
    return absl::InvalidArgumentError("name: expected reviewItems/{item}");
  return std::string(name);
}

absl::StatusOr<std::optional<v1::ReviewItem>> LoadItem(const LmdbTxn& txn, const std::string& id) {
  auto found = txn.Get(storage::keys::ReviewItem(id));
  if (!found.ok()) return found.status();
  if (!found->has_value()) return std::nullopt;
  v1::ReviewItem item;
  if (!item.ParseFromArray((*found)->data(), (*found)->size())) return absl::DataLossError("corrupt review item");
  return item;
}

// Merging two events: the later entry is superseded by the earlier one, which
// gains the later one's sources. Both stay visible.
absl::Status MergeEvents(LmdbTxn& txn, const v1::ReviewItem& item) {
  auto a = storage::LoadRecordPlace(txn, RecordId(item.left()));
  if (!a.ok()) return a.status();
  auto b = storage::LoadRecordPlace(txn, RecordId(item.right()));
  if (!b.ok()) return b.status();
  if (!a->has_value() || !b->has_value() || (*a)->case_id != (*b)->case_id || (*a)->entry == (*b)->entry)
    return absl::OkStatus();  // already one entry, or not imported: the decision guides later imports
  const std::string case_id = (*a)->case_id;
  uint64_t keep = std::min((*a)->entry, (*b)->entry), gone = std::max((*a)->entry, (*b)->entry);
  auto superseded = storage::LoadSupersession(txn, case_id, gone);
  if (!superseded.ok()) return superseded.status();
  if (*superseded != 0) return absl::OkStatus();
  auto moved = storage::LoadEntry(txn, case_id, gone);
  if (!moved.ok()) return moved.status();
  if (!moved->has_value()) return absl::OkStatus();
  // Its records are found in the kept entry from now on, so that a later
  // decision on one of them reaches the live entry, not the superseded one.
  for (const v1::Source& s : (*moved)->sources()) {
    if (auto st = txn.Put(storage::keys::Source(case_id, keep, RecordId(s)), s.SerializeAsString()); !st.ok())
      return st;
    if (auto st = storage::SaveRecordPlace(txn, RecordId(s), {case_id, keep, s.content_digest()}); !st.ok())
      return st;
  }
  return storage::SaveSupersession(txn, case_id, gone, keep);
}

// An undecided item that no longer needs an operator: its pair was decided
// another way (a record separated from its entry), or its two events have
// since become one entry (through other records or decisions).
absl::StatusOr<bool> Settled(const LmdbTxn& txn, const v1::ReviewItem& item) {
  auto decided = txn.Get(storage::keys::Decision(RecordId(item.left()), RecordId(item.right())));
  if (!decided.ok()) return decided.status();
  if (decided->has_value()) return true;
  if (item.kind() != v1::ReviewItem::KIND_EVENT) return false;
  auto a = storage::LoadRecordPlace(txn, RecordId(item.left()));
  if (!a.ok()) return a.status();
  auto b = storage::LoadRecordPlace(txn, RecordId(item.right()));
  if (!b.ok()) return b.status();
  return a->has_value() && b->has_value() && (*a)->case_id == (*b)->case_id && (*a)->entry == (*b)->entry;
}

// Whether decided `item` was decided by the request `request_id` (a retry).
absl::StatusOr<bool> DecidedByRequest(const LmdbTxn& txn, const v1::ReviewItem& item, absl::string_view request_id) {
  if (request_id.empty()) return false;
  auto stored = txn.Get(storage::keys::Decision(RecordId(item.left()), RecordId(item.right())));
  if (!stored.ok()) return stored.status();
  if (!stored->has_value()) return false;
  storage::v1::StoredDecision decision;
  if (!decision.ParseFromArray((*stored)->data(), (*stored)->size())) return absl::DataLossError("corrupt decision");
  return decision.review_item() == item.name() && decision.request_id() == request_id;
}

// "merged by op1 at 2026-12-07T17:40:00Z": who decided what, for a refusal.
std::string DecisionWords(const v1::ReviewItem& item) {
  return absl::StrCat(item.decision() == v1::ReviewItem::DECISION_MERGE ? "merged" : "kept apart", " by ",
                      item.decided_by(), " at ", google::protobuf::util::TimeUtil::ToString(item.decide_time()));
}

// Need to know: an event item belongs to its case; a person item names no
// case and is shown to every reviewer.
absl::StatusOr<bool> KnowsItemCase(CaseVisibility& cases, const v1::ReviewItem& item) {
  if (item.case_().empty()) return true;
  return cases.Knows(item.case_());
}

}  // namespace

ReviewQueue::ReviewQueue(storage::Store* store, Clock clock) : store_(store), clock_(std::move(clock)) {}

absl::StatusOr<v1::ListReviewItemsResponse> ReviewQueue::List(
    const Caller& caller, const v1::ListReviewItemsRequest& request) {
  if (auto s = Authorize(caller, Action::kReview); !s.ok()) return s;
  if (request.page_size() < 0) return absl::InvalidArgumentError("page_size: must not be negative");
  const int page_size = request.page_size() == 0 ? 50 : std::min(request.page_size(), 1000);
  int offset = 0;
  if (!request.page_token().empty() && (!absl::SimpleAtoi(request.page_token(), &offset) || offset < 0))
    return absl::InvalidArgumentError("page_token: not a token from a previous ListReviewItems");
  std::vector<v1::ReviewItem> items;
  {
    auto read = store_->BeginRead();
    if (!read.ok()) return read.status();
    CaseVisibility cases((*read)->txn(), caller);
    absl::Status scan = storage::ScanPrefix(
        (*read)->txn(), storage::keys::ReviewItemPrefix(), [&](absl::string_view, absl::string_view value) {
          v1::ReviewItem item;
          if (!item.ParseFromArray(value.data(), static_cast<int>(value.size())))
            return absl::DataLossError("corrupt review item");
          auto known = KnowsItemCase(cases, item);
          if (!known.ok()) return known.status();
          if (!*known) return absl::OkStatus();
          if (request.show_resolved()) {
            items.push_back(std::move(item));
            return absl::OkStatus();
          }
          if (item.decision() != v1::ReviewItem::DECISION_UNSPECIFIED) return absl::OkStatus();
          auto settled = Settled((*read)->txn(), item);
          if (!settled.ok()) return settled.status();
          if (!*settled) items.push_back(std::move(item));
          return absl::OkStatus();
        });
    if (!scan.ok()) return scan;
  }
  // Strongest evidence first; the name breaks ties so pages are stable.
  std::sort(items.begin(), items.end(), [](const auto& x, const auto& y) {
    return x.score() != y.score() ? x.score() > y.score() : x.name() < y.name();
  });
  v1::ListReviewItemsResponse response;
  const int64_t end = int64_t{offset} + page_size;  // no overflow from a large token
  for (int64_t i = offset; i < static_cast<int64_t>(items.size()) && i < end; ++i)
    *response.add_review_items() = items[i];
  if (end < static_cast<int64_t>(items.size())) response.set_next_page_token(absl::StrCat(end));
  return response;
}

absl::StatusOr<v1::ReviewItem> ReviewQueue::Get(const Caller& caller, absl::string_view name) {
  if (auto s = Authorize(caller, Action::kReview); !s.ok()) return s;
  auto id = ItemId(name);
  if (!id.ok()) return id.status();
  auto read = store_->BeginRead();
  if (!read.ok()) return read.status();
  auto item = LoadItem((*read)->txn(), *id);
  if (!item.ok()) return item.status();
  CaseVisibility cases((*read)->txn(), caller);
  auto known = item->has_value() ? KnowsItemCase(cases, **item) : false;
  if (!known.ok()) return known.status();
  if (!*known) return absl::NotFoundError(absl::StrCat(name, " not found"));
  return **item;
}

absl::StatusOr<v1::ReviewItem> ReviewQueue::Resolve(const Caller& caller,
                                                    const v1::ResolveReviewItemRequest& request) {
  if (auto s = Authorize(caller, Action::kReview); !s.ok()) return s;
  auto id = ItemId(request.name());
  if (!id.ok()) return id.status();
  if (!request.request_id().empty()) {
    if (auto s = ValidateRequestId(request.request_id(), "request_id"); !s.ok()) return s;
  }
  if (request.decision() != v1::ReviewItem::DECISION_MERGE &&
      request.decision() != v1::ReviewItem::DECISION_SEPARATE)
    return absl::InvalidArgumentError("decision: must be DECISION_MERGE or DECISION_SEPARATE");
  const auto now = google::protobuf::util::TimeUtil::NanosecondsToTimestamp(absl::ToUnixNanos(clock_()));
  auto result = std::make_shared<v1::ReviewItem>();
  // The decision's audit record commits with it.
  const v1::AuditEvent decided = NewAuditEvent(caller, "ResolveReviewItem", clock_());
  absl::Status s = store_->writer().Run([&, result](LmdbTxn& txn) -> absl::Status {
    v1::AuditEvent audit = decided;
    auto loaded = LoadItem(txn, *id);
    if (!loaded.ok()) return loaded.status();
    CaseVisibility cases(txn, caller);
    auto known = loaded->has_value() ? KnowsItemCase(cases, **loaded) : false;
    if (!known.ok()) return known.status();
    if (!*known) return absl::NotFoundError(absl::StrCat(request.name(), " not found"));
    v1::ReviewItem item = **loaded;
    if (item.decision() != v1::ReviewItem::DECISION_UNSPECIFIED) {
      auto retried = DecidedByRequest(txn, item, request.request_id());
      if (!retried.ok()) return retried.status();
      if (request.expect_open() && !*retried)
        return absl::AbortedError(absl::StrCat(request.name(), " was decided meanwhile: ", DecisionWords(item)));
      if (!*retried && item.decision() != request.decision())
        return absl::FailedPreconditionError(absl::StrCat(
            request.name(), " was already decided by ", item.decided_by(), " the other way"));
      *result = item;  // the same decision again, or a retry of the one that made it: nothing more to do
      DescribeResult(item, audit);
      return AppendAuditEvent(txn, audit);
    }
    item.set_decision(request.decision());
    item.set_decided_by(caller.user);
    *item.mutable_decide_time() = now;
    storage::v1::StoredDecision decision;
    decision.set_decision(request.decision());
    decision.set_review_item(item.name());
    decision.set_decided_by(caller.user);
    decision.set_locator_a(std::min(RecordId(item.left()), RecordId(item.right())));
    decision.set_locator_b(std::max(RecordId(item.left()), RecordId(item.right())));
    decision.set_request_id(request.request_id());
    if (auto st = txn.Put(storage::keys::Decision(RecordId(item.left()), RecordId(item.right())),
                          decision.SerializeAsString());
        !st.ok())
      return st;
    if (auto st = txn.Put(storage::keys::ReviewItem(*id), item.SerializeAsString()); !st.ok()) return st;
    if (item.kind() == v1::ReviewItem::KIND_EVENT && request.decision() == v1::ReviewItem::DECISION_MERGE) {
      if (auto st = MergeEvents(txn, item); !st.ok()) return st;
    }
    if (item.kind() == v1::ReviewItem::KIND_PERSON) {
      if (auto st = RecomputePersonIndex(txn); !st.ok()) return st;
    }
    DescribeResult(item, audit);
    *result = std::move(item);
    return AppendAuditEvent(txn, audit);
  });
  if (!s.ok()) return s;
  return *result;
}

}  // namespace casefile::migration
