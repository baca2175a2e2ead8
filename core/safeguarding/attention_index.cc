#include "core/safeguarding/attention_index.h"

#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "casefile/v1/attention.pb.h"
#include "core/input/resource_names.h"
#include "core/time/partial_time_proto.h"
#include "core/time/uk_instant.h"
#include "google/protobuf/util/time_util.h"
#include "storage/attention_tables.h"
#include "storage/case_tables.h"
#include "storage/keys.h"
#include "storage/prefix_scan.h"

namespace casefile {
namespace {

using storage::AttentionPlace;
using storage::LmdbTxn;
using TimeUtil = google::protobuf::util::TimeUtil;

constexpr absl::string_view kStrategyDiscussionFact = "strategy_discussion";
constexpr int kRepeatedMissingEpisodes = 3;
constexpr absl::Duration kRepeatedMissingWindow = absl::Hours(24 * 365);

absl::Time FromProto(const google::protobuf::Timestamp& t) {
  return absl::FromUnixMicros(TimeUtil::TimestampToMicroseconds(t));
}
google::protobuf::Timestamp ToProto(absl::Time t) {
  return TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(t));
}

absl::Status Invalid(absl::string_view path, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat(path, ": ", what));
}

std::string Label(absl::string_view enum_name, absl::string_view prefix) {
  return absl::AsciiStrToLower(enum_name.substr(prefix.size()));
}

// "Ellie WATSON (2008-04-03)", or the person's name when only that is given.
std::string ChildLabel(const v1::ChildRef& child) {
  if (child.name().empty()) return child.person();
  if (child.date_of_birth().precision() == v1::PartialTime::PRECISION_UNSPECIFIED) return child.name();
  return absl::StrCat(child.name(), " (", FormatPartialTime(casefile::FromProto(child.date_of_birth())), ")");
}

// The item an entry raises; the caller sets what is particular to its list.
v1::AttentionItem NewItem(v1::AttentionList list, const v1::Entry& entry, absl::string_view case_id,
                          absl::Time since) {
  v1::AttentionItem item;
  item.set_list(list);
  item.set_case_(CaseName(case_id));
  item.set_entry(entry.name());
  *item.mutable_since_time() = ToProto(since);
  item.set_from_import(entry.sources_size() > 0);
  return item;
}

absl::Status Put(LmdbTxn& txn, absl::string_view case_id, const v1::Entry& entry, uint64_t part,
                 const v1::AttentionItem& item) {
  AttentionPlace place{item.list(), absl::ToUnixMicros(FromProto(item.since_time())),
                       std::string(case_id), static_cast<uint64_t>(entry.number()), part};
  return storage::PutAttentionItem(txn, place, item);
}

// The entry of this case that `name` (at `path`) refers to, which must carry `record`.
absl::StatusOr<v1::Entry> Referenced(const LmdbTxn& txn, absl::string_view case_id,
                                     absl::string_view name, absl::string_view path,
                                     v1::Entry::RecordCase record, absl::string_view what) {
  auto target = ParseEntryName(name, path);
  if (!target.ok()) return target.status();
  if (target->case_id != case_id) return Invalid(path, absl::StrCat("must name ", what, " of this case"));
  auto entry = storage::LoadBareEntry(txn, case_id, target->number);
  if (!entry.ok()) return entry.status();
  if (!entry->has_value() || (*entry)->record_case() != record)
    return Invalid(path, absl::StrCat(name, " is not ", what));
  return **std::move(entry);
}

// ---- what each record does to the lists ----

absl::Status OnReferral(LmdbTxn& txn, absl::string_view case_id, const v1::Entry& entry) {
  const v1::Referral& r = entry.referral();
  const absl::Time since = UkInstant(r.referred_time()).value_or(FromProto(entry.record_time()));
  const std::string agency = Label(v1::Agency_Name(r.to_agency()), "AGENCY_");
  const std::string child = ChildLabel(r.child_impacts(0).child());
  if (r.to_agency() == v1::AGENCY_CSC) {
    v1::AttentionItem item = NewItem(v1::ATTENTION_LIST_REFERRAL_FEEDBACK_OVERDUE, entry, case_id, since);
    item.set_child(child);
    item.set_person(r.child_impacts(0).child().person());
    item.set_summary("referral to CSC: no feedback or outcome recorded");
    if (auto s = Put(txn, case_id, entry, 0, item); !s.ok()) return s;
  }
  if (!r.significant_harm_suspected()) return absl::OkStatus();
  v1::AttentionItem item = NewItem(v1::ATTENTION_LIST_SIGNIFICANT_HARM_REFERRALS, entry, case_id, since);
  item.set_child(child);
  item.set_person(r.child_impacts(0).child().person());
  item.set_summary(absl::StrCat("significant-harm referral to ", agency, " (risk ",
                                Label(v1::RiskGrade_Name(r.risk_grade()), "RISK_GRADE_"),
                                "): no strategy discussion yet"));
  return Put(txn, case_id, entry, 0, item);
}

absl::Status OnReferralFeedback(LmdbTxn& txn, absl::string_view case_id, const v1::Entry& entry) {
  auto referral = Referenced(txn, case_id, entry.referral_feedback().referral(),
                             "entry.referral_feedback.referral", v1::Entry::kReferral, "a referral");
  if (!referral.ok()) return referral.status();
  return storage::DeleteAttentionItem(txn, case_id, v1::ATTENTION_LIST_REFERRAL_FEEDBACK_OVERDUE,
                                      referral->number(), 0);
}

absl::Status OnStrategyDiscussion(LmdbTxn& txn, absl::string_view case_id, const v1::Entry& entry) {
  if (auto s = storage::SetCaseFact(txn, case_id, kStrategyDiscussionFact); !s.ok()) return s;
  for (v1::AttentionList cleared : {v1::ATTENTION_LIST_SIGNIFICANT_HARM_REFERRALS,
                                    v1::ATTENTION_LIST_SECTION47_WITHOUT_STRATEGY_DISCUSSION}) {
    if (auto s = storage::DeleteCaseAttentionItems(txn, case_id, cleared); !s.ok()) return s;
  }
  const v1::StrategyDiscussion& sd = entry.strategy_discussion();
  for (int i = 0; i < sd.actions_size(); ++i) {
    const v1::SafeguardingAction& action = sd.actions(i);
    v1::AttentionItem item =
        NewItem(v1::ATTENTION_LIST_ACTIONS_OVERDUE, entry, case_id, UkStartOfNextDay(action.due()));
    item.set_action(i + 1);
    item.set_child(ChildLabel(sd.children(0)));
    item.set_person(sd.children(0).person());
    item.set_summary(absl::StrCat("action ", i + 1, " for ", action.owner(), " was due ",
                                  FormatPartialTime(casefile::FromProto(action.due()))));
    if (auto s = Put(txn, case_id, entry, i + 1, item); !s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::Status OnActionCompleted(LmdbTxn& txn, absl::string_view case_id, const v1::Entry& entry) {
  const v1::ActionCompleted& done = entry.action_completed();
  auto sd = Referenced(txn, case_id, done.strategy_discussion(), "entry.action_completed.strategy_discussion",
                       v1::Entry::kStrategyDiscussion, "a strategy discussion");
  if (!sd.ok()) return sd.status();
  if (done.action() > sd->strategy_discussion().actions_size()) {
    return Invalid("entry.action_completed.action",
                   absl::StrCat(done.strategy_discussion(), " has ",
                                sd->strategy_discussion().actions_size(), " actions"));
  }
  return storage::DeleteAttentionItem(txn, case_id, v1::ATTENTION_LIST_ACTIONS_OVERDUE, sd->number(),
                                      done.action());
}

absl::Status OnSection47Enquiry(LmdbTxn& txn, absl::string_view case_id, const v1::Entry& entry) {
  auto discussed = storage::HasCaseFact(txn, case_id, kStrategyDiscussionFact);
  if (!discussed.ok()) return discussed.status();
  if (*discussed) return absl::OkStatus();
  const v1::Section47Enquiry& e = entry.section47_enquiry();
  v1::AttentionItem item = NewItem(v1::ATTENTION_LIST_SECTION47_WITHOUT_STRATEGY_DISCUSSION, entry,
                                   case_id, *UkInstant(e.started_time()));
  item.set_child(ChildLabel(e.children(0)));
  item.set_person(e.children(0).person());
  item.set_summary("Section 47 enquiry begun with no strategy discussion recorded");
  return Put(txn, case_id, entry, 0, item);
}

// Whose missing episodes are counted together: a child named by a record,
// or, for imported records that name no child, the children of one case.
struct MissingCount {
  std::string key;
  std::string label;   // AttentionItem.child
  std::string person;  // AttentionItem.person
  bool imported = false;
};

MissingCount CountForChild(const v1::ChildRef& child) {
  return {ChildKey(child), ChildLabel(child), child.person(), false};
}

MissingCount CountForImportedRecordsOf(absl::string_view case_id) {
  return {absl::StrCat("case:", case_id),
          absl::StrCat("the children of ", CaseName(case_id), " (imported records name no child)"), "",
          true};
}

// Re-decides a repeated-missing item after an episode or an assessment, or
// after `withdrawn` episodes (imported records superseded by a re-merge).
absl::Status UpdateChild(LmdbTxn& txn, absl::string_view case_id, const v1::Entry& entry,
                         const MissingCount& child, std::optional<absl::Time> episode,
                         std::optional<absl::Time> assessment,
                         const std::vector<absl::Time>& withdrawn = {}) {
  auto state = storage::LoadChildAttention(txn, child.key);
  if (!state.ok()) return state.status();
  std::vector<absl::Time> times;
  for (const auto& t : state->missing_times()) times.push_back(FromProto(t));
  for (absl::Time gone : withdrawn) {
    if (auto it = std::find(times.begin(), times.end(), gone); it != times.end()) times.erase(it);
  }
  if (episode) times.push_back(*episode);
  absl::Time assessed = state->has_last_assessment_time()
                            ? FromProto(state->last_assessment_time()) : absl::InfinitePast();
  if (assessment) assessed = std::max(assessed, *assessment);
  std::sort(times.begin(), times.end());
  std::erase_if(times, [&](absl::Time t) { return t < assessed; });
  // The latest run of episodes that makes the child one to look at.
  std::optional<absl::Time> first, last;
  for (size_t i = kRepeatedMissingEpisodes - 1; i < times.size(); ++i) {
    if (times[i] - times[i + 1 - kRepeatedMissingEpisodes] <= kRepeatedMissingWindow)
      first = times[i + 1 - kRepeatedMissingEpisodes], last = times[i];
  }
  v1::AttentionItem previous;
  if (state->has_item()) {
    previous = state->item();
    auto old = ParseEntryName(previous.entry(), "item");
    if (!old.ok()) return old.status();
    if (auto s = storage::DeleteAttentionItem(txn, old->case_id, v1::ATTENTION_LIST_REPEATED_MISSING,
                                              old->number, 0);
        !s.ok())
      return s;
    state->clear_item();
  }
  // An assessment never raises an item; a withdrawn episode keeps one that
  // still stands, on the record that raised it.
  const bool raise = episode.has_value() || (!withdrawn.empty() && !previous.entry().empty());
  if (first && raise) {
    v1::AttentionItem item = NewItem(v1::ATTENTION_LIST_REPEATED_MISSING, entry, case_id, *last);
    if (!episode) item = previous;
    item.set_child(child.label);
    item.set_person(child.person);
    item.set_from_import(child.imported);
    const int count = std::count_if(times.begin(), times.end(), [&](absl::Time t) { return t >= *first; });
    item.set_summary(absl::StrCat(count, child.imported ? " missing-episode records" : " missing episodes",
                                  " since ", absl::FormatTime("%Y-%m-%d", *first, absl::UTCTimeZone()),
                                  " and no assessment recorded since"));
    auto raised_by = ParseEntryName(item.entry(), "item");
    if (!raised_by.ok()) return raised_by.status();
    AttentionPlace place{item.list(), absl::ToUnixMicros(FromProto(item.since_time())), raised_by->case_id,
                         static_cast<uint64_t>(raised_by->number), 0};
    if (auto s = storage::PutAttentionItem(txn, place, item); !s.ok()) return s;
    *state->mutable_item() = item;
  }
  state->clear_missing_times();
  for (absl::Time t : times) *state->add_missing_times() = ToProto(t);
  if (assessed != absl::InfinitePast()) *state->mutable_last_assessment_time() = ToProto(assessed);
  return storage::SaveChildAttention(txn, child.key, *state);
}

absl::Status OnMissingEpisode(LmdbTxn& txn, absl::string_view case_id, const v1::Entry& entry) {
  const v1::MissingEpisode& m = entry.missing_episode();
  if (!m.updates().empty()) {  // the same episode again: counted once
    return Referenced(txn, case_id, m.updates(), "entry.missing_episode.updates",
                      v1::Entry::kMissingEpisode, "a missing episode").status();
  }
  return UpdateChild(txn, case_id, entry, CountForChild(m.child()), UkInstant(m.reported_time()),
                     std::nullopt);
}

// An assessment of a child also answers the imported missing-episode
// records of the case it is recorded in.
absl::Status OnAssessment(LmdbTxn& txn, absl::string_view case_id, const v1::Entry& entry) {
  const std::optional<absl::Time> assessed = UkInstant(entry.assessment().assessed_time());
  if (auto s = UpdateChild(txn, case_id, entry, CountForChild(entry.assessment().child()), std::nullopt, assessed);
      !s.ok())
    return s;
  return UpdateChild(txn, case_id, entry, CountForImportedRecordsOf(case_id), std::nullopt, assessed);
}

absl::Status OnCustody(LmdbTxn& txn, absl::string_view case_id, const v1::Entry& entry) {
  const v1::Custody& c = entry.custody();
  if (!c.updates().empty()) {
    auto earlier = Referenced(txn, case_id, c.updates(), "entry.custody.updates", v1::Entry::kCustody,
                              "a custody record");
    if (!earlier.ok()) return earlier.status();
    for (v1::AttentionList list :
         {v1::ATTENTION_LIST_APPROPRIATE_ADULT_WAIT, v1::ATTENTION_LIST_DETAINED_AFTER_CHARGE}) {
      if (auto s = storage::DeleteAttentionItem(txn, case_id, list, earlier->number(), 0); !s.ok()) return s;
    }
  }
  if (c.appropriate_adult_arrived_time().precision() == v1::PartialTime::PRECISION_UNSPECIFIED) {
    v1::AttentionItem item = NewItem(v1::ATTENTION_LIST_APPROPRIATE_ADULT_WAIT, entry, case_id,
                                     *UkInstant(c.appropriate_adult_requested_time()));
    item.set_child(ChildLabel(c.child()));
    item.set_person(c.child().person());
    item.set_summary(absl::StrCat("appropriate adult requested ",
                                  FormatPartialTime(casefile::FromProto(c.appropriate_adult_requested_time())),
                                  ", not yet arrived"));
    if (auto s = Put(txn, case_id, entry, 0, item); !s.ok()) return s;
  }
  if (!c.charge().empty() && c.decision() == v1::Custody::DECISION_DETAINED) {
    v1::AttentionItem item = NewItem(v1::ATTENTION_LIST_DETAINED_AFTER_CHARGE, entry, case_id,
                                     FromProto(entry.record_time()));
    item.set_child(ChildLabel(c.child()));
    item.set_person(c.child().person());
    item.set_summary(absl::StrCat("detained after charge (", c.charge(), ") at ", c.accommodated_at()));
    if (auto s = Put(txn, case_id, entry, 0, item); !s.ok()) return s;
  }
  return absl::OkStatus();
}

}  // namespace

std::string ChildKey(const v1::ChildRef& child) {
  if (!child.person().empty()) return child.person();
  std::vector<std::string> words = absl::StrSplit(absl::AsciiStrToLower(child.name()), ' ', absl::SkipWhitespace());
  return absl::StrCat("name:", absl::StrJoin(words, " "), "|",
                      FormatPartialTime(casefile::FromProto(child.date_of_birth())));
}

absl::Status IndexSafeguardingRecord(LmdbTxn& txn, absl::string_view case_id, const v1::Entry& entry) {
  switch (entry.record_case()) {
    case v1::Entry::kReferral: return OnReferral(txn, case_id, entry);
    case v1::Entry::kReferralFeedback: return OnReferralFeedback(txn, case_id, entry);
    case v1::Entry::kStrategyDiscussion: return OnStrategyDiscussion(txn, case_id, entry);
    case v1::Entry::kActionCompleted: return OnActionCompleted(txn, case_id, entry);
    case v1::Entry::kSection47Enquiry: return OnSection47Enquiry(txn, case_id, entry);
    case v1::Entry::kMissingEpisode: return OnMissingEpisode(txn, case_id, entry);
    case v1::Entry::kAssessment: return OnAssessment(txn, case_id, entry);
    case v1::Entry::kCustody: return OnCustody(txn, case_id, entry);
    case v1::Entry::RECORD_NOT_SET: return absl::OkStatus();
  }
  return absl::OkStatus();
}

namespace {

// When an imported record says a child went missing, if it gives the day:
// a month or a year alone would place the episode by guesswork.
std::optional<absl::Time> ImportedEpisodeTime(const v1::Entry& entry) {
  if (entry.kind() != v1::ENTRY_KIND_MISSING_EPISODE) return std::nullopt;
  const v1::PartialTime::Precision precision = entry.occur_time().precision();
  if (precision != v1::PartialTime::PRECISION_DAY && precision != v1::PartialTime::PRECISION_MINUTE)
    return std::nullopt;
  return UkInstant(entry.occur_time());
}

}  // namespace

absl::Status IndexImportedRecord(LmdbTxn& txn, absl::string_view case_id, const v1::Entry& entry,
                                 absl::Span<const int64_t> superseded) {
  std::vector<absl::Time> withdrawn;
  for (int64_t number : superseded) {
    auto old = storage::LoadBareEntry(txn, case_id, number);
    if (!old.ok()) return old.status();
    if (!old->has_value()) continue;
    if (auto when = ImportedEpisodeTime(**old)) withdrawn.push_back(*when);
  }
  const std::optional<absl::Time> episode = ImportedEpisodeTime(entry);
  if (!episode && withdrawn.empty()) return absl::OkStatus();
  return UpdateChild(txn, case_id, entry, CountForImportedRecordsOf(case_id), episode, std::nullopt, withdrawn);
}

absl::StatusOr<int64_t> UnindexCase(LmdbTxn& txn, absl::string_view case_id,
                                    absl::Span<const v1::Entry> entries) {
  // w\0<case>\0... holds the case's facts and, per item, the item's W key.
  std::vector<std::string> case_keys, item_keys;
  const std::string prefix = storage::keys::AttentionCasePrefix(case_id);
  if (auto s = storage::ScanPrefix(txn, prefix,
                                   [&](absl::string_view rest, absl::string_view value) {
                                     case_keys.push_back(absl::StrCat(prefix, rest));
                                     if (!value.empty()) item_keys.emplace_back(value);
                                     return absl::OkStatus();
                                   });
      !s.ok())
    return s;
  for (const std::vector<std::string>* keys : {&item_keys, &case_keys}) {
    for (const std::string& key : *keys) {
      if (auto s = txn.Delete(key); !s.ok() && !absl::IsNotFound(s)) return s;
    }
  }
  for (const v1::Entry& entry : entries) {
    if (entry.record_case() != v1::Entry::kMissingEpisode || !entry.missing_episode().updates().empty()) continue;
    const std::string key = ChildKey(entry.missing_episode().child());
    auto state = storage::LoadChildAttention(txn, key);
    if (!state.ok()) return state.status();
    if (auto when = UkInstant(entry.missing_episode().reported_time())) {
      auto& times = *state->mutable_missing_times();
      for (int i = 0; i < times.size(); ++i) {
        if (FromProto(times[i]) == *when) {
          times.erase(times.begin() + i);
          break;
        }
      }
    }
    if (state->has_item() && state->item().case_() == CaseName(case_id)) state->clear_item();
    if (auto s = storage::SaveChildAttention(txn, key, *state); !s.ok()) return s;
  }
  if (auto s = txn.Delete(storage::keys::ChildAttention(CountForImportedRecordsOf(case_id).key));
      !s.ok() && !absl::IsNotFound(s))
    return s;
  return static_cast<int64_t>(item_keys.size());
}

}  // namespace casefile
