#include "core/chronology/case_chronology.h"

#include <algorithm>
#include <memory>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "casefile/storage/v1/records.pb.h"
#include "core/access/need_to_know.h"
#include "core/chronology/case_listing.h"
#include "core/chronology/children_named.h"
#include "core/chronology/entry_time_order.h"
#include "core/chronology/approvals.h"
#include "core/chronology/case_ownership.h"
#include "core/chronology/case_state.h"
#include "core/chronology/supervision_validation.h"
#include "core/chronology/subject_links.h"
#include "core/chronology/validation.h"
#include "core/input/resource_names.h"
#include "core/persons/child_links.h"
#include "core/retention/retention.h"
#include "core/safeguarding/attention_index.h"
#include "core/safeguarding/measure_index.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/util/time_util.h"
#include "storage/keys.h"

namespace casefile {
namespace {

using storage::LmdbTxn;
using TimeUtil = google::protobuf::util::TimeUtil;

google::protobuf::Timestamp ToProto(absl::Time t) {
  return TimeUtil::NanosecondsToTimestamp(absl::ToUnixNanos(t));
}

std::string Etag(absl::string_view case_id, int64_t version) {
  return absl::StrCat(CaseName(case_id), "@", version);
}

// A fingerprint of a write request without its request id: FNV-1a (64 bits)
// of its type's name and its deterministic serialization. It tells a retry,
// which repeats its request exactly, from a reuse of the id for another one.
// Request ids are scoped to their user, so a contrived collision could only
// return a user's own earlier result to that user. "" without a request id.
template <typename Request>
std::string RequestFingerprint(const Request& request) {
  if (request.request_id().empty()) return "";
  Request copy = request;
  copy.clear_request_id();
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream out(&bytes);
    google::protobuf::io::CodedOutputStream coded(&out);
    coded.SetSerializationDeterministic(true);
    copy.SerializeToCodedStream(&coded);
  }
  uint64_t hash = 14695981039346656037ull;
  for (absl::string_view part : {absl::string_view(Request::descriptor()->full_name()),
                                 absl::string_view("\0", 1), absl::string_view(bytes)}) {
    for (unsigned char c : part) hash = (hash ^ c) * 1099511628211ull;
  }
  std::string fingerprint(8, '\0');
  for (int i = 7; i >= 0; --i, hash >>= 8) fingerprint[i] = static_cast<char>(hash & 0xff);
  return fingerprint;
}

// OK when `earlier` was made by this same request (or predates fingerprints).
absl::Status CheckSameRequest(const storage::RequestRecord& earlier,
                              absl::string_view fingerprint) {
  if (earlier.fingerprint.empty() || earlier.fingerprint == fingerprint) return absl::OkStatus();
  return absl::InvalidArgumentError(absl::StrCat(
      "request_id: already used for a different request, which made ", earlier.resource_name,
      "; a retry must repeat its request exactly, and a new request needs a new id"));
}

// The entry a request id already produced under `parent_case`, if any.
// InvalidArgument when the id was used for something else.
absl::StatusOr<std::optional<v1::Entry>> EntryForRetry(const LmdbTxn& txn, const Caller& caller,
                                                       absl::string_view request_id,
                                                       absl::string_view fingerprint,
                                                       absl::string_view case_id) {
  if (request_id.empty()) return std::nullopt;
  auto earlier = storage::LoadRequest(txn, caller.user, request_id);
  if (!earlier.ok()) return earlier.status();
  if (!earlier->has_value()) return std::nullopt;
  const std::string& made = (*earlier)->resource_name;
  auto name = ParseEntryName(made, "request_id");
  if (!name.ok() || name->case_id != case_id) {
    return absl::InvalidArgumentError(
        absl::StrCat("request_id: already used for ", made, "; use a new id"));
  }
  if (auto s = CheckSameRequest(**earlier, fingerprint); !s.ok()) return s;
  auto entry = storage::LoadEntry(txn, case_id, name->number);
  if (!entry.ok()) return entry.status();
  if (!entry->has_value()) return absl::InternalError("request record names a missing entry");
  return entry;
}

// Loads case `id` as `caller` may know it into `out`; true when
// `request_id` already made this request's entry (a retry: nothing more is
// written, and the case is answered as it is now).
absl::StatusOr<bool> LoadCaseForWrite(const LmdbTxn& txn, const Caller& caller, absl::string_view id,
                                      absl::string_view request_id, absl::string_view fingerprint, v1::Case& out) {
  auto c = LoadKnownCase(txn, caller, id);
  if (!c.ok()) return c.status();
  out = *std::move(c);
  auto retry = EntryForRetry(txn, caller, request_id, fingerprint, id);
  if (!retry.ok()) return retry.status();
  return retry->has_value();
}

// Writes `entry` as the next entry of `c`, bumps the case version and
// records the request id. REQUIRES: all checks passed.
absl::Status WriteNextEntry(LmdbTxn& txn, const Caller& caller, absl::string_view request_id,
                            absl::string_view fingerprint, v1::Case& c, v1::Entry& entry,
                            absl::Time now) {
  std::string case_id = c.name().substr(6);
  const int64_t number = c.version() + 1;
  entry.set_name(EntryResourceName(case_id, number));
  entry.set_number(number);
  *entry.mutable_record_time() = ToProto(now);
  entry.set_author(caller.user);
  entry.set_author_display_name(caller.display_name);
  entry.clear_superseded_by();
  auto place = PlaceInTime(txn, case_id, entry);
  if (!place.ok()) return place.status();
  if (auto s = storage::SaveEntry(txn, case_id, entry, *place); !s.ok()) return s;
  c.set_version(number);
  c.set_etag(Etag(case_id, number));
  NoteChildrenNamed(entry, c);
  if (auto s = MarkCaseWritten(txn, case_id, c, now); !s.ok()) return s;
  if (auto s = storage::SaveCase(txn, case_id, c); !s.ok()) return s;
  if (request_id.empty()) return absl::OkStatus();
  return storage::SaveRequest(txn, caller.user, request_id, entry.name(), fingerprint);
}

// The name index (N\0) of a case whose subjects change from `before`'s to `after`.
absl::Status ReindexSubjectNames(LmdbTxn& txn, absl::string_view case_id, const v1::Case& before,
                                 const Subjects& after) {
  v1::Case next;
  *next.mutable_subjects() = after;
  const std::set<std::string> old_tokens = SubjectTokens(before);
  const std::set<std::string> new_tokens = SubjectTokens(next);
  for (const std::string& token : old_tokens) {
    if (new_tokens.contains(token)) continue;
    absl::Status s = txn.Delete(storage::keys::NameIndex(token, case_id));
    if (!s.ok() && !absl::IsNotFound(s)) return s;
  }
  for (const std::string& token : new_tokens) {
    if (old_tokens.contains(token)) continue;
    if (auto s = storage::IndexCaseNameToken(txn, token, case_id); !s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::Status CheckVersion(const v1::Case& c, bool has_expected, int64_t expected) {
  if (!has_expected || expected == c.version()) return absl::OkStatus();
  return absl::AbortedError(absl::StrFormat(
      "%s is at version %d, not the expected %d: someone else wrote first; re-read and retry",
      c.name(), c.version(), expected));
}

}  // namespace

CaseChronology::CaseChronology(storage::Store* store, ChangeFeed* feed, Clock clock,
                               const PersonLinker* persons)
    : store_(store), feed_(feed), clock_(clock), persons_(persons), audit_(store, clock) {}

template <typename T>
void CaseChronology::Write(std::function<absl::Status(LmdbTxn&, T&)> op, v1::AuditEvent event,
                           std::string publish_case_id, Reply<T> reply) {
  auto result = std::make_shared<T>();
  store_->writer().Submit(
      [op = std::move(op), event = std::move(event), result](LmdbTxn& txn) {
        *result = T();  // the op may run again after a map resize
        if (absl::Status s = op(txn, *result); !s.ok()) return s;
        v1::AuditEvent recorded = event;
        DescribeResult(*result, recorded);
        return AppendAuditEvent(txn, std::move(recorded));
      },
      [this, result, publish_case_id = std::move(publish_case_id),
       reply = std::move(reply)](absl::Status s) mutable {
        if (!s.ok()) return reply(s);
        if (!publish_case_id.empty()) feed_->Publish(publish_case_id);
        reply(std::move(*result));
      });
}

void CaseChronology::CreateCase(const Caller& caller, v1::CreateCaseRequest request,
                                Reply<v1::Case> reply) {
  if (auto s = Authorize(caller, Action::kCreateCase); !s.ok()) return reply(s);
  if (auto s = ValidateCreateCase(request); !s.ok()) return reply(s);
  if (request.case_().has_restriction() && !MayKnow(caller, request.case_()))
    return reply(absl::InvalidArgumentError(
        "case.restriction: would keep the case from you; name yourself or one of your teams"));
  const absl::Time now = clock_();
  std::string fingerprint = RequestFingerprint(request);
  v1::AuditEvent event = audit_.NewEvent(caller, "CreateCase");
  Write<v1::Case>(
      [this, caller, request = std::move(request), fingerprint = std::move(fingerprint), now](
          LmdbTxn& txn, v1::Case& out) -> absl::Status {
        if (!request.request_id().empty()) {
          auto earlier = storage::LoadRequest(txn, caller.user, request.request_id());
          if (!earlier.ok()) return earlier.status();
          if (earlier->has_value()) {
            const std::string& made = (*earlier)->resource_name;
            auto id = ParseCaseName(made, "request_id");
            if (!id.ok()) return absl::InvalidArgumentError(absl::StrCat(
                "request_id: already used for ", made, "; use a new id"));
            if (auto s = CheckSameRequest(**earlier, fingerprint); !s.ok()) return s;
            auto c = storage::LoadCase(txn, *id);
            if (!c.ok()) return c.status();
            out = c->value_or(v1::Case());
            return absl::OkStatus();
          }
        }
        std::string id = request.case_id();
        while (id.empty()) {  // a generated id skips ids that callers chose
          auto seq = storage::NextCounter(txn, "next_case");
          if (!seq.ok()) return seq.status();
          id = absl::StrFormat("CF-%06d", *seq);
          auto taken = storage::LoadCase(txn, id);
          if (!taken.ok()) return taken.status();
          if (taken->has_value()) id.clear();
        }
        auto existing = storage::LoadCase(txn, id);
        if (!existing.ok()) return existing.status();
        if (existing->has_value())
          return absl::AlreadyExistsError(absl::StrCat("case_id: ", CaseName(id), " already exists"));
        out = request.case_();
        out.set_name(CaseName(id));
        out.set_version(0);
        out.set_etag(Etag(id, 0));
        out.set_creator(caller.user);
        *out.mutable_create_time() = ToProto(now);
        out.clear_last_review();
        out.clear_update_time();
        out.set_state(v1::CASE_STATE_OPEN);
        out.clear_closure_approval();
        SetFirstOwner(caller, out);
        if (auto s = MarkCaseWritten(txn, id, out, now); !s.ok()) return s;
        // Each subject is a person record of the case ("cases/{case}#subject=N").
        std::vector<int> every(out.subjects_size());
        for (int i = 0; i < out.subjects_size(); ++i) every[i] = i;
        if (auto s = LinkSubjects(txn, persons_, out.name(), out.name(), *out.mutable_subjects(), every); !s.ok())
          return s;
        if (auto s = StartRetention(txn, id, out, now); !s.ok()) return s;
        if (auto s = storage::SaveCase(txn, id, out); !s.ok()) return s;
        for (const std::string& ref : out.legacy_refs()) {
          if (auto s = storage::IndexCaseRef(txn, ref, id); !s.ok()) return s;
        }
        for (const std::string& token : SubjectTokens(out)) {
          if (auto s = storage::IndexCaseNameToken(txn, token, id); !s.ok()) return s;
        }
        if (request.request_id().empty()) return absl::OkStatus();
        return storage::SaveRequest(txn, caller.user, request.request_id(), out.name(),
                                    fingerprint);
      },
      std::move(event), "", std::move(reply));
}


absl::StatusOr<v1::Case> CaseChronology::GetCase(const Caller& caller, absl::string_view name) {
  if (auto s = Authorize(caller, Action::kReadCase); !s.ok()) return s;
  auto case_id = ParseCaseName(name, "name");
  if (!case_id.ok()) return case_id.status();
  auto read = store_->BeginRead();
  if (!read.ok()) return read.status();
  return LoadKnownCase((*read)->txn(), caller, *case_id);
}

void CaseChronology::AppendEntry(const Caller& caller, v1::AppendEntryRequest request,
                                 Reply<v1::Entry> reply) {
  if (auto s = Authorize(caller, Action::kWriteEntry); !s.ok()) return reply(s);
  auto case_id = ParseCaseName(request.parent(), "parent");
  if (!case_id.ok()) return reply(case_id.status());
  if (auto s = ValidateAppend(request); !s.ok()) return reply(s);
  const absl::Time now = clock_();
  std::string id = *case_id;
  std::string fingerprint = RequestFingerprint(request);
  Write<v1::Entry>(
      [caller, request = std::move(request), fingerprint = std::move(fingerprint), id, now,
       persons = persons_](LmdbTxn& txn, v1::Entry& out) -> absl::Status {
        auto retry = EntryForRetry(txn, caller, request.request_id(), fingerprint, id);
        if (!retry.ok()) return retry.status();
        if (retry->has_value()) {
          out = **std::move(retry);
          return absl::OkStatus();
        }
        auto c = LoadKnownCase(txn, caller, id);
        if (!c.ok()) return c.status();
        if (auto s = CheckVersion(*c, request.has_expected_version(), request.expected_version());
            !s.ok())
          return s;
        out = request.entry();
        out.clear_supersedes();
        out.clear_correction_reason();
        out.set_name(EntryResourceName(id, c->version() + 1));  // its children's records name it
        FillRecordAuthors(out, caller.user);
        if (auto s = LinkChildrenToPersons(txn, caller, persons, out); !s.ok()) return s;
        if (auto s = WriteNextEntry(txn, caller, request.request_id(), fingerprint, *c, out, now);
            !s.ok())
          return s;
        if (auto s = IndexSafeguardingRecord(txn, id, out); !s.ok()) return s;
        return IndexMeasures(txn, id, out);
      },
      audit_.NewEvent(caller, "AppendEntry"), id, std::move(reply));
}

void CaseChronology::CorrectEntry(const Caller& caller, v1::CorrectEntryRequest request,
                                  Reply<v1::Entry> reply) {
  if (auto s = Authorize(caller, Action::kWriteEntry); !s.ok()) return reply(s);
  auto target = ParseEntryName(request.name(), "name");
  if (!target.ok()) return reply(target.status());
  if (auto s = ValidateCorrection(request); !s.ok()) return reply(s);
  const absl::Time now = clock_();
  std::string id = target->case_id;
  std::string fingerprint = RequestFingerprint(request);
  Write<v1::Entry>(
      [caller, request = std::move(request), fingerprint = std::move(fingerprint),
       target = *target, now](LmdbTxn& txn, v1::Entry& out) -> absl::Status {
        auto retry =
            EntryForRetry(txn, caller, request.request_id(), fingerprint, target.case_id);
        if (!retry.ok()) return retry.status();
        if (retry->has_value()) {
          out = **std::move(retry);
          return absl::OkStatus();
        }
        auto c = storage::LoadCase(txn, target.case_id);
        if (!c.ok()) return c.status();
        auto original = storage::LoadEntry(txn, target.case_id, target.number);
        if (!original.ok()) return original.status();
        if (!c->has_value() || !MayKnow(caller, **c) || !original->has_value())
          return absl::NotFoundError(absl::StrCat(request.name(), " not found"));
        if (!(*original)->superseded_by().empty()) {
          return absl::FailedPreconditionError(absl::StrCat(
              request.name(), " was already corrected by ", (*original)->superseded_by(),
              "; correct that entry instead"));
        }
        if (auto s = CheckVersion(**c, request.has_expected_version(), request.expected_version());
            !s.ok())
          return s;
        out = **original;
        out.set_kind((*original)->kind());
        out.set_text(request.text());
        out.set_supersedes(request.name());
        out.set_correction_reason(request.reason());
        out.clear_sources();
        if (request.occur_time().precision() != v1::PartialTime::PRECISION_UNSPECIFIED)
          *out.mutable_occur_time() = request.occur_time();
        if (auto s = WriteNextEntry(txn, caller, request.request_id(), fingerprint, **c, out, now);
            !s.ok())
          return s;
        return storage::SaveSupersession(txn, target.case_id, target.number, out.number());
      },
      audit_.NewEvent(caller, "CorrectEntry"), id, std::move(reply));
}

void CaseChronology::ReviewCase(const Caller& caller, v1::ReviewCaseRequest request,
                                Reply<v1::Case> reply) {
  if (auto s = Authorize(caller, Action::kReviewRetention); !s.ok()) return reply(s);
  auto case_id = ParseCaseName(request.name(), "name");
  if (!case_id.ok()) return reply(case_id.status());
  const absl::Time now = clock_();
  if (auto s = ValidateReview(request, UkDay(now)); !s.ok()) return reply(s);
  if (auto s = ValidateExpectedVersion(request.has_expected_version(), request.expected_version()); !s.ok())
    return reply(s);
  std::string id = *case_id;
  std::string fingerprint = RequestFingerprint(request);
  Write<v1::Case>(
      [caller, request = std::move(request), fingerprint = std::move(fingerprint), id, now](
          LmdbTxn& txn, v1::Case& out) -> absl::Status {
        auto retry = LoadCaseForWrite(txn, caller, id, request.request_id(), fingerprint, out);
        if (!retry.ok() || *retry) return retry.status();  // a retry: the case as it is now
        if (auto s = CheckVersion(out, request.has_expected_version(), request.expected_version()); !s.ok())
          return s;
        v1::RetentionReview& review = *out.mutable_last_review();
        review.set_decision(request.decision());
        review.set_reason(request.reason());
        review.set_reviewer(caller.user);
        *review.mutable_review_time() = ToProto(now);
        review.set_next_review_date(request.next_review_date());
        v1::Entry entry = ReviewEntry(review);
        if (auto s = WriteNextEntry(txn, caller, request.request_id(), fingerprint, out, entry, now); !s.ok())
          return s;
        out.mutable_last_review()->set_entry(entry.name());
        const std::string next = request.next_review_date().empty() ? FormatReviewDate(UkDay(now))
                                                                    : request.next_review_date();
        if (auto s = MoveReviewDate(txn, id, out, next); !s.ok()) return s;
        return storage::SaveCase(txn, id, out);
      },
      audit_.NewEvent(caller, "ReviewCase"), id, std::move(reply));
}

void CaseChronology::CorrectSubjects(const Caller& caller, v1::CorrectSubjectsRequest request,
                                     Reply<v1::Case> reply) {
  if (auto s = Authorize(caller, Action::kWriteEntry); !s.ok()) return reply(s);
  auto case_id = ParseCaseName(request.name(), "name");
  if (!case_id.ok()) return reply(case_id.status());
  if (auto s = ValidateSubjectCorrection(request); !s.ok()) return reply(s);
  const absl::Time now = clock_();
  std::string id = *case_id;
  std::string fingerprint = RequestFingerprint(request);
  Write<v1::Case>(
      [caller, request = std::move(request), fingerprint = std::move(fingerprint), id, now,
       persons = persons_](LmdbTxn& txn, v1::Case& out) -> absl::Status {
        auto retry = LoadCaseForWrite(txn, caller, id, request.request_id(), fingerprint, out);
        if (!retry.ok() || *retry) return retry.status();  // a retry: the case as it is now
        if (auto s = CheckVersion(out, request.has_expected_version(), request.expected_version()); !s.ok())
          return s;
        Subjects after = request.subjects();
        auto change = CompareSubjects(txn, out.name(), out.subjects(), after);
        if (!change.ok()) return change.status();
        if (!change->changed)
          return absl::InvalidArgumentError("subjects: the same as the case's; nothing to correct");
        v1::Entry entry;
        entry.set_kind(v1::ENTRY_KIND_CORRECTION);
        entry.set_text(change->text);
        entry.set_correction_reason(request.reason());
        const std::string entry_name = EntryResourceName(id, out.version() + 1);
        if (persons != nullptr && !change->unlink.empty()) {
          if (auto s = persons->Unlink(txn, change->unlink); !s.ok()) return s;
        }
        if (auto s = LinkSubjects(txn, persons, out.name(), entry_name, after, change->link); !s.ok()) return s;
        if (auto s = ReindexSubjectNames(txn, id, out, after); !s.ok()) return s;
        *out.mutable_subjects() = after;
        *entry.mutable_subjects() = after;
        return WriteNextEntry(txn, caller, request.request_id(), fingerprint, out, entry, now);
      },
      audit_.NewEvent(caller, "CorrectSubjects"), id, std::move(reply));
}

void CaseChronology::AssignCase(const Caller& caller, v1::AssignCaseRequest request, Reply<v1::Case> reply) {
  if (auto s = Authorize(caller, Action::kAssignCase); !s.ok()) return reply(s);
  auto case_id = ParseCaseName(request.name(), "name");
  if (!case_id.ok()) return reply(case_id.status());
  if (auto s = ValidateAssignment(request); !s.ok()) return reply(s);
  const absl::Time now = clock_();
  std::string id = *case_id;
  std::string fingerprint = RequestFingerprint(request);
  Write<v1::Case>(
      [caller, request = std::move(request), fingerprint = std::move(fingerprint), id, now](
          LmdbTxn& txn, v1::Case& out) -> absl::Status {
        auto retry = LoadCaseForWrite(txn, caller, id, request.request_id(), fingerprint, out);
        if (!retry.ok() || *retry) return retry.status();  // a retry: the case as it is now
        if (auto s = MayAssign(caller, out); !s.ok()) return s;
        if (auto s = CheckVersion(out, request.has_expected_version(), request.expected_version()); !s.ok())
          return s;
        auto text = Reassign(txn, id, out, request.owner(), request.team());
        if (!text.ok()) return text.status();
        v1::Entry entry;
        entry.set_kind(v1::ENTRY_KIND_ASSIGNMENT);
        entry.set_text(*std::move(text));
        entry.set_correction_reason(request.reason());
        return WriteNextEntry(txn, caller, request.request_id(), fingerprint, out, entry, now);
      },
      audit_.NewEvent(caller, "AssignCase"), id, std::move(reply));
}

void CaseChronology::SetCaseRestriction(const Caller& caller,
                                        v1::SetCaseRestrictionRequest request,
                                        Reply<v1::Case> reply) {
  if (auto s = Authorize(caller, Action::kRestrictCase); !s.ok()) return reply(s);
  auto case_id = ParseCaseName(request.name(), "name");
  if (!case_id.ok()) return reply(case_id.status());
  if (auto s = ValidateRestrictionChange(request); !s.ok()) return reply(s);
  if (request.has_restriction()) {
    v1::Case after;
    *after.mutable_restriction() = request.restriction();
    if (!MayKnow(caller, after))
      return reply(absl::InvalidArgumentError(
          "restriction: would keep the case from you; name yourself or one of your teams"));
  }
  std::string id = *case_id;
  // The reason is kept as an erasure's is: the audit record's purpose.
  v1::AuditEvent event = audit_.NewEvent(caller, "SetCaseRestriction");
  event.set_purpose(request.reason());
  Write<v1::Case>(
      [caller, request = std::move(request), id](LmdbTxn& txn, v1::Case& out) -> absl::Status {
        auto c = LoadKnownCase(txn, caller, id);
        if (!c.ok()) return c.status();
        out = *std::move(c);
        if (auto s = CheckVersion(out, request.has_expected_version(), request.expected_version()); !s.ok())
          return s;
        if (request.has_restriction()) {
          *out.mutable_restriction() = request.restriction();
        } else {
          out.clear_restriction();
        }
        return storage::SaveCase(txn, id, out);
      },
      std::move(event), id, std::move(reply));  // watchers check again
}

template <typename T>
void CaseChronology::WriteStep(const Caller& caller, absl::string_view method, Step step,
                               std::function<T(const v1::Case&, const v1::Entry&)> pick, Reply<T> reply) {
  const absl::Time now = clock_();
  const std::string id = step.case_id;
  Write<T>(
      [caller, step = std::move(step), pick = std::move(pick), now](LmdbTxn& txn, T& out) -> absl::Status {
        v1::Case c;
        auto retry = LoadCaseForWrite(txn, caller, step.case_id, step.request_id, step.fingerprint, c);
        if (!retry.ok()) return retry.status();
        if (*retry) {  // the step was written: answer it as it is now
          auto earlier = EntryForRetry(txn, caller, step.request_id, step.fingerprint, step.case_id);
          if (!earlier.ok()) return earlier.status();
          out = pick(c, **earlier);
          return absl::OkStatus();
        }
        if (auto s = CheckVersion(c, step.expected_version.has_value(), step.expected_version.value_or(0)); !s.ok())
          return s;
        auto entry = step.make(txn, c);
        if (!entry.ok()) return entry.status();
        if (auto s = WriteNextEntry(txn, caller, step.request_id, step.fingerprint, c, *entry, now); !s.ok()) return s;
        if (step.after) {
          if (auto s = step.after(txn, c, *entry); !s.ok()) return s;
        }
        out = pick(c, *entry);
        return absl::OkStatus();
      },
      audit_.NewEvent(caller, method), id, std::move(reply));
}

namespace {

v1::Entry PickEntry(const v1::Case&, const v1::Entry& entry) { return entry; }
v1::Case PickCase(const v1::Case& c, const v1::Entry&) { return c; }

template <typename Request>
std::optional<int64_t> ExpectedVersion(const Request& request) {
  if (!request.has_expected_version()) return std::nullopt;
  return request.expected_version();
}

}  // namespace

void CaseChronology::RequestApproval(const Caller& caller, v1::RequestApprovalRequest request,
                                     Reply<v1::Entry> reply) {
  if (auto s = Authorize(caller, Action::kWriteEntry); !s.ok()) return reply(s);
  if (auto s = ValidateApprovalRequest(request); !s.ok()) return reply(s);
  Step step{ParseCaseName(request.parent(), "parent").value(), request.request_id(), RequestFingerprint(request),
            ExpectedVersion(request)};
  step.make = [subject = request.subject(), note = request.note()](LmdbTxn& txn, v1::Case& c) {
    return ApprovalRequestEntry(txn, c, subject, note);
  };
  step.after = PutOnApprovalList;
  WriteStep<v1::Entry>(caller, "RequestApproval", std::move(step), PickEntry, std::move(reply));
}

template <typename Request>
void CaseChronology::DecideRequest(const Caller& caller, absl::string_view method, const Request& request,
                                   v1::ApprovalDecision::Outcome outcome, Reply<v1::Entry> reply) {
  auto target = ParseEntryName(request.name(), "name");
  Step step{target->case_id, request.request_id(), RequestFingerprint(request), ExpectedVersion(request)};
  step.make = [caller, target = *target, outcome, comment = request.comment()](LmdbTxn& txn, v1::Case& c) {
    return DecideApproval(txn, caller, c, target, outcome, comment,
                          EntryResourceName(target.case_id, c.version() + 1));
  };
  WriteStep<v1::Entry>(caller, method, std::move(step), PickEntry, std::move(reply));
}

void CaseChronology::ApproveRequest(const Caller& caller, v1::ApproveRequestRequest request,
                                    Reply<v1::Entry> reply) {
  // The team the caller supervises is checked once the case is loaded (DecideApproval).
  if (auto s = Authorize(caller, Action::kSupervise); !s.ok()) return reply(s);
  if (auto s = ValidateApproval(request); !s.ok()) return reply(s);
  DecideRequest(caller, "ApproveRequest", request, v1::ApprovalDecision::OUTCOME_APPROVED, std::move(reply));
}

void CaseChronology::ReturnRequest(const Caller& caller, v1::ReturnRequestRequest request,
                                   Reply<v1::Entry> reply) {
  // The team the caller supervises is checked once the case is loaded (DecideApproval).
  if (auto s = Authorize(caller, Action::kSupervise); !s.ok()) return reply(s);
  if (auto s = ValidateReturn(request); !s.ok()) return reply(s);
  DecideRequest(caller, "ReturnRequest", request, v1::ApprovalDecision::OUTCOME_RETURNED, std::move(reply));
}

void CaseChronology::CloseCase(const Caller& caller, v1::CloseCaseRequest request, Reply<v1::Case> reply) {
  if (auto s = Authorize(caller, Action::kWriteEntry); !s.ok()) return reply(s);
  if (auto s = ValidateClose(request); !s.ok()) return reply(s);
  Step step{ParseCaseName(request.name(), "name").value(), request.request_id(), RequestFingerprint(request),
            ExpectedVersion(request)};
  step.make = [reason = request.reason()](LmdbTxn&, v1::Case& c) { return CloseWith(c, reason); };
  WriteStep<v1::Case>(caller, "CloseCase", std::move(step), PickCase, std::move(reply));
}

void CaseChronology::ReopenCase(const Caller& caller, v1::ReopenCaseRequest request, Reply<v1::Case> reply) {
  if (auto s = Authorize(caller, Action::kWriteEntry); !s.ok()) return reply(s);
  if (auto s = ValidateReopen(request); !s.ok()) return reply(s);
  Step step{ParseCaseName(request.name(), "name").value(), request.request_id(), RequestFingerprint(request),
            ExpectedVersion(request)};
  step.make = [reason = request.reason()](LmdbTxn&, v1::Case& c) { return ReopenWith(c, reason); };
  WriteStep<v1::Case>(caller, "ReopenCase", std::move(step), PickCase, std::move(reply));
}

void CaseChronology::OpenCaseFile(const Caller& caller, const v1::GetCaseFileRequest& request,
                                  absl::string_view method, Reply<v1::Case> reply) {
  if (auto s = Authorize(caller, Action::kReadCase); !s.ok()) return reply(s);
  auto case_id = ParseCaseName(request.name(), "name");
  if (!case_id.ok()) return reply(case_id.status());
  if (auto s = ValidatePurpose(request.purpose(), "purpose"); !s.ok()) return reply(s);
  if (auto s = ValidateCaseFileView(request); !s.ok()) return reply(s);
  RecordLook(caller, *case_id, method, request.purpose(), std::move(reply));
}

void CaseChronology::OpenWatch(const Caller& caller, const v1::WatchCaseRequest& request,
                               Reply<v1::Case> reply) {
  if (auto s = Authorize(caller, Action::kReadCase); !s.ok()) return reply(s);
  auto case_id = ParseCaseName(request.name(), "name");
  if (!case_id.ok()) return reply(case_id.status());
  if (request.after_version() < 0)
    return reply(absl::InvalidArgumentError("after_version: must not be negative"));
  if (auto s = ValidatePurpose(request.purpose(), "purpose"); !s.ok()) return reply(s);
  RecordLook(caller, *case_id, "WatchCase", request.purpose(), std::move(reply));
}

void CaseChronology::RecordLook(const Caller& caller, absl::string_view case_id,
                                absl::string_view method, absl::string_view purpose,
                                Reply<v1::Case> reply) {
  v1::AuditEvent event = audit_.NewEvent(caller, method);
  event.set_purpose(std::string(purpose));
  Write<v1::Case>(
      [caller, id = std::string(case_id)](LmdbTxn& txn, v1::Case& out) -> absl::Status {
        auto c = LoadKnownCase(txn, caller, id);
        if (!c.ok()) return c.status();
        out = *std::move(c);
        return absl::OkStatus();
      },
      std::move(event), "", std::move(reply));
}

absl::StatusOr<storage::EntryChunk> CaseChronology::ReadEntries(absl::string_view case_id,
                                                                uint64_t first, uint64_t last,
                                                                size_t max_bytes) {
  auto read = store_->BeginRead();
  if (!read.ok()) return read.status();
  return storage::LoadEntryChunk((*read)->txn(), case_id, first, last, max_bytes);
}

absl::StatusOr<storage::EncodedEntryChunk> CaseChronology::ReadEncodedEntries(
    absl::string_view case_id, uint64_t first, uint64_t last, size_t max_bytes, int field_number,
    std::string message) {
  auto read = store_->BeginRead();
  if (!read.ok()) return read.status();
  return storage::LoadEncodedEntryChunk((*read)->txn(), case_id, first, last, max_bytes,
                                        field_number, std::move(message));
}

absl::StatusOr<storage::EncodedEntryChunk> CaseChronology::ReadCaseFileStartUnchecked(
    absl::string_view case_id, size_t max_bytes, int field_number) {
  auto read = store_->BeginRead();
  if (!read.ok()) return read.status();
  auto c = storage::LoadCase((*read)->txn(), case_id);
  if (!c.ok()) return c.status();
  if (!c->has_value() || (*c)->version() == 0) return storage::EncodedEntryChunk{"", 1};
  return storage::LoadEncodedEntryChunk((*read)->txn(), case_id, 1, static_cast<uint64_t>((*c)->version()),
                                        max_bytes, field_number, "");
}

absl::StatusOr<CaseChronology::CaseFileViewStart> CaseChronology::StartCaseFileViewUnchecked(
    const v1::GetCaseFileRequest& request, absl::string_view case_id, std::optional<uint64_t> version,
    size_t max_bytes, int field_number) {
  auto read = store_->BeginRead();
  if (!read.ok()) return read.status();
  if (!version.has_value()) {
    auto c = storage::LoadCase((*read)->txn(), case_id);
    if (!c.ok()) return c.status();
    version = c->has_value() ? static_cast<uint64_t>((*c)->version()) : 0;
  }
  auto view = PlanCaseFileView((*read)->txn(), request, case_id, *version);
  if (!view.ok()) return view.status();
  auto first = casefile::ReadCaseFileView((*read)->txn(), *view, max_bytes, field_number, "");
  if (!first.ok()) return first.status();
  return CaseFileViewStart{*std::move(view), *std::move(first)};
}

absl::StatusOr<std::string> CaseChronology::ReadCaseFileView(CaseFileView& view, size_t max_bytes, int field_number,
                                                             std::string message) {
  auto read = store_->BeginRead();
  if (!read.ok()) return read.status();
  return casefile::ReadCaseFileView((*read)->txn(), view, max_bytes, field_number, std::move(message));
}

absl::StatusOr<int64_t> CaseChronology::CaseVersion(const Caller& caller, absl::string_view case_id) {
  auto read = store_->BeginRead();
  if (!read.ok()) return read.status();
  // Erased or restricted while watched: the watch ends, as if never there.
  auto c = LoadKnownCase((*read)->txn(), caller, case_id);
  if (!c.ok()) return c.status();
  return c->version();
}

}  // namespace casefile
