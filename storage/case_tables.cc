#include "storage/case_tables.h"

#include <algorithm>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "storage/keys.h"
#include "storage/prefix_scan.h"
#include "storage/proto_wire.h"

namespace casefile::storage {
namespace {

template <typename Message>
absl::StatusOr<std::optional<Message>> LoadMessage(const LmdbTxn& txn, const std::string& key) {
  auto found = txn.Get(key);
  if (!found.ok()) return found.status();
  if (!found->has_value()) return std::nullopt;
  Message m;
  if (!m.ParseFromArray((*found)->data(), static_cast<int>((*found)->size()))) {
    return absl::DataLossError(absl::StrCat("corrupt record under key of ", key.size(), " bytes"));
  }
  return m;
}

absl::Status SaveMessage(LmdbTxn& txn, const std::string& key,
                         const google::protobuf::MessageLite& m) {
  return txn.Put(key, m.SerializeAsString());
}

// Appends `superseded_by` to a serialized Entry; the stored bytes stay as written.
void AppendSupersededBy(std::string& entry_bytes, const std::string& name) {
  AppendLengthDelimited(entry_bytes, ::casefile::v1::Entry::kSupersededByFieldNumber, name);
}

}  // namespace

absl::StatusOr<std::optional<::casefile::v1::Case>> LoadCase(const LmdbTxn& txn, absl::string_view case_id) {
  return LoadMessage<::casefile::v1::Case>(txn, keys::Case(case_id));
}

absl::Status SaveCase(LmdbTxn& txn, absl::string_view case_id, const ::casefile::v1::Case& c) {
  return SaveMessage(txn, keys::Case(case_id), c);
}

absl::StatusOr<std::optional<::casefile::v1::Entry>> LoadBareEntry(const LmdbTxn& txn, absl::string_view case_id,
                                                       uint64_t number) {
  return LoadMessage<::casefile::v1::Entry>(txn, keys::Entry(case_id, number));
}

absl::StatusOr<std::optional<::casefile::v1::Entry>> LoadEntry(const LmdbTxn& txn, absl::string_view case_id,
                                                   uint64_t number) {
  auto entry = LoadBareEntry(txn, case_id, number);
  if (!entry.ok() || !entry->has_value()) return entry;
  auto by = LoadSupersession(txn, case_id, number);
  if (!by.ok()) return by.status();
  if (*by != 0) (*entry)->set_superseded_by(absl::StrCat("cases/", case_id, "/entries/", *by));
  absl::Status sources = ScanPrefix(
      txn, keys::EntrySourcePrefix(case_id, number), [&](absl::string_view, absl::string_view value) {
        if (!(*entry)->add_sources()->ParseFromArray(value.data(), static_cast<int>(value.size())))
          return absl::DataLossError("corrupt source record");
        return absl::OkStatus();
      });
  if (!sources.ok()) return sources;
  return entry;
}

absl::Status SaveEntry(LmdbTxn& txn, absl::string_view case_id, const ::casefile::v1::Entry& entry) {
  return SaveMessage(txn, keys::Entry(case_id, entry.number()), entry);
}

// Value: "<case>\0<be64 entry>\1<be64 content digest>"; stores written before
// the digest existed hold "<case>\0<be64 entry>" (digest 0: unknown).
absl::Status SaveRecordPlace(LmdbTxn& txn, absl::string_view record_id, const RecordPlace& place) {
  return txn.Put(keys::LegacyEvent(record_id),
                 absl::StrCat(place.case_id, absl::string_view("\0", 1), keys::EncodeBe64(place.entry),
                              absl::string_view("\1", 1), keys::EncodeBe64(place.digest)));
}

absl::StatusOr<std::optional<RecordPlace>> LoadRecordPlace(const LmdbTxn& txn, absl::string_view record_id) {
  auto found = txn.Get(keys::LegacyEvent(record_id));
  if (!found.ok()) return found.status();
  if (!found->has_value()) return std::nullopt;
  absl::string_view value = **found;
  uint64_t digest = 0;
  if (value.size() >= 18 && value[value.size() - 9] == '\1' && value[value.size() - 18] == '\0') {
    digest = keys::DecodeBe64(value.substr(value.size() - 8)).value_or(0);
    value.remove_suffix(9);
  }
  std::optional<uint64_t> entry;
  if (value.size() >= 9 && value[value.size() - 9] == '\0') entry = keys::DecodeBe64(value.substr(value.size() - 8));
  if (!entry.has_value()) return absl::DataLossError("corrupt legacy record index");
  return RecordPlace{std::string(value.substr(0, value.size() - 9)), *entry, digest};
}

absl::Status SaveSupersession(LmdbTxn& txn, absl::string_view case_id, uint64_t number,
                              uint64_t by) {
  return txn.Put(keys::Supersession(case_id, number), keys::EncodeBe64(by));
}

absl::StatusOr<uint64_t> LoadSupersession(const LmdbTxn& txn, absl::string_view case_id,
                                          uint64_t number) {
  auto found = txn.Get(keys::Supersession(case_id, number));
  if (!found.ok()) return found.status();
  if (!found->has_value()) return 0;
  return keys::DecodeBe64(**found).value_or(0);
}

namespace {

// Appends a stored source to an entry's bytes as its `sources` field; a source
// whose text is the entry's own is sent without it, marked
// text_is_entry_text (see case.proto): the copies of one long record that an
// entry merges are then sent once, whatever their number.
void AppendSource(std::string& extra, std::optional<absl::string_view> entry_text,
                  absl::string_view source) {
  using ::casefile::v1::Source;
  std::optional<absl::string_view> text = FindLengthDelimited(source, Source::kTextFieldNumber);
  if (!entry_text.has_value() || !text.has_value() || text->empty() || *text != *entry_text) {
    AppendLengthDelimited(extra, ::casefile::v1::Entry::kSourcesFieldNumber, source);
    return;
  }
  std::string without = WithoutLengthDelimited(source, Source::kTextFieldNumber);
  AppendVarint(without, (uint64_t{Source::kTextIsEntryTextFieldNumber} << 3) | 0);
  AppendVarint(without, 1);
  AppendLengthDelimited(extra, ::casefile::v1::Entry::kSourcesFieldNumber, without);
}

// Walks entries `first`..`last` of a case as LoadEntryChunk describes, calling
// `visit` with each entry's stored bytes and the fields to append to them
// (its sources and superseded_by). Returns the number to continue from.
absl::StatusOr<uint64_t> VisitEntryChunk(
    const LmdbTxn& txn, absl::string_view case_id, uint64_t first, uint64_t last,
    size_t max_bytes, absl::FunctionRef<void(absl::string_view stored, absl::string_view extra)> visit) {
  auto entries = txn.OpenCursor();
  if (!entries.ok()) return entries.status();
  // Sources of imported entries sort by entry number too: a second cursor
  // walks them alongside (a merge join), one seek for the whole chunk.
  auto sources = txn.OpenCursor();
  if (!sources.ok()) return sources.status();
  const std::string entry_prefix = keys::EntryPrefix(case_id);
  const std::string source_prefix = keys::SourcePrefix(case_id);
  auto source_at = sources->Seek(absl::StrCat(source_prefix, keys::EncodeBe64(first)));
  // So do supersession records: a third cursor instead of one point lookup
  // per entry (which was ~40% of reading a chunk; bench/chronology_bench B2).
  auto supersessions = txn.OpenCursor();
  if (!supersessions.ok()) return supersessions.status();
  const std::string supersession_start = keys::Supersession(case_id, first);
  const absl::string_view supersession_prefix(supersession_start.data(),
                                              supersession_start.size() - 8);
  auto supersession_at = supersessions->Seek(supersession_start);
  uint64_t next = first;
  size_t bytes = 0;
  auto at = entries->Seek(keys::Entry(case_id, first));
  for (; at.ok() && *at && bytes < max_bytes; at = entries->Next()) {
    absl::string_view key = entries->key();
    if (!absl::StartsWith(key, entry_prefix) || key.size() != entry_prefix.size() + 8) break;
    uint64_t number = keys::EntryNumber(key);
    if (number > last) break;
    const std::optional<absl::string_view> entry_text =
        FindLengthDelimited(entries->value(), ::casefile::v1::Entry::kTextFieldNumber);
    std::string extra;
    for (; source_at.ok() && *source_at; source_at = sources->Next()) {
      absl::string_view skey = sources->key();
      if (!absl::StartsWith(skey, source_prefix) || skey.size() < source_prefix.size() + 8) break;
      uint64_t of = keys::DecodeBe64(skey.substr(source_prefix.size(), 8)).value_or(0);
      if (of > number) break;
      if (of == number) AppendSource(extra, entry_text, sources->value());
    }
    if (!source_at.ok()) return source_at.status();
    uint64_t by = 0;
    for (; supersession_at.ok() && *supersession_at; supersession_at = supersessions->Next()) {
      absl::string_view skey = supersessions->key();
      if (!absl::StartsWith(skey, supersession_prefix) ||
          skey.size() != supersession_prefix.size() + 8)
        break;
      uint64_t of = keys::EntryNumber(skey);
      if (of > number) break;
      if (of == number) by = keys::DecodeBe64(supersessions->value()).value_or(0);
    }
    if (!supersession_at.ok()) return supersession_at.status();
    if (by != 0) AppendSupersededBy(extra, absl::StrCat("cases/", case_id, "/entries/", by));
    visit(entries->value(), extra);
    bytes += entries->value().size() + extra.size();
    next = number + 1;
  }
  if (!at.ok()) return at.status();
  return next == first || next > last ? last + 1 : next;
}

}  // namespace

absl::StatusOr<EntryChunk> LoadEntryChunk(const LmdbTxn& txn, absl::string_view case_id,
                                          uint64_t first, uint64_t last, size_t max_bytes) {
  EntryChunk chunk;
  auto next = VisitEntryChunk(txn, case_id, first, last, max_bytes,
                              [&](absl::string_view stored, absl::string_view extra) {
                                chunk.entries.push_back(absl::StrCat(stored, extra));
                              });
  if (!next.ok()) return next.status();
  chunk.next = *next;
  return chunk;
}

absl::StatusOr<EncodedEntryChunk> LoadEncodedEntryChunk(const LmdbTxn& txn,
                                                        absl::string_view case_id, uint64_t first,
                                                        uint64_t last, size_t max_bytes,
                                                        int field_number, std::string message) {
  EncodedEntryChunk chunk;
  chunk.message = std::move(message);
  const uint64_t tag = (static_cast<uint64_t>(field_number) << 3) | 2;
  bool reserved = false;
  auto next = VisitEntryChunk(
      txn, case_id, first, last, max_bytes, [&](absl::string_view stored, absl::string_view extra) {
        const size_t size = stored.size() + extra.size();
        if (!reserved) {  // one allocation for the chunk, estimated from its first entry
          const uint64_t count = last - first + 1;
          const size_t per_entry = std::max<size_t>(size, 1);
          const size_t expected = count > max_bytes / per_entry ? max_bytes : per_entry * count;
          chunk.message.reserve(chunk.message.size() + expected + size + 32);
          reserved = true;
        }
        AppendVarint(chunk.message, tag);
        AppendVarint(chunk.message, size);
        chunk.message.append(stored.data(), stored.size());
        chunk.message.append(extra.data(), extra.size());
      });
  if (!next.ok()) return next.status();
  chunk.next = *next;
  return chunk;
}

// Value: the resource name, then '\0' and the fingerprint when there is one.
absl::StatusOr<std::optional<RequestRecord>> LoadRequest(const LmdbTxn& txn,
                                                         absl::string_view user,
                                                         absl::string_view request_id) {
  auto found = txn.Get(keys::Request(user, request_id));
  if (!found.ok()) return found.status();
  if (!found->has_value()) return std::nullopt;
  absl::string_view value = **found;
  RequestRecord record;
  const size_t nul = value.find('\0');
  record.resource_name = std::string(value.substr(0, nul));
  if (nul != absl::string_view::npos) record.fingerprint = std::string(value.substr(nul + 1));
  return record;
}

absl::Status SaveRequest(LmdbTxn& txn, absl::string_view user, absl::string_view request_id,
                         absl::string_view resource_name, absl::string_view fingerprint) {
  if (fingerprint.empty()) return txn.Put(keys::Request(user, request_id), resource_name);
  return txn.Put(keys::Request(user, request_id), absl::StrCat(resource_name, std::string(1, '\0'), fingerprint));
}

absl::Status IndexCaseRef(LmdbTxn& txn, absl::string_view ref, absl::string_view case_id) {
  return txn.Put(keys::RefIndex(ref, case_id), "");
}

absl::Status IndexCaseNameToken(LmdbTxn& txn, absl::string_view token, absl::string_view case_id) {
  return txn.Put(keys::NameIndex(token, case_id), "");
}

absl::Status ScanCaseIds(const LmdbTxn& txn, absl::string_view index_prefix,
                         absl::string_view after,
                         absl::FunctionRef<bool(absl::string_view case_id)> visit) {
  const std::string prefix = index_prefix.empty() ? keys::CasePrefix() : std::string(index_prefix);
  auto cursor = txn.OpenCursor();
  if (!cursor.ok()) return cursor.status();
  // Seeking to prefix + after + '\0' lands just past `after` itself.
  std::string start = after.empty() ? prefix : absl::StrCat(prefix, after, absl::string_view("\0", 1));
  for (auto at = cursor->Seek(start);; at = cursor->Next()) {
    if (!at.ok()) return at.status();
    if (!*at || !absl::StartsWith(cursor->key(), prefix)) return absl::OkStatus();
    if (!visit(cursor->key().substr(prefix.size()))) return absl::OkStatus();
  }
}

absl::StatusOr<uint64_t> NextCounter(LmdbTxn& txn, absl::string_view name) {
  const std::string key = keys::Meta(name);
  auto found = txn.Get(key);
  if (!found.ok()) return found.status();
  uint64_t next = found->has_value() ? keys::DecodeBe64(**found).value_or(0) + 1 : 1;
  if (absl::Status s = txn.Put(key, keys::EncodeBe64(next)); !s.ok()) return s;
  return next;
}

absl::StatusOr<std::optional<AuditHead>> LoadAuditHead(const LmdbTxn& txn) {
  auto found = txn.GetBatched(keys::AuditHead());
  if (!found.ok()) return found.status();
  if (!found->has_value()) return std::nullopt;
  absl::string_view value = **found;
  std::optional<uint64_t> seq = value.size() > 8 ? keys::DecodeBe64(value.substr(0, 8)) : std::nullopt;
  if (!seq) return absl::DataLossError("audit chain head is not <be64 seq><hash>");
  return AuditHead{*seq, std::string(value.substr(8))};
}

absl::Status SaveAuditHead(LmdbTxn& txn, const AuditHead& head) {
  // Batched: a batch of appends moves the head in memory and puts it once.
  return txn.PutBatched(keys::AuditHead(), absl::StrCat(keys::EncodeBe64(head.seq), head.hash));
}

absl::Status PutAuditRecord(LmdbTxn& txn, uint64_t seq, absl::string_view bytes) {
  return txn.Put(keys::AuditRecord(seq), bytes);
}

absl::Status ScanAuditRecords(const LmdbTxn& txn, uint64_t first,
                              absl::FunctionRef<bool(uint64_t seq, absl::string_view bytes)> visit) {
  auto cursor = txn.OpenCursor();
  if (!cursor.ok()) return cursor.status();
  const std::string prefix = keys::AuditRecordPrefix();
  for (auto at = cursor->Seek(keys::AuditRecord(first));; at = cursor->Next()) {
    if (!at.ok()) return at.status();
    if (!*at || !absl::StartsWith(cursor->key(), prefix)) return absl::OkStatus();
    std::optional<uint64_t> seq = keys::DecodeBe64(cursor->key().substr(prefix.size()));
    if (!seq) return absl::DataLossError("audit record key is not A\\0<be64 seq>");
    if (!visit(*seq, cursor->value())) return absl::OkStatus();
  }
}

}  // namespace casefile::storage
