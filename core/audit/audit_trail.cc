#include "core/audit/audit_trail.h"

#include <openssl/evp.h>

#include <algorithm>
#include <atomic>
#include <optional>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "core/input/resource_names.h"
#include "google/protobuf/util/time_util.h"
#include "storage/case_tables.h"

namespace casefile {
namespace {

using TimeUtil = google::protobuf::util::TimeUtil;

constexpr int kDefaultPageSize = 100;
constexpr int kMaxPageSize = 1000;

// Page tokens are opaque to clients: the last seq of the page, encoded.
std::string EncodePageToken(int64_t last_seq) {
  return absl::WebSafeBase64Escape(absl::StrCat("a1:", last_seq));
}
absl::StatusOr<uint64_t> DecodePageToken(absl::string_view token) {
  if (token.empty()) return 0;
  std::string raw;
  uint64_t seq = 0;
  if (!absl::WebSafeBase64Unescape(token, &raw) || !absl::StartsWith(raw, "a1:") ||
      !absl::SimpleAtoi(absl::string_view(raw).substr(3), &seq)) {
    return absl::InvalidArgumentError("page_token: not a token from a previous ListAuditEvents");
  }
  return seq;
}

bool NamesUnder(const v1::AuditEvent& event, absl::string_view name) {
  const std::string child = absl::StrCat(name, "/");
  for (const std::string& r : event.resources()) {
    if (r == name || absl::StartsWith(r, child)) return true;
  }
  return false;
}

bool Matches(const v1::AuditEvent& event, const v1::ListAuditEventsRequest& request) {
  if (!request.case_().empty() && !NamesUnder(event, request.case_())) return false;
  if (!request.person().empty() && !NamesUnder(event, request.person())) return false;
  if (!request.user().empty() && event.user() != request.user()) return false;
  if (!request.kind().empty() && event.kind() != request.kind()) return false;
  if (request.has_start_time() && event.event_time() < request.start_time()) return false;
  if (request.has_end_time() && !(event.event_time() < request.end_time())) return false;
  return true;
}

}  // namespace

void DescribeResult(const v1::Case& c, v1::AuditEvent& event) { event.add_resources(c.name()); }
void DescribeResult(const v1::Entry& entry, v1::AuditEvent& event) {
  event.add_resources(entry.name());
}
void DescribeResult(const v1::ListCasesResponse& response, v1::AuditEvent& event) {
  for (const v1::Case& c : response.cases()) event.add_resources(c.name());
  event.set_count(response.cases_size());
}
void DescribeResult(const v1::Person& person, v1::AuditEvent& event) {
  event.add_resources(person.name());
}
void DescribeResult(const v1::SearchPersonsResponse& response, v1::AuditEvent& event) {
  for (const v1::PersonMatch& m : response.results()) event.add_resources(m.person().name());
  event.set_count(response.results_size());
}
void DescribeResult(const v1::ListPersonsResponse& response, v1::AuditEvent& event) {
  for (const v1::Person& p : response.persons()) event.add_resources(p.name());
  event.set_count(response.persons_size());
}
void DescribeResult(const v1::Import& import, v1::AuditEvent& event) {
  if (!import.name().empty()) event.add_resources(import.name());
  for (const std::string& c : import.cases()) event.add_resources(c);
  event.set_count(import.counts().records_read());
}
void DescribeResult(const v1::ReviewItem& item, v1::AuditEvent& event) {
  event.add_resources(item.name());
  if (!item.case_().empty()) event.add_resources(item.case_());
}
void DescribeResult(const v1::ListReviewItemsResponse& response, v1::AuditEvent& event) {
  for (const v1::ReviewItem& item : response.review_items()) event.add_resources(item.name());
  event.set_count(response.review_items_size());
}
void DescribeResult(const v1::ListAuditEventsResponse& response, v1::AuditEvent& event) {
  event.set_count(response.audit_events_size());
}
void DescribeResult(const v1::VerifyAuditLogResponse& response, v1::AuditEvent& event) {
  event.set_count(response.records_checked());
}
void DescribeResult(const v1::ListImportsResponse& response, v1::AuditEvent& event) {
  for (const v1::Import& i : response.imports()) event.add_resources(i.name());
  event.set_count(response.imports_size());
}
void DescribeResult(const v1::ListRejectedRecordsResponse& response, v1::AuditEvent& event) {
  event.set_count(response.rejections_size());
}
void DescribeResult(const v1::SeparateRecordResponse& response, v1::AuditEvent& event) {
  for (const v1::Entry& e : response.entries()) event.add_resources(e.name());
  for (const v1::Person& p : response.persons()) event.add_resources(p.name());
  event.set_count(response.entries_size() + response.persons_size());
}
void DescribeResult(const v1::ListAttentionItemsResponse& response, v1::AuditEvent& event) {
  DescribeAttentionItems(response.items(), event);
}
void DescribeResult(const v1::WatchAttentionResponse& response, v1::AuditEvent& event) {
  DescribeAttentionItems(response.items(), event);
}
void DescribeResult(const v1::InspectionReport& report, v1::AuditEvent& event) {
  int64_t units = 0;
  for (const v1::MeasureResult& m : report.measures()) units += m.period().count();
  event.set_count(units);
}
void DescribeResult(const v1::ListReportCasesResponse& response, v1::AuditEvent& event) {
  for (const v1::ReportCase& c : response.cases()) event.add_resources(c.entry());
  event.set_count(response.cases_size());
}
void DescribeAttentionItems(const google::protobuf::RepeatedPtrField<v1::AttentionItem>& items,
                            v1::AuditEvent& event) {
  for (const v1::AttentionItem& item : items) {
    event.add_resources(item.entry());
    if (!item.person().empty()) event.add_resources(item.person());
  }
  event.set_count(items.size());
}

v1::AuditEvent NewAuditEvent(const Caller& caller, absl::string_view kind, absl::Time now) {
  v1::AuditEvent event;
  *event.mutable_event_time() = TimeUtil::NanosecondsToTimestamp(absl::ToUnixNanos(now));
  event.set_user(caller.user);
  event.set_role(std::string(RoleName(caller.role)));
  event.set_peer(caller.peer);
  event.set_kind(std::string(kind));
  event.set_outcome("OK");
  return event;
}

std::string AuditHash(absl::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &size, EVP_sha256(), nullptr);
  return std::string(reinterpret_cast<const char*>(digest), size);
}

namespace {
// Set once, before serving, by casefiled --benchmark_only_disable_audit.
std::atomic<bool> audit_disabled_for_benchmarks{false};
}  // namespace

void DisableAuditTrailForBenchmarksOnly() { audit_disabled_for_benchmarks = true; }

absl::Status AppendAuditEvent(storage::LmdbTxn& txn, v1::AuditEvent event) {
  if (audit_disabled_for_benchmarks) return absl::OkStatus();
  auto head = storage::LoadAuditHead(txn);
  if (!head.ok()) return head.status();
  const uint64_t seq = head->has_value() ? (*head)->seq + 1 : 1;
  event.set_seq(static_cast<int64_t>(seq));
  if (head->has_value()) {
    event.set_previous_hash((*head)->hash);
  } else {
    event.clear_previous_hash();
  }
  const std::string bytes = event.SerializeAsString();
  if (absl::Status s = storage::PutAuditRecord(txn, seq, bytes); !s.ok()) return s;
  return storage::SaveAuditHead(txn, {seq, AuditHash(bytes)});
}

// A link is the hash a record (or the head, after the last record) holds of
// the record before it. One altered record breaks the link after it, and also
// the one before it when the byte changed is in its own previous_hash; so the
// first broken link names the record before it unless the next link is
// broken too.
absl::StatusOr<v1::VerifyAuditLogResponse> VerifyAuditChain(const storage::LmdbTxn& txn) {
  v1::VerifyAuditLogResponse out;
  auto head = storage::LoadAuditHead(txn);
  if (!head.ok()) return head.status();
  auto broken = [&out](uint64_t seq, std::string reason) {
    out.set_ok(false);
    out.set_first_broken_seq(static_cast<int64_t>(seq));
    out.set_reason(std::move(reason));
  };
  uint64_t expected = 1;
  std::string previous_hash;           // of record expected-1's bytes
  std::optional<uint64_t> suspect;     // the link into record *suspect+1 is broken
  bool done = false;
  // Called for each link in turn; true once the broken record is known.
  auto link = [&](uint64_t into, bool intact) {
    if (suspect) {
      const uint64_t culprit = std::max<uint64_t>(intact ? *suspect : into - 1, 1);
      broken(culprit,
             intact ? absl::StrCat("record ", culprit, " does not match the hash held by record ",
                                   culprit + 1)
                    : absl::StrCat("record ", culprit,
                                   " has been altered: it matches neither the record before it "
                                   "nor the hash held after it"));
      return true;
    }
    if (!intact) suspect = into - 1;
    return false;
  };
  absl::Status scan = storage::ScanAuditRecords(txn, 1, [&](uint64_t seq, absl::string_view bytes) {
    if (seq != expected) {
      broken(expected, absl::StrCat("record ", expected, " is missing (the next stored is ", seq,
                                    ")"));
      done = true;
      return false;
    }
    v1::AuditEvent event;
    if (!event.ParseFromArray(bytes.data(), static_cast<int>(bytes.size())) ||
        event.seq() != static_cast<int64_t>(seq)) {
      broken(seq, absl::StrCat("record ", seq, " has been altered: it does not read as record ",
                               seq));
      done = true;
      return false;
    }
    if (link(seq, event.previous_hash() == previous_hash)) {
      done = true;
      return false;
    }
    out.set_records_checked(out.records_checked() + 1);
    previous_hash = AuditHash(bytes);
    ++expected;
    return true;
  });
  if (!scan.ok()) return scan;
  if (done) return out;
  const uint64_t last = expected - 1;
  const uint64_t head_seq = head->has_value() ? (*head)->seq : 0;
  if (head_seq > last) {
    broken(last + 1, absl::StrCat("record ", last + 1, " is missing (the chain head names record ",
                                  head_seq, ")"));
    return out;
  }
  if (head_seq < last) {
    broken(head_seq + 1, absl::StrCat("record ", head_seq + 1, " is past the chain head (record ",
                                      head_seq, ")"));
    return out;
  }
  if (link(last + 1, last == 0 || (*head)->hash == previous_hash)) return out;
  if (suspect) {  // the chain head's own hash is the last link
    const uint64_t culprit = std::max<uint64_t>(*suspect, 1);
    broken(culprit, absl::StrCat("record ", culprit,
                                  " does not match the hash held by the chain head"));
    return out;
  }
  out.set_ok(true);
  return out;
}

AuditTrail::AuditTrail(storage::Store* store, Clock clock)
    : store_(store), clock_(std::move(clock)) {}

v1::AuditEvent AuditTrail::NewEvent(const Caller& caller, absl::string_view kind) const {
  return NewAuditEvent(caller, kind, clock_());
}

v1::AuditEvent AuditTrail::NewAnonymousEvent(absl::string_view peer, absl::string_view kind) const {
  v1::AuditEvent event;
  *event.mutable_event_time() = TimeUtil::NanosecondsToTimestamp(absl::ToUnixNanos(clock_()));
  event.set_user("unknown");
  event.set_role("unknown");
  event.set_peer(std::string(peer));
  event.set_kind(std::string(kind));
  event.set_outcome("OK");
  return event;
}

void AuditTrail::Record(v1::AuditEvent event, absl::AnyInvocable<void(absl::Status)> done) {
  if (audit_disabled_for_benchmarks) return done(absl::OkStatus());
  store_->writer().Submit(
      [event = std::move(event)](storage::LmdbTxn& txn) { return AppendAuditEvent(txn, event); },
      std::move(done));
}

absl::Status AuditTrail::RecordNow(v1::AuditEvent event) {
  if (audit_disabled_for_benchmarks) return absl::OkStatus();
  return store_->writer().Run(
      [event = std::move(event)](storage::LmdbTxn& txn) { return AppendAuditEvent(txn, event); });
}

absl::StatusOr<v1::ListAuditEventsResponse> AuditTrail::List(
    const Caller& caller, const v1::ListAuditEventsRequest& request) {
  if (auto s = Authorize(caller, Action::kAudit); !s.ok()) return s;
  if (request.page_size() < 0) return absl::InvalidArgumentError("page_size: must not be negative");
  if (!request.case_().empty()) {
    if (auto id = ParseCaseName(request.case_(), "case"); !id.ok()) return id.status();
  }
  if (!request.person().empty() && !absl::StartsWith(request.person(), "persons/"))
    return absl::InvalidArgumentError("person: expected persons/{person}");
  if (request.has_start_time() && request.has_end_time() &&
      !(request.start_time() < request.end_time()))
    return absl::InvalidArgumentError("end_time: must be after start_time");
  const int page_size =
      request.page_size() == 0 ? kDefaultPageSize : std::min(request.page_size(), kMaxPageSize);
  auto after = DecodePageToken(request.page_token());
  if (!after.ok()) return after.status();
  auto read = store_->BeginRead();
  if (!read.ok()) return read.status();
  v1::ListAuditEventsResponse response;
  absl::Status failure;
  absl::Status scan = storage::ScanAuditRecords(
      (*read)->txn(), *after + 1, [&](uint64_t seq, absl::string_view bytes) {
        v1::AuditEvent event;
        if (!event.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
          failure = absl::DataLossError(absl::StrCat(
              "audit record ", seq, " does not read: run VerifyAuditLog (casefile audit verify)"));
          return false;
        }
        if (!Matches(event, request)) return true;
        if (response.audit_events_size() == page_size) {
          response.set_next_page_token(EncodePageToken(response.audit_events().rbegin()->seq()));
          return false;
        }
        *response.add_audit_events() = std::move(event);
        return true;
      });
  if (!scan.ok()) return scan;
  if (!failure.ok()) return failure;
  return response;
}

absl::StatusOr<v1::VerifyAuditLogResponse> AuditTrail::Verify(const Caller& caller) {
  if (auto s = Authorize(caller, Action::kAudit); !s.ok()) return s;
  auto read = store_->BeginRead();
  if (!read.ok()) return read.status();
  return VerifyAuditChain((*read)->txn());
}

}  // namespace casefile
