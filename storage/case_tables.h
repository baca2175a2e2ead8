// Typed reads and writes of the casefile tables (see keys.h for the layout)
// inside one LMDB transaction. No rules here: the domain decides what to write.
//
// Thread-safety: as the transaction passed in.
#ifndef CASEFILE_STORAGE_CASE_TABLES_H_
#define CASEFILE_STORAGE_CASE_TABLES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "casefile/v1/case.pb.h"
#include "storage/entry_time_index.h"
#include "storage/lmdb.h"

namespace casefile::storage {

absl::StatusOr<std::optional<::casefile::v1::Case>> LoadCase(const LmdbTxn& txn, absl::string_view case_id);
absl::Status SaveCase(LmdbTxn& txn, absl::string_view case_id, const ::casefile::v1::Case& c);

// The entry with `superseded_by` and its sources filled in.
absl::StatusOr<std::optional<::casefile::v1::Entry>> LoadEntry(const LmdbTxn& txn, absl::string_view case_id,
                                                   uint64_t number);
// The entry as stored, without them (for callers that read those already).
absl::StatusOr<std::optional<::casefile::v1::Entry>> LoadBareEntry(const LmdbTxn& txn, absl::string_view case_id,
                                                       uint64_t number);
// Saves a new entry and its row of the time index at `place`
// (core/chronology/entry_time_order.h decides it).
absl::Status SaveEntry(LmdbTxn& txn, absl::string_view case_id, const ::casefile::v1::Entry& entry,
                       const EntryPlace& place);

// Records that entry `number` was superseded by `by`.
absl::Status SaveSupersession(LmdbTxn& txn, absl::string_view case_id, uint64_t number,
                              uint64_t by);
// 0 when entry `number` has not been superseded.
absl::StatusOr<uint64_t> LoadSupersession(const LmdbTxn& txn, absl::string_view case_id,
                                          uint64_t number);

// Where an imported legacy record is now: its case and entry (the l\0 index,
// by record id: see casefile.v1.Source.record).
struct RecordPlace {
  std::string case_id;
  uint64_t entry = 0;
  uint64_t digest = 0;  // Source.content_digest; 0 when unknown (older stores)
};
absl::Status SaveRecordPlace(LmdbTxn& txn, absl::string_view record_id, const RecordPlace& place);
absl::StatusOr<std::optional<RecordPlace>> LoadRecordPlace(const LmdbTxn& txn, absl::string_view record_id);

// Serialized entries of a case from `first` on, in order, stopping after the
// chunk passes `max_bytes` (at least one entry) or at `last`. Each one has
// `superseded_by` filled in. The bytes are ready to embed as a repeated Entry field.
struct EntryChunk {
  std::vector<std::string> entries;
  uint64_t next = 0;  // the number to continue from; > last when done
};
absl::StatusOr<EntryChunk> LoadEntryChunk(const LmdbTxn& txn, absl::string_view case_id,
                                          uint64_t first, uint64_t last, size_t max_bytes);

// The same entries appended to `message` (e.g. a serialized response header)
// as its `repeated Entry` field `field_number`: the bytes of a response ready
// to send, each entry copied once from the map (no per-entry string).
struct EncodedEntryChunk {
  std::string message;
  uint64_t next = 0;  // as EntryChunk::next
};
absl::StatusOr<EncodedEntryChunk> LoadEncodedEntryChunk(const LmdbTxn& txn,
                                                        absl::string_view case_id, uint64_t first,
                                                        uint64_t last, size_t max_bytes,
                                                        int field_number, std::string message);

// Entries of a case in time order (storage/entry_time_index.h), encoded as
// LoadEncodedEntryChunk encodes them: from `range.from`, the chains of
// `range` that `keep` keeps (a filter; it may read more from `txn`), rows of
// entries numbered above `last` left out, stopping after the chain that
// takes the chunk past `max_bytes`.
struct EncodedTimeChunk {
  std::string message;
  std::string next_from;  // where the next chunk starts (TimeRange::from)
  bool done = false;      // the range is read
};
absl::StatusOr<EncodedTimeChunk> LoadEncodedEntriesInTime(
    const LmdbTxn& txn, absl::string_view case_id, const TimeRange& range, uint64_t last, size_t max_bytes,
    int field_number, std::string message,
    absl::FunctionRef<absl::StatusOr<bool>(absl::Span<const EntryTimeRow> chain)> keep);

// What a request id of a user first produced: the resource's name, and a
// fingerprint of the request it came with, so that a reuse of the id for a
// different request is told from a retry. Records written before
// fingerprints have an empty one.
struct RequestRecord {
  std::string resource_name;
  std::string fingerprint;
};
absl::StatusOr<std::optional<RequestRecord>> LoadRequest(const LmdbTxn& txn,
                                                         absl::string_view user,
                                                         absl::string_view request_id);
// REQUIRES: `resource_name` holds no '\0' (names never do).
absl::Status SaveRequest(LmdbTxn& txn, absl::string_view user, absl::string_view request_id,
                         absl::string_view resource_name, absl::string_view fingerprint);

// Index of cases by legacy reference and by subject-name token.
absl::Status IndexCaseRef(LmdbTxn& txn, absl::string_view ref, absl::string_view case_id);
absl::Status IndexCaseNameToken(LmdbTxn& txn, absl::string_view token, absl::string_view case_id);

// Calls `visit` with case ids in id order, starting after `after` ("" = from
// the start), from the whole table (`index_prefix` empty) or from one index
// prefix (keys::RefIndexPrefix / keys::NameIndexPrefix). `visit` returns false to stop.
absl::Status ScanCaseIds(const LmdbTxn& txn, absl::string_view index_prefix,
                         absl::string_view after,
                         absl::FunctionRef<bool(absl::string_view case_id)> visit);

// Calls `visit` with every stored entry of the store and its number (as
// stored, without `superseded_by`), case by case in id order, each case's in number order;
// `visit` returns an error to stop with it. For passes over a whole store
// (an index built once for stores written before it existed).
absl::Status VisitStoredEntries(const LmdbTxn& txn,
                                absl::FunctionRef<absl::Status(absl::string_view case_id, uint64_t number,
                                                               const ::casefile::v1::Entry& entry)> visit);

// Next value of a named counter (1, 2, ...), stored under keys::Meta(name).
absl::StatusOr<uint64_t> NextCounter(LmdbTxn& txn, absl::string_view name);

// The audit chain's head: the last record's seq and the hash of its bytes
// (keys::AuditHead). nullopt while the chain is empty.
struct AuditHead {
  uint64_t seq = 0;
  std::string hash;
};
absl::StatusOr<std::optional<AuditHead>> LoadAuditHead(const LmdbTxn& txn);
absl::Status SaveAuditHead(LmdbTxn& txn, const AuditHead& head);
// Stores the serialized bytes of audit record `seq`. REQUIRES: seq is new.
absl::Status PutAuditRecord(LmdbTxn& txn, uint64_t seq, absl::string_view bytes);
// Calls `visit` with each stored audit record's seq and bytes, in seq order,
// from `first` on; `visit` returns false to stop.
absl::Status ScanAuditRecords(const LmdbTxn& txn, uint64_t first,
                              absl::FunctionRef<bool(uint64_t seq, absl::string_view bytes)> visit);

}  // namespace casefile::storage

#endif  // CASEFILE_STORAGE_CASE_TABLES_H_
