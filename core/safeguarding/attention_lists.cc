#include "core/safeguarding/attention_lists.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "core/access/caller.h"
#include "core/access/need_to_know.h"
#include "core/input/input_rules.h"
#include "google/protobuf/util/time_util.h"
#include "storage/attention_tables.h"
#include "storage/case_tables.h"
#include "storage/keys.h"

namespace casefile {
namespace {

using TimeUtil = google::protobuf::util::TimeUtil;

constexpr int kDefaultPageSize = 50;
constexpr int kMaxPageSize = 1000;
// A page ends after this many items looked at even if fewer were shown (a
// team filter or restricted cases), so that every answer stays quick.
constexpr int kMaxItemsLookedAtPerPage = 1000;

// Where a list's items are kept, and how long after their clock starts they
// are due.
struct ListRule {
  v1::AttentionList stored_as;
  absl::Duration threshold;
  bool for_specialists;
};

ListRule RuleFor(v1::AttentionList list, const AttentionOptions& options) {
  switch (list) {
    case v1::ATTENTION_LIST_SIGNIFICANT_HARM_REFERRALS:
      return {list, absl::ZeroDuration(), true};
    case v1::ATTENTION_LIST_STRATEGY_DISCUSSION_OVERDUE:
      return {v1::ATTENTION_LIST_SIGNIFICANT_HARM_REFERRALS, options.strategy_discussion_within, true};
    case v1::ATTENTION_LIST_REFERRAL_FEEDBACK_OVERDUE:
      return {list, options.referral_feedback_within, false};
    case v1::ATTENTION_LIST_APPROPRIATE_ADULT_WAIT:
      return {list, options.appropriate_adult_within, false};
    default:
      return {list, absl::ZeroDuration(), false};
  }
}

bool IsKnownList(int list) {
  return list != v1::ATTENTION_LIST_UNSPECIFIED && v1::AttentionList_IsValid(list);
}

// Turns stored items into what a caller sees: due time, teams, visibility.
class ItemViewer {
 public:
  ItemViewer(const storage::LmdbTxn& txn, const Caller& caller, const AttentionOptions& options)
      : txn_(txn), caller_(caller), options_(options) {}

  // The item as `list` shows it to the caller, or nullopt when it is for
  // another team or of a case the caller may not know.
  absl::StatusOr<std::optional<v1::AttentionItem>> View(absl::string_view bytes, v1::AttentionList list,
                                                        absl::string_view team) {
    v1::AttentionItem item;
    if (!item.ParseFromArray(bytes.data(), bytes.size()))
      return absl::DataLossError("attention index: unreadable item");
    auto c = Case(item.case_());
    if (!c.ok()) return c.status();
    if (!(*c)->has_value()) return std::nullopt;
    const ListRule rule = RuleFor(list, options_);
    item.set_list(list);
    *item.mutable_due_time() = TimeUtil::MicrosecondsToTimestamp(
        TimeUtil::TimestampToMicroseconds(item.since_time()) + absl::ToInt64Microseconds(rule.threshold));
    for (const std::string& t : (**c)->restriction().teams()) item.add_teams(t);
    // An approval waits for the supervisors of the case's team.
    if (list == v1::ATTENTION_LIST_APPROVALS_WAITING && !(**c)->team().empty() &&
        std::find(item.teams().begin(), item.teams().end(), (**c)->team()) == item.teams().end())
      item.add_teams((**c)->team());
    if (rule.for_specialists && !options_.specialist_team.empty())
      item.add_teams(options_.specialist_team);
    if (!team.empty() && std::find(item.teams().begin(), item.teams().end(), team) == item.teams().end())
      return std::nullopt;
    return item;
  }

 private:
  // The case, if it exists and the caller may know it; loaded once.
  absl::StatusOr<const std::optional<v1::Case>*> Case(absl::string_view name) {
    auto it = cases_.find(name);
    if (it == cases_.end()) {
      auto c = storage::LoadCase(txn_, name.substr(6));
      if (!c.ok()) return c.status();
      if (c->has_value() && !MayKnow(caller_, **c)) c->reset();
      it = cases_.emplace(std::string(name), *std::move(c)).first;
    }
    return &it->second;
  }

  const storage::LmdbTxn& txn_;
  const Caller& caller_;
  const AttentionOptions& options_;
  absl::flat_hash_map<std::string, std::optional<v1::Case>> cases_;
};

std::string EncodePageToken(absl::string_view key) {
  return absl::WebSafeBase64Escape(absl::StrCat("v1:", key));
}

absl::StatusOr<std::string> DecodePageToken(absl::string_view token, int stored_as) {
  std::string raw;
  if (token.empty()) return raw;
  if (!absl::WebSafeBase64Unescape(token, &raw) || !absl::StartsWith(raw, "v1:") ||
      !absl::StartsWith(absl::string_view(raw).substr(3), storage::keys::AttentionListPrefix(stored_as))) {
    return absl::InvalidArgumentError("page_token: not a token from a previous ListAttentionItems of this list");
  }
  return raw.substr(3);
}

absl::Status ValidateTeam(absl::string_view team) {
  if (team.empty() || IsValidTeamName(team)) return absl::OkStatus();
  return absl::InvalidArgumentError("team: not a team name (a-z, 0-9, '-', '_'; 1 to 63 characters)");
}

}  // namespace

AttentionLists::AttentionLists(storage::Store* store, Clock clock, AttentionOptions options)
    : store_(store), clock_(std::move(clock)), options_(std::move(options)) {}

absl::StatusOr<v1::ListAttentionItemsResponse> AttentionLists::List(
    const Caller& caller, const v1::ListAttentionItemsRequest& request) const {
  if (auto s = Authorize(caller, Action::kReadCase); !s.ok()) return s;
  if (!IsKnownList(request.list()))
    return absl::InvalidArgumentError("list: is required (e.g. ATTENTION_LIST_ACTIONS_OVERDUE)");
  if (auto s = ValidateTeam(request.team()); !s.ok()) return s;
  if (request.page_size() < 0) return absl::InvalidArgumentError("page_size: must not be negative");
  const int page_size =
      request.page_size() == 0 ? kDefaultPageSize : std::min(request.page_size(), kMaxPageSize);
  const ListRule rule = RuleFor(request.list(), options_);
  auto after = DecodePageToken(request.page_token(), rule.stored_as);
  if (!after.ok()) return after.status();

  auto read = store_->BeginRead();
  if (!read.ok()) return read.status();
  ItemViewer viewer((*read)->txn(), caller, options_);
  v1::ListAttentionItemsResponse response;
  absl::Status failure;
  int looked_at = 0;
  std::string last_key;
  const int64_t until = absl::ToUnixMicros(clock_() - rule.threshold);
  auto scan = storage::ScanAttentionList(
      (*read)->txn(), rule.stored_as, until, *after, [&](absl::string_view key, absl::string_view bytes) {
        if (response.items_size() == page_size || looked_at == kMaxItemsLookedAtPerPage) {
          response.set_next_page_token(EncodePageToken(last_key));
          return false;
        }
        ++looked_at;
        last_key = std::string(key);
        auto item = viewer.View(bytes, request.list(), request.team());
        if (!item.ok()) {
          failure = item.status();
          return false;
        }
        if (item->has_value()) *response.add_items() = **std::move(item);
        return true;
      });
  if (!scan.ok()) return scan;
  if (!failure.ok()) return failure;
  return response;
}

absl::Status AttentionLists::CheckWatch(const Caller& caller,
                                        const v1::WatchAttentionRequest& request) const {
  if (auto s = Authorize(caller, Action::kReadCase); !s.ok()) return s;
  for (int i = 0; i < request.lists_size(); ++i) {
    if (!IsKnownList(request.lists(i)))
      return absl::InvalidArgumentError(absl::StrCat("lists[", i, "]: not an attention list"));
  }
  return ValidateTeam(request.team());
}

absl::StatusOr<std::vector<v1::AttentionItem>> AttentionLists::DueInCase(
    const Caller& caller, absl::string_view case_id, const v1::WatchAttentionRequest& request) const {
  std::vector<v1::AttentionList> lists;
  for (int l : request.lists()) lists.push_back(static_cast<v1::AttentionList>(l));
  if (lists.empty()) {
    for (int l = 1; IsKnownList(l); ++l) lists.push_back(static_cast<v1::AttentionList>(l));
  }
  auto read = store_->BeginRead();
  if (!read.ok()) return read.status();
  ItemViewer viewer((*read)->txn(), caller, options_);
  const absl::Time now = clock_();
  std::vector<v1::AttentionItem> due;
  absl::Status failure;
  auto scan = storage::ScanCaseAttentionItems((*read)->txn(), case_id, [&](absl::string_view bytes) {
    v1::AttentionItem stored;
    if (!failure.ok() || !stored.ParseFromArray(bytes.data(), bytes.size())) return;
    const absl::Time since = absl::FromUnixMicros(TimeUtil::TimestampToMicroseconds(stored.since_time()));
    for (v1::AttentionList list : lists) {
      const ListRule rule = RuleFor(list, options_);
      if (rule.stored_as != stored.list() || since > now - rule.threshold) continue;
      auto item = viewer.View(bytes, list, request.team());
      if (!item.ok()) failure = item.status();
      else if (item->has_value()) due.push_back(**std::move(item));
    }
  });
  if (!scan.ok()) return scan;
  if (!failure.ok()) return failure;
  return due;
}

}  // namespace casefile
