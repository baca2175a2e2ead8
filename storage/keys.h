// The key layout of the casefile LMDB store: every key is built here.
//
// Keys are order-preserving byte strings: a one-letter table tag, then parts
// separated by '\0', integers as 8-byte big-endian so that byte order is
// numeric order. Ids and references never contain '\0' (validated on input).
//
//   m\0<name>                       meta: "schema" → decimal schema version,
//                                   "next_case" → be64 next generated case number,
//                                   "audit_head" → the audit chain's head: be64 seq of
//                                   the last audit record, then the 32-byte SHA-256 of
//                                   its stored bytes (kept apart from the records)
//   c\0<case>                       Case (serialized casefile.v1.Case)
//   e\0<case>\0<be64 n>             Entry n of a case (serialized casefile.v1.Entry)
//   s\0<case>\0<be64 n>             be64 number of the entry that superseded n
//   o\0<case>\0<be64 time><be64 chain><be64 n>
//                                   the chronology in time order: a row per entry n, value
//                                   its EntryKind as a varint. <time> is when the chain's
//                                   first entry happened (core/chronology/entry_time_order.h:
//                                   a partial time's start, coarser first, unknown last) + 2^63,
//                                   <chain> the number of the entry its chain of corrections
//                                   starts from (n itself for an entry that corrects nothing),
//                                   so a correction sorts right after what it corrects, and
//                                   entries of one time in the order they were recorded
//   r\0<user>\0<request id>         idempotency: resource name first written, then
//                                   \0 and a fingerprint of the request (8 bytes)
//   x\0<REF>\0<case>                legacy reference (upper-cased) → case, value ""
//   n\0<token>\0<case>              subject name token (lower-cased) → case, value ""
//   A\0<be64 seq>                   audit record seq = 1, 2, ... (serialized
//                                   casefile.v1.AuditEvent; its previous_hash is the
//                                   SHA-256 of record seq-1's stored bytes). Append-only.
//   W\0<list>\0<be64 since>\0<case>\0<be64 entry>\0<be64 part>
//                                   attention item (serialized casefile.v1.AttentionItem):
//                                   <list> two decimal digits (AttentionList), <since>
//                                   microseconds since 1970 + 2^63 (the instant its clock
//                                   started: lists are read oldest first up to now minus
//                                   the list's threshold), <part> the action's position or 0
//   w\0<case>\0<list>\0<be64 entry>\0<be64 part>
//                                   the same item by case → its W key (to clear a case's items)
//   w\0<case>\0f\0<fact>            a fact of the case the attention rules need
//                                   ("strategy_discussion": one was recorded), value ""
//   K\0<child>                      what the attention index keeps about one child
//                                   (casefile.storage.v1.StoredChildAttention); <child> is
//                                   "persons/<id>" or "name:<lower-case name>|<date of birth>"
//   R\0<YYYY-MM-DD>\0<case>         the case is due for a retention review on that date, value ""
//   O\0<owner>\0<be64 ~written>\0<case>
//   T\0<team>\0<be64 ~written>\0<case>
//                                   the cases of an owner, of a team, most recently written
//                                   first: <written> is Case.update_time in microseconds
//                                   since 1970 + 2^63, bitwise inverted; value ""
//   d\0<case>\0<be64 entry>\0<be64 k>
//                                   document k of an entry (serialized casefile.v1.Document);
//                                   its content is a file named by its SHA-256
//                                   (storage/document_files.h)
//   t\0<case>\0<be64 entry>\0<be64 k>
//                                   the document's extracted text (UTF-8, for SearchDocuments)
//   b\0<case>                       be64 number of the case's entry "documents from the paper
//                                   file": the scanned documents a legacy import attached to
//                                   the case with no single entry of their day and kind
//   H\0<32-byte SHA-256>             be64 number of documents linking that content
//   G\0<32-byte SHA-256>             "" : content whose last link went (erasure): its file is
//                                   removed once no link names it again
//   M\0r\0<measure>\0<be64 time>\0<unit>
//                                   a unit of an inspection measure (serialized
//                                   casefile.storage.v1.StoredMeasureRow): <measure> two
//                                   decimal digits (casefile.v1.ReportMeasure), <time> when
//                                   the unit is dated, microseconds since 1970 + 2^63, <unit>
//                                   "<case>\0<be64 entry>", or for a child
//                                   "<child>\0<case>\0<be64 entry>" (the episode)
//   M\0u\0<case>\0<measure>\0<be64 entry>
//                                   a record of the case → the M\0r key of the unit it
//                                   counts in (a custody update: its first record's)
//   M\0f\0<case>                    what the case's measures need of its other records
//                                   (casefile.storage.v1.StoredCaseMeasureFacts)
//   M\0k\0<child>                   a child's missing episodes and assessments
//                                   (casefile.storage.v1.StoredChildMeasure)
//   a\0<be64 seq>                   access record of stores from before the audit
//                                   trail; no longer written or read
//
// Migration tables:
//   l\0<record id>                  legacy event imported → "<case>\0<be64 entry>\1<be64 digest>";
//                                   entry 0: the record's case was erased (EraseCase),
//                                   the record is not imported again
//                                   (record id: Source.record, the locator or "<locator>@<hex digest>")
//   S\0<case>\0<be64 n>\0<record id> source of entry n (serialized casefile.v1.Source)
//   p\0<person record id>           legacy person record (casefile.storage.v1.StoredPersonRecord)
//   P\0<person>                     person (casefile.v1.Person), rebuilt by each import
//   Q\0<token>\0<person>             person name token → person, value ""
//   V\0<item>                       review item (casefile.v1.ReviewItem)
//   D\0<record a>\0<record b>        operator decision on a pair of record ids, a < b (StoredDecision)
//   I\0<import>                     import report (casefile.v1.Import)
//   J\0<import>\0<locator>           a record or file of the import that could not be read,
//                                   verbatim (casefile.v1.Rejection with raw)
//
// Thread-safe: pure functions.
#ifndef CASEFILE_STORAGE_KEYS_H_
#define CASEFILE_STORAGE_KEYS_H_

#include <cstdint>
#include <optional>
#include "absl/strings/string_view.h"
#include <string>
#include "absl/strings/string_view.h"

namespace casefile::storage::keys {

std::string Meta(absl::string_view name);
std::string Case(absl::string_view case_id);
// The prefix of every case header key; ListCases scans from here.
std::string CasePrefix();
std::string Entry(absl::string_view case_id, uint64_t number);
std::string EntryPrefix(absl::string_view case_id);
std::string Supersession(absl::string_view case_id, uint64_t number);
// The time index (see the layout above); `time` is signed, stored biased.
std::string EntryInTime(absl::string_view case_id, int64_t time, uint64_t chain, uint64_t number);
std::string EntryInTimePrefix(absl::string_view case_id);
// The first row key of `case_id` whose time is >= `time`.
std::string EntryInTimeFrom(absl::string_view case_id, int64_t time);
std::string Request(absl::string_view user, absl::string_view request_id);
std::string RefIndex(absl::string_view ref, absl::string_view case_id);
std::string RefIndexPrefix(absl::string_view ref);
std::string NameIndex(absl::string_view token, absl::string_view case_id);
std::string NameIndexPrefix(absl::string_view token);
std::string AuditRecord(uint64_t seq);
std::string AuditRecordPrefix();
std::string AuditHead();

std::string LegacyEvent(absl::string_view locator);
std::string Source(absl::string_view case_id, uint64_t entry, absl::string_view locator);
std::string SourcePrefix(absl::string_view case_id);
std::string EntrySourcePrefix(absl::string_view case_id, uint64_t entry);
std::string PersonRecord(absl::string_view record_id);
std::string PersonRecordPrefix();
std::string Person(absl::string_view person_id);
std::string PersonPrefix();
std::string PersonToken(absl::string_view token, absl::string_view person_id);
std::string PersonTokenPrefix(absl::string_view token);
std::string PersonTokenTable();
std::string ReviewItem(absl::string_view item_id);
std::string ReviewItemPrefix();
// The pair in either order gives the same key.
std::string Decision(absl::string_view locator_a, absl::string_view locator_b);
std::string DecisionPrefix();
std::string Import(absl::string_view import_id);
std::string ImportPrefix();
std::string Rejected(absl::string_view import_id, absl::string_view locator);
std::string RejectedPrefix(absl::string_view import_id);

// The attention index (see the layout above); `list` is an AttentionList number.
std::string AttentionItem(int list, int64_t since_micros, absl::string_view case_id,
                          uint64_t entry, uint64_t part);
std::string AttentionListPrefix(int list);
// The first key of `list` whose clock started after `since_micros`.
std::string AttentionListUntil(int list, int64_t since_micros);
std::string AttentionCaseItem(absl::string_view case_id, int list, uint64_t entry, uint64_t part);
std::string AttentionCaseListPrefix(absl::string_view case_id, int list);
std::string AttentionCasePrefix(absl::string_view case_id);
std::string AttentionCaseFact(absl::string_view case_id, absl::string_view fact);
std::string ChildAttention(absl::string_view child_key);

// Retention (see the layout above): `date` is "YYYY-MM-DD".
std::string ReviewDue(absl::string_view date, absl::string_view case_id);
std::string ReviewDuePrefix();

// The owner and team indexes (see the layout above).
std::string OwnerCase(absl::string_view owner, int64_t written_micros, absl::string_view case_id);
std::string OwnerCasesPrefix(absl::string_view owner);
std::string TeamCase(absl::string_view team, int64_t written_micros, absl::string_view case_id);
std::string TeamCasesPrefix(absl::string_view team);
// What follows an owner or team prefix: "<be64 ~written>\0<case>".
inline constexpr size_t kWrittenPartBytes = 9;

// Documents (see the layout above).
std::string Document(absl::string_view case_id, uint64_t entry, uint64_t k);
std::string EntryDocumentPrefix(absl::string_view case_id, uint64_t entry);
std::string DocumentPrefix(absl::string_view case_id);
std::string DocumentText(absl::string_view case_id, uint64_t entry, uint64_t k);
std::string DocumentTextPrefix(absl::string_view case_id);
std::string ImportedDocumentsEntry(absl::string_view case_id);
std::string ContentLinks(absl::string_view sha256);
std::string UnlinkedContent(absl::string_view sha256);
std::string UnlinkedContentPrefix();
// The measure index (see the layout above); `measure` is a ReportMeasure number.
std::string MeasureRow(int measure, int64_t micros, absl::string_view unit);
// The first row key of `measure` dated at or after `micros`.
std::string MeasureRowsFrom(int measure, int64_t micros);
// The time of a row key (the micros it was built with).
int64_t MeasureRowMicros(absl::string_view row_key);
// A unit "<case>\0<be64 entry>", or a child's "<child>\0<case>\0<be64 entry>".
std::string MeasureUnit(absl::string_view case_id, uint64_t entry);
std::string MeasureChildUnit(absl::string_view child_key, absl::string_view case_id, uint64_t entry);
std::string MeasureCaseRecord(absl::string_view case_id, int measure, uint64_t entry);
std::string MeasureCaseRecordPrefix(absl::string_view case_id, int measure);
std::string MeasureCasePrefix(absl::string_view case_id);
std::string MeasureCaseFacts(absl::string_view case_id);
std::string MeasureChild(absl::string_view child_key);

// Big-endian 8-byte encoding.
std::string EncodeBe64(uint64_t v);
// nullopt unless exactly 8 bytes.
std::optional<uint64_t> DecodeBe64(absl::string_view bytes);
// Number of the entry key (its last 8 bytes).
uint64_t EntryNumber(absl::string_view entry_key);

}  // namespace casefile::storage::keys

#endif  // CASEFILE_STORAGE_KEYS_H_
