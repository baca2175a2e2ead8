#include "core/chronology/tasking.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "core/access/need_to_know.h"
#include "core/access/supervision.h"
#include "core/chronology/case_state.h"
#include "core/chronology/supervision_validation.h"
#include "core/input/resource_names.h"
#include "google/protobuf/util/time_util.h"
#include "storage/case_tables.h"
#include "storage/case_write_index.h"
#include "storage/keys.h"
#include "storage/prefix_scan.h"

namespace casefile {
namespace {

using TimeUtil = google::protobuf::util::TimeUtil;

constexpr int kDefaultQuietDays = 14;
constexpr absl::Duration kDefaultSince = absl::Hours(24);
// The agenda of one meeting: more than this of any part is no agenda.
constexpr int kMaxLinesPerPart = 500;
// Entries counted back from a case's newest when counting what came in.
constexpr int64_t kMaxEntriesCounted = 1000;

std::string HeldKey(absl::string_view team) { return storage::keys::Meta(absl::StrCat("tasking_held:", team)); }

absl::Time FromProto(const google::protobuf::Timestamp& t) {
  return absl::FromUnixMicros(TimeUtil::TimestampToMicroseconds(t));
}
google::protobuf::Timestamp ToProto(absl::Time t) {
  return TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(t));
}

absl::StatusOr<std::optional<absl::Time>> LoadHeld(const storage::LmdbTxn& txn, absl::string_view team) {
  auto value = txn.Get(HeldKey(team));
  if (!value.ok()) return value.status();
  if (!value->has_value()) return std::nullopt;
  google::protobuf::Timestamp t;
  if (!t.ParseFromArray((*value)->data(), (*value)->size())) return absl::DataLossError("tasking: unreadable time");
  return FromProto(t);
}

v1::Tasking::TaskingCase Line(const v1::Case& c) {
  v1::Tasking::TaskingCase line;
  line.set_case_(c.name());
  line.set_title(c.title());
  line.set_owner(c.owner());
  line.set_state(c.state() == v1::CASE_STATE_UNSPECIFIED ? v1::CASE_STATE_OPEN : c.state());
  *line.mutable_update_time() = c.update_time();
  return line;
}

// Entries of `c` recorded at or after `since`, counted back from the newest.
absl::StatusOr<int64_t> EntriesSince(const storage::LmdbTxn& txn, const v1::Case& c, absl::Time since) {
  int64_t count = 0;
  const std::string case_id = c.name().substr(6);
  for (int64_t n = c.version(); n >= 1 && count < kMaxEntriesCounted; --n) {
    auto entry = storage::LoadEntry(txn, case_id, n);
    if (!entry.ok()) return entry.status();
    if (!entry->has_value() || FromProto((*entry)->record_time()) < since) break;
    ++count;
  }
  return count;
}

void DescribeAgenda(const v1::Tasking& tasking, v1::AuditEvent& event) {
  for (const auto& line : tasking.written_since()) event.add_resources(line.case_());
  for (const auto& line : tasking.quiet()) event.add_resources(line.case_());
  for (const auto& line : tasking.approvals_waiting()) event.add_resources(line.request());
  for (const auto& line : tasking.needs_attention()) event.add_resources(line.entry());
  event.set_count(event.resources_size());
}

}  // namespace

TaskingAgenda::TaskingAgenda(storage::Store* store, Clock clock, const AttentionLists* attention)
    : store_(store), clock_(std::move(clock)), attention_(attention), audit_(store, clock_) {}

absl::StatusOr<v1::Tasking> TaskingAgenda::Read(const Caller& caller, const v1::GetTaskingRequest& request) const {
  if (auto s = Authorize(caller, Action::kSupervise); !s.ok()) return s;
  if (auto s = ValidateTaskingRequest(request); !s.ok()) return s;
  if (auto s = MaySupervise(caller, request.team()); !s.ok()) return s;
  const absl::Time now = clock_();
  v1::Tasking tasking;
  tasking.set_team(request.team());
  tasking.set_quiet_days(request.quiet_days() == 0 ? kDefaultQuietDays : request.quiet_days());
  *tasking.mutable_read_time() = ToProto(now);
  absl::flat_hash_map<std::string, bool> of_team;  // cases/X → the caller may know it
  {
    auto read = store_->BeginRead();
    if (!read.ok()) return read.status();
    const storage::LmdbTxn& txn = (*read)->txn();
    auto held = LoadHeld(txn, request.team());
    if (!held.ok()) return held.status();
    if (held->has_value()) *tasking.mutable_last_held_time() = ToProto(**held);
    const absl::Time since = request.has_since_time() ? FromProto(request.since_time())
                                                      : held->value_or(now - kDefaultSince);
    *tasking.mutable_since_time() = ToProto(since);
    const absl::Time quiet_before = now - absl::Hours(24) * tasking.quiet_days();

    // The team's cases, most recently written first: those written since, then
    // (skipping the rest) those quiet for the days given.
    auto scan = storage::ScanPrefix(
        txn, storage::keys::TeamCasesPrefix(request.team()), [&](absl::string_view row, absl::string_view) {
          const std::string id(storage::CaseIdOfWrittenRow(row));
          auto c = storage::LoadCase(txn, id);
          if (!c.ok()) return c.status();
          if (!c->has_value()) return absl::InternalError("team index names a missing case");
          const bool known = MayKnow(caller, **c);
          of_team[(*c)->name()] = known;
          if (!known) return absl::OkStatus();
          const absl::Time written = FromProto((*c)->update_time());
          if (written >= since) {
            tasking.set_written_since_total(tasking.written_since_total() + 1);
            if (tasking.written_since_size() == kMaxLinesPerPart) return absl::OkStatus();
            v1::Tasking::TaskingCase line = Line(**c);
            auto count = EntriesSince(txn, **c, since);
            if (!count.ok()) return count.status();
            line.set_new_entries(*count);
            line.set_opened_since(FromProto((*c)->create_time()) >= since);
            *tasking.add_written_since() = std::move(line);
          } else if (written < quiet_before && !IsClosed(**c)) {
            tasking.set_quiet_total(tasking.quiet_total() + 1);
            if (tasking.quiet_size() < kMaxLinesPerPart) *tasking.add_quiet() = Line(**c);
          }
          return absl::OkStatus();
        });
    if (!scan.ok()) return scan;
    std::reverse(tasking.mutable_quiet()->begin(), tasking.mutable_quiet()->end());  // longest quiet first
  }

  // Every list's items due now in the team's cases: each case's own rows of
  // the attention index (one seek a case, in a transaction of its own: never
  // nested in another), not the whole unit's lists — whose first items are
  // mostly other teams' at a big store. List by list, the earliest due first.
  std::vector<v1::AttentionItem> due;
  for (const auto& [case_name, known] : of_team) {
    if (!known) continue;
    auto items = attention_->DueInCase(caller, absl::string_view(case_name).substr(6), v1::WatchAttentionRequest());
    if (!items.ok()) return items.status();
    for (v1::AttentionItem& item : *items) due.push_back(std::move(item));
  }
  std::sort(due.begin(), due.end(), [](const v1::AttentionItem& a, const v1::AttentionItem& b) {
    if (a.list() != b.list()) return a.list() < b.list();
    if (a.due_time() != b.due_time()) return a.due_time() < b.due_time();
    return a.entry() != b.entry() ? a.entry() < b.entry() : a.action() < b.action();
  });
  auto read = store_->BeginRead();
  if (!read.ok()) return read.status();
  const storage::LmdbTxn& txn = (*read)->txn();
  // What needs attention, and approvals, in the team's cases.
  for (const v1::AttentionItem& item : due) {
    if (item.list() == v1::ATTENTION_LIST_APPROVALS_WAITING) {
      tasking.set_approvals_waiting_total(tasking.approvals_waiting_total() + 1);
      if (tasking.approvals_waiting_size() == kMaxLinesPerPart) continue;
      auto name = ParseEntryName(item.entry(), "entry");
      if (!name.ok()) return name.status();
      auto asked = storage::LoadEntry(txn, name->case_id, name->number);
      if (!asked.ok()) return asked.status();
      if (!asked->has_value()) continue;
      v1::Tasking::WaitingApproval& line = *tasking.add_approvals_waiting();
      line.set_request(item.entry());
      line.set_subject((*asked)->approval_request().subject());
      line.set_requester((*asked)->author_display_name().empty() ? (*asked)->author()
                                                                   : (*asked)->author_display_name());
      *line.mutable_request_time() = (*asked)->record_time();
      line.set_text((*asked)->text());
      auto c = storage::LoadCase(txn, name->case_id);
      if (c.ok() && c->has_value()) line.set_case_title((*c)->title());
    } else {
      tasking.set_needs_attention_total(tasking.needs_attention_total() + 1);
      if (tasking.needs_attention_size() == kMaxLinesPerPart) continue;
      v1::Tasking::AttentionLine& line = *tasking.add_needs_attention();
      line.set_list(absl::AsciiStrToLower(v1::AttentionList_Name(item.list()).substr(15)));
      std::replace(line.mutable_list()->begin(), line.mutable_list()->end(), '_', ' ');
      line.set_case_(item.case_());
      line.set_entry(item.entry());
      line.set_summary(item.summary());
      *line.mutable_due_time() = item.due_time();
    }
  }
  return tasking;
}

void TaskingAgenda::Get(const Caller& caller, const v1::GetTaskingRequest& request, Reply<v1::Tasking> reply) {
  auto tasking = Read(caller, request);
  if (!tasking.ok()) return reply(tasking.status());
  v1::AuditEvent event = audit_.NewEvent(caller, "GetTasking");
  DescribeAgenda(*tasking, event);
  auto held = std::make_shared<v1::Tasking>(*std::move(tasking));
  audit_.Record(std::move(event), [held, reply = std::move(reply)](absl::Status s) mutable {
    if (!s.ok()) return reply(s);
    reply(std::move(*held));
  });
}

void TaskingAgenda::MarkHeld(const Caller& caller, const v1::MarkTaskingHeldRequest& request,
                             Reply<v1::Tasking> reply) {
  v1::GetTaskingRequest agenda;
  agenda.set_team(request.team());
  if (auto s = Authorize(caller, Action::kSupervise); !s.ok()) return reply(s);
  if (auto s = ValidateTaskingRequest(agenda); !s.ok()) return reply(s);
  if (auto s = MaySupervise(caller, request.team()); !s.ok()) return reply(s);
  const std::string held = ToProto(clock_()).SerializeAsString();
  v1::AuditEvent event = audit_.NewEvent(caller, "MarkTaskingHeld");
  store_->writer().Submit(
      [key = HeldKey(request.team()), held, event](storage::LmdbTxn& txn) -> absl::Status {
        if (auto s = txn.Put(key, held); !s.ok()) return s;
        return AppendAuditEvent(txn, event);
      },
      [this, caller, agenda, reply = std::move(reply)](absl::Status s) mutable {
        if (!s.ok()) return reply(s);
        Get(caller, agenda, std::move(reply));
      });
}

}  // namespace casefile
