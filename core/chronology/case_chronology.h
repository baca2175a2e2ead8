// CaseChronology: the rules of the authoritative case chronology — who may do
// what, what a valid case and entry are, idempotent appends, optimistic
// concurrency, corrections that supersede, and recorded access to case files.
// Each write appends its audit record (core/audit/audit_trail.h) in its own
// transaction; opening a case file or a watch records the look, with its
// purpose, before anything is sent.
// It speaks protobuf value types and absl::Status; it knows no gRPC.
//
// Writes go through the store's GroupCommitWriter: their replies run on its
// answering thread after the commit is durable, so a Reply must not block.
//
// Thread-safe.
#ifndef CASEFILE_CORE_CHRONOLOGY_CASE_CHRONOLOGY_H_
#define CASEFILE_CORE_CHRONOLOGY_CASE_CHRONOLOGY_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "absl/functional/any_invocable.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "casefile/v1/case.pb.h"
#include "casefile/v1/case_service.pb.h"
#include "casefile/v1/supervision_service.pb.h"
#include "core/access/caller.h"
#include "core/audit/audit_trail.h"
#include "core/chronology/case_file_view.h"
#include "core/chronology/change_feed.h"
#include "core/persons/person_linker.h"
#include "storage/case_tables.h"
#include "storage/store.h"

namespace casefile {

class CaseChronology {
 public:
  // `store`, `feed` and `persons` must outlive this object. `persons` links
  // the subjects of new cases and the children of new structured records
  // (core/persons/child_links.h) to the person index; null: they are not
  // linked (tests of the chronology alone).
  CaseChronology(storage::Store* store, ChangeFeed* feed, Clock clock,
                 const PersonLinker* persons = nullptr);

  void CreateCase(const Caller& caller, v1::CreateCaseRequest request, Reply<v1::Case> reply);
  absl::StatusOr<v1::Case> GetCase(const Caller& caller, absl::string_view name);
  // By legacy reference, subject (the persons' cases first), review date, or
  // owner and team (most recently written first);
  // defined in case_listing.cc.
  absl::StatusOr<v1::ListCasesResponse> ListCases(const Caller& caller,
                                                  const v1::ListCasesRequest& request);
  void AppendEntry(const Caller& caller, v1::AppendEntryRequest request, Reply<v1::Entry> reply);
  void CorrectEntry(const Caller& caller, v1::CorrectEntryRequest request, Reply<v1::Entry> reply);
  // A retention review (core/retention/retention.h), recorded on the case and as an
  // entry of its chronology.
  void ReviewCase(const Caller& caller, v1::ReviewCaseRequest request, Reply<v1::Case> reply);
  // Corrects a case's subjects (core/chronology/subject_links.h): an entry
  // of its chronology, the changed subjects linked again.
  void CorrectSubjects(const Caller& caller, v1::CorrectSubjectsRequest request, Reply<v1::Case> reply);
  // Gives a case to another owner and/or team (core/chronology/case_ownership.h):
  // an entry of its chronology.
  void AssignCase(const Caller& caller, v1::AssignCaseRequest request, Reply<v1::Case> reply);
  void SetCaseRestriction(const Caller& caller, v1::SetCaseRestrictionRequest request,
                          Reply<v1::Case> reply);

  // Supervision (core/chronology/approvals.h, case_state.h): each step an
  // entry of the chronology, once per request id, at the version given.
  void RequestApproval(const Caller& caller, v1::RequestApprovalRequest request, Reply<v1::Entry> reply);
  void ApproveRequest(const Caller& caller, v1::ApproveRequestRequest request, Reply<v1::Entry> reply);
  void ReturnRequest(const Caller& caller, v1::ReturnRequestRequest request, Reply<v1::Entry> reply);
  void CloseCase(const Caller& caller, v1::CloseCaseRequest request, Reply<v1::Case> reply);
  void ReopenCase(const Caller& caller, v1::ReopenCaseRequest request, Reply<v1::Case> reply);

  // Authorizes, checks the purpose, records the access durably, then replies
  // with the case header. `method` names the RPC in the audit record.
  void OpenCaseFile(const Caller& caller, const v1::GetCaseFileRequest& request,
                    absl::string_view method, Reply<v1::Case> reply);

  // The same for a watch: authorizes, checks the purpose, records the watch
  // durably, then replies with the current case header.
  void OpenWatch(const Caller& caller, const v1::WatchCaseRequest& request,
                 Reply<v1::Case> reply);

  // Serialized entries first..last of a case (see storage::LoadEntryChunk),
  // read in one short transaction. REQUIRES: access already authorized.
  absl::StatusOr<storage::EntryChunk> ReadEntries(absl::string_view case_id, uint64_t first,
                                                  uint64_t last, size_t max_bytes);
  // The first entries of a case as they are now (at most about `max_bytes`),
  // encoded as ReadEncodedEntries does, WITHOUT any access check: for
  // GetCaseFile to read while the access record commits, and to send only
  // once that commit (which checks access) succeeded. `next` is 1 for a case
  // with no entries (or none at all).
  absl::StatusOr<storage::EncodedEntryChunk> ReadCaseFileStartUnchecked(absl::string_view case_id,
                                                                        size_t max_bytes, int field_number);
  // The same entries appended to `message` as its `repeated Entry` field
  // `field_number` (see storage::LoadEncodedEntryChunk). REQUIRES: as ReadEntries.
  absl::StatusOr<storage::EncodedEntryChunk> ReadEncodedEntries(absl::string_view case_id,
                                                                uint64_t first, uint64_t last,
                                                                size_t max_bytes, int field_number,
                                                                std::string message);

  // A case file in time order (core/chronology/case_file_view.h): the view
  // `request` asks for, planned at `version` (the case's current one when
  // nullopt), and its first chunk, WITHOUT any access check — as
  // ReadCaseFileStartUnchecked, to send only once access is recorded.
  struct CaseFileViewStart {
    CaseFileView view;
    std::string first;  // the first chunk's entries, encoded as field `field_number`
  };
  absl::StatusOr<CaseFileViewStart> StartCaseFileViewUnchecked(const v1::GetCaseFileRequest& request,
                                                               absl::string_view case_id,
                                                               std::optional<uint64_t> version, size_t max_bytes,
                                                               int field_number);
  // The next chunk of `view` appended to `message`. REQUIRES: as ReadEntries.
  absl::StatusOr<std::string> ReadCaseFileView(CaseFileView& view, size_t max_bytes, int field_number,
                                               std::string message);

  // The current version of a case; NotFound once it is gone (erased) or kept
  // from `caller` (restricted while they watch it).
  absl::StatusOr<int64_t> CaseVersion(const Caller& caller, absl::string_view case_id);

  // The audit trail this chronology records to (for reads recorded by callers).
  AuditTrail& audit() { return audit_; }

 private:
  // Submits `op` (which fills *result) and, in the same transaction, appends
  // `event` naming what *result holds; replies with *result once durable;
  // publishes `case_id` to the change feed when non-empty.
  template <typename T>
  void Write(std::function<absl::Status(storage::LmdbTxn&, T&)> op, v1::AuditEvent event,
             std::string publish_case_id, Reply<T> reply);
  // One step of supervision on case `case_id`: on a retry, `pick` of the
  // case and entry as they are; else the case at the expected version, the
  // entry `make` builds from it (which may change the case), written as its
  // next entry, then `after` in the same transaction.
  struct Step {
    std::string case_id;
    std::string request_id;
    std::string fingerprint;
    std::optional<int64_t> expected_version;
    std::function<absl::StatusOr<v1::Entry>(storage::LmdbTxn&, v1::Case&)> make;
    std::function<absl::Status(storage::LmdbTxn&, const v1::Case&, const v1::Entry&)> after;
  };
  template <typename T>
  void WriteStep(const Caller& caller, absl::string_view method, Step step,
                 std::function<T(const v1::Case&, const v1::Entry&)> pick, Reply<T> reply);
  // Approve or return: the decision step on the request `request.name()`.
  // REQUIRES: authorized and validated.
  template <typename Request>
  void DecideRequest(const Caller& caller, absl::string_view method, const Request& request,
                     v1::ApprovalDecision::Outcome outcome, Reply<v1::Entry> reply);
  // Records a look at a case (`method`, with its purpose) durably, then
  // replies with the case header; NotFound records nothing here.
  void RecordLook(const Caller& caller, absl::string_view case_id, absl::string_view method,
                  absl::string_view purpose, Reply<v1::Case> reply);

  storage::Store* const store_;
  ChangeFeed* const feed_;
  const Clock clock_;
  const PersonLinker* const persons_;
  AuditTrail audit_;
};

}  // namespace casefile

#endif  // CASEFILE_CORE_CHRONOLOGY_CASE_CHRONOLOGY_H_
