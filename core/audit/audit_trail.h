// AuditTrail: the tamper-evident record of every operation on case and person
// data (Data Protection Act 2018 s.62). Each record (casefile.v1.AuditEvent)
// says who (user, role, client address), when, what (the RPC's name, resource
// names and a count — never case text, names, dates of birth or search terms),
// the purpose given and the outcome. Records are append-only and hash-chained:
// each holds the SHA-256 of the stored bytes of the one before, and the chain
// head (last seq and its hash) is kept under its own key (storage/keys.h).
//
// Every record goes through the store's single GroupCommitWriter: a write
// appends its record inside its own operation (Append), so both commit
// together; a read appends its record alone (Record) and answers only once it
// is durable. Successful calls are recorded where they happen; any call that
// ends in an error is recorded once, by the refusal interceptor
// (services/refusal_log.h).
//
// Thread-safe.
#ifndef CASEFILE_CORE_AUDIT_AUDIT_TRAIL_H_
#define CASEFILE_CORE_AUDIT_AUDIT_TRAIL_H_

#include <functional>
#include <memory>
#include <string>
#include <utility>

#include "absl/functional/any_invocable.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "casefile/v1/attention.pb.h"
#include "casefile/v1/audit.pb.h"
#include "casefile/v1/case.pb.h"
#include "casefile/v1/case_service.pb.h"
#include "casefile/v1/import.pb.h"
#include "casefile/v1/person.pb.h"
#include "casefile/v1/report.pb.h"
#include "core/access/caller.h"
#include "storage/lmdb.h"
#include "storage/store.h"

namespace casefile {

template <typename T>
using Reply = absl::AnyInvocable<void(absl::StatusOr<T>)>;

// The clock is injected so tests control record times.
using Clock = std::function<absl::Time()>;

// What a successful call returned, as its audit record names it: resource
// names and a count, nothing else.
void DescribeResult(const v1::Case& c, v1::AuditEvent& event);
void DescribeResult(const v1::Entry& entry, v1::AuditEvent& event);
void DescribeResult(const v1::ListCasesResponse& response, v1::AuditEvent& event);
void DescribeResult(const v1::Person& person, v1::AuditEvent& event);
void DescribeResult(const v1::SearchPersonsResponse& response, v1::AuditEvent& event);
void DescribeResult(const v1::ListPersonsResponse& response, v1::AuditEvent& event);
void DescribeResult(const v1::Import& import, v1::AuditEvent& event);
void DescribeResult(const v1::ReviewItem& item, v1::AuditEvent& event);
void DescribeResult(const v1::ListReviewItemsResponse& response, v1::AuditEvent& event);
void DescribeResult(const v1::ListRejectedRecordsResponse& response, v1::AuditEvent& event);
// The imports listed (names and counts only: they name no case).
void DescribeResult(const v1::ListImportsResponse& response, v1::AuditEvent& event);
void DescribeResult(const v1::SeparateRecordResponse& response, v1::AuditEvent& event);
// Auditors' own reads are records too (a count, never what they read).
void DescribeResult(const v1::ListAuditEventsResponse& response, v1::AuditEvent& event);
void DescribeResult(const v1::VerifyAuditLogResponse& response, v1::AuditEvent& event);
// Attention items: the entry of each and the person it names, if any.
void DescribeResult(const v1::ListAttentionItemsResponse& response, v1::AuditEvent& event);
void DescribeResult(const v1::WatchAttentionResponse& response, v1::AuditEvent& event);
void DescribeAttentionItems(const google::protobuf::RepeatedPtrField<v1::AttentionItem>& items,
                            v1::AuditEvent& event);
// A report: the units it counts (it names no case); the cases behind a
// figure: each entry listed.
void DescribeResult(const v1::InspectionReport& report, v1::AuditEvent& event);
void DescribeResult(const v1::ListReportCasesResponse& response, v1::AuditEvent& event);

// A record of `kind` (the RPC's name) by `caller` at `now`, outcome OK.
v1::AuditEvent NewAuditEvent(const Caller& caller, absl::string_view kind, absl::Time now);

// SHA-256 of `bytes` (32 bytes).
std::string AuditHash(absl::string_view bytes);

// Makes every audit operation a no-op, for the audit-cost benchmark only
// (casefiled --benchmark_only_disable_audit): a store served so has no trail.
void DisableAuditTrailForBenchmarksOnly();

// Appends `event` as the next record of the chain in `txn` (a write
// transaction of the store's writer): sets its seq and previous_hash, and
// moves the head. Depends only on the transaction's contents.
absl::Status AppendAuditEvent(storage::LmdbTxn& txn, v1::AuditEvent event);

// Walks the whole chain in `txn`: ok, or the first record that is missing,
// altered or out of chain and why.
absl::StatusOr<v1::VerifyAuditLogResponse> VerifyAuditChain(const storage::LmdbTxn& txn);

class AuditTrail {
 public:
  // `store` must outlive this object.
  AuditTrail(storage::Store* store, Clock clock);

  // A record of `kind` (the RPC's name) by `caller`, stamped now, outcome OK.
  v1::AuditEvent NewEvent(const Caller& caller, absl::string_view kind) const;
  // The same for a call whose caller is not known (not authenticated).
  v1::AuditEvent NewAnonymousEvent(absl::string_view peer, absl::string_view kind) const;

  // Appends `event` alone through the writer; `done` runs on the writer's
  // answering thread once it is durable (or failed) and must not block.
  void Record(v1::AuditEvent event, absl::AnyInvocable<void(absl::Status)> done);
  // The same, waiting for the commit.
  absl::Status RecordNow(v1::AuditEvent event);

  // A reply that, when the call succeeded, first records `kind` by `caller`
  // naming what the result holds (DescribeResult), then passes the result on
  // once the record is durable. An error passes straight through.
  template <typename T>
  Reply<T> AfterRecording(const Caller& caller, absl::string_view kind, Reply<T> reply);
  // The same for a synchronous call: records a success and returns `result`.
  // `resource`, when given, is named before what the result holds.
  template <typename T>
  absl::StatusOr<T> Recorded(const Caller& caller, absl::string_view kind,
                             absl::StatusOr<T> result, absl::string_view resource = "");

  // AuditService: the auditor's view (auditor and admin roles only).
  absl::StatusOr<v1::ListAuditEventsResponse> List(const Caller& caller,
                                                   const v1::ListAuditEventsRequest& request);
  absl::StatusOr<v1::VerifyAuditLogResponse> Verify(const Caller& caller);

 private:
  storage::Store* const store_;
  const Clock clock_;
};

template <typename T>
Reply<T> AuditTrail::AfterRecording(const Caller& caller, absl::string_view kind,
                                    Reply<T> reply) {
  return [this, event = NewEvent(caller, kind),
          reply = std::move(reply)](absl::StatusOr<T> result) mutable {
    if (!result.ok()) return reply(std::move(result));
    DescribeResult(*result, event);
    auto held = std::make_shared<T>(*std::move(result));
    Record(std::move(event), [held, reply = std::move(reply)](absl::Status s) mutable {
      if (!s.ok()) return reply(s);
      reply(std::move(*held));
    });
  };
}

template <typename T>
absl::StatusOr<T> AuditTrail::Recorded(const Caller& caller, absl::string_view kind,
                                       absl::StatusOr<T> result, absl::string_view resource) {
  if (!result.ok()) return result;
  v1::AuditEvent event = NewEvent(caller, kind);
  if (!resource.empty()) event.add_resources(std::string(resource));
  DescribeResult(*result, event);
  if (absl::Status s = RecordNow(std::move(event)); !s.ok()) return s;
  return result;
}

}  // namespace casefile

#endif  // CASEFILE_CORE_AUDIT_AUDIT_TRAIL_H_
