#include "services/attention_watch_reactor.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "services/grpc_status.h"

namespace casefile {
namespace {

// Items due now at the start: at most this many per list.
constexpr int kFirstItemsPerList = 1000;

std::string Identity(const v1::AttentionItem& item) {
  return absl::StrCat(item.list(), " ", item.entry(), " ", item.action());
}

}  // namespace

AttentionWatchReactor::AttentionWatchReactor(const AttentionLists* lists, ChangeFeed* feed,
                                             AuditTrail* audit)
    : FeedStreamReactor(feed), lists_(lists), audit_(audit) {}

void AttentionWatchReactor::Begin(Caller caller, v1::WatchAttentionRequest request) {
  {
    absl::MutexLock lock(&mu_);
    caller_ = std::move(caller);
    request_ = std::move(request);
    begun_ = true;
    writing_ = true;  // the first message goes out before any change
    if (cancelled_) return FinishOnce(Cancelled());
  }
  // Subscribe before reading the lists so no write can fall in between, and
  // outside mu_: the feed calls the listener with its own lock held.
  const uint64_t subscription = feed_->SubscribeAll([this](absl::string_view case_id) {
    absl::MutexLock lock(&mu_);
    changed_cases_.emplace(case_id);
    Pump();
  });
  v1::WatchAttentionResponse first;
  {
    absl::MutexLock lock(&mu_);
    subscription_ = subscription;
    std::vector<int> lists(request_.lists().begin(), request_.lists().end());
    if (lists.empty()) {
      for (int l = 1; v1::AttentionList_IsValid(l); ++l) lists.push_back(l);
    }
    for (int list : lists) {
      v1::ListAttentionItemsRequest page;
      page.set_list(static_cast<v1::AttentionList>(list));
      page.set_team(request_.team());
      page.set_page_size(kFirstItemsPerList);
      auto due = lists_->List(caller_, page);
      if (!due.ok()) return FinishOnce(ToGrpcStatus(due.status()));
      for (v1::AttentionItem& item : Unsent({due->items().begin(), due->items().end()}))
        *first.add_items() = std::move(item);
    }
  }
  RecordAndSend(std::move(first));
}

void AttentionWatchReactor::Fail(const grpc::Status& status) {
  absl::MutexLock lock(&mu_);
  begun_ = true;
  FinishOnce(status);
}

std::vector<v1::AttentionItem> AttentionWatchReactor::Unsent(std::vector<v1::AttentionItem> items) {
  std::vector<v1::AttentionItem> unsent;
  for (v1::AttentionItem& item : items) {
    if (sent_.insert(Identity(item)).second) unsent.push_back(std::move(item));
  }
  return unsent;
}

void AttentionWatchReactor::Pump() {
  if (!begun_ || writing_ || finished_) return;
  v1::WatchAttentionResponse message;
  while (!changed_cases_.empty() && message.items_size() == 0) {
    const std::string case_id = *changed_cases_.begin();
    changed_cases_.erase(changed_cases_.begin());
    auto due = lists_->DueInCase(caller_, case_id, request_);
    if (!due.ok()) return FinishOnce(ToGrpcStatus(due.status()));
    for (v1::AttentionItem& item : Unsent(*std::move(due))) *message.add_items() = std::move(item);
  }
  if (message.items_size() == 0 || !SessionStillLive()) return;
  writing_ = true;  // keeps every other Pump out until this message is written
  // The audit record goes through the store's writer, which answers at once
  // when it is stopping: not with mu_ held.
  mu_.Unlock();
  RecordAndSend(std::move(message));
  mu_.Lock();
}

void AttentionWatchReactor::RecordAndSend(v1::WatchAttentionResponse message) {
  v1::AuditEvent event;
  {
    absl::MutexLock lock(&mu_);
    if (finished_) return;
    event = audit_->NewEvent(caller_, "WatchAttention");
  }
  DescribeResult(message, event);
  audit_->Record(std::move(event), [this, message = std::move(message)](absl::Status s) mutable {
    absl::MutexLock lock(&mu_);
    if (!s.ok()) return FinishOnce(ToGrpcStatus(s));
    if (cancelled_) return FinishOnce(Cancelled());
    message_ = std::move(message);
    StartWrite(&message_);
  });
}

}  // namespace casefile
