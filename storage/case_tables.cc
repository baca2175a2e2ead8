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

absl::Status SaveEntry(LmdbTxn& txn, absl::string_view case_id, const ::casefile::v1::Entry& entry,
                       const EntryPlace& place) {
  if (absl::Status s = SaveMessage(txn, keys::Entry(case_id, entry.number()), entry); !s.ok()) return s;
  return PutEntryTimeRow(txn, case_id, place, static_cast<uint64_t>(entry.number()), entry.kind());
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

namespace {

// Reads entries by number in any order, each with the fields VisitEntryChunk
// appends (its sources, superseded_by). Entries that follow one another are
// read with the cursor's next step; the others with a seek, which LMDB
// answers from the cursor's page when the key is on it. A case with no
// sources (or no corrections) costs no seek per entry for them.
class EntryReader {
 public:
  static absl::StatusOr<EntryReader> Open(const LmdbTxn& txn, absl::string_view case_id) {
    auto entries = txn.OpenCursor();
    if (!entries.ok()) return entries.status();
    auto sources = txn.OpenCursor();
    if (!sources.ok()) return sources.status();
    auto supersessions = txn.OpenCursor();
    if (!supersessions.ok()) return supersessions.status();
    EntryReader reader(case_id, *std::move(entries), *std::move(sources), *std::move(supersessions));
    auto any_source = HasPrefix(reader.sources_, keys::SourcePrefix(case_id));
    if (!any_source.ok()) return any_source.status();
    const std::string first_supersession = keys::Supersession(case_id, 0);
    auto any_supersession = HasPrefix(reader.supersessions_, absl::string_view(first_supersession).substr(0, first_supersession.size() - 8));
    if (!any_supersession.ok()) return any_supersession.status();
    reader.any_source_ = *any_source;
    reader.any_supersession_ = *any_supersession;
    return reader;
  }

  // Calls `visit` with entry `number`'s stored bytes and the fields to
  // append; false when there is no such entry.
  absl::StatusOr<bool> Read(uint64_t number,
                            absl::FunctionRef<void(absl::string_view stored, absl::string_view extra)> visit) {
    const std::string key = keys::Entry(case_id_, number);
    absl::StatusOr<bool> at = previous_ != 0 && number == previous_ + 1 ? entries_.Next() : entries_.Seek(key);
    if (at.ok() && *at && entries_.key() != key) at = entries_.Seek(key);
    if (!at.ok()) return at.status();
    previous_ = 0;
    if (!*at || entries_.key() != key) return false;
    previous_ = number;
    const std::optional<absl::string_view> entry_text =
        FindLengthDelimited(entries_.value(), ::casefile::v1::Entry::kTextFieldNumber);
    std::string extra;
    const std::string source_prefix = keys::EntrySourcePrefix(case_id_, number);
    for (auto s = any_source_ ? sources_.Seek(source_prefix) : false;; s = sources_.Next()) {
      if (!s.ok()) return s.status();
      if (!*s || !absl::StartsWith(sources_.key(), source_prefix)) break;
      AppendSource(extra, entry_text, sources_.value());
    }
    const std::string supersession = keys::Supersession(case_id_, number);
    auto s = any_supersession_ ? supersessions_.Seek(supersession) : false;
    if (!s.ok()) return s.status();
    if (*s && supersessions_.key() == supersession) {
      const uint64_t by = keys::DecodeBe64(supersessions_.value()).value_or(0);
      if (by != 0) AppendSupersededBy(extra, absl::StrCat("cases/", case_id_, "/entries/", by));
    }
    visit(entries_.value(), extra);
    return true;
  }

 private:
  EntryReader(absl::string_view case_id, LmdbCursor entries, LmdbCursor sources, LmdbCursor supersessions)
      : case_id_(case_id),
        entries_(std::move(entries)),
        sources_(std::move(sources)),
        supersessions_(std::move(supersessions)) {}

  // Whether a key starting with `prefix` is stored.
  static absl::StatusOr<bool> HasPrefix(LmdbCursor& cursor, absl::string_view prefix) {
    auto at = cursor.Seek(prefix);
    if (!at.ok()) return at.status();
    return *at && absl::StartsWith(cursor.key(), prefix);
  }

  std::string case_id_;
  LmdbCursor entries_, sources_, supersessions_;
  bool any_source_ = true, any_supersession_ = true;
  uint64_t previous_ = 0;  // the entry the entries cursor is on; 0: none
};

}  // namespace

absl::StatusOr<EncodedTimeChunk> LoadEncodedEntriesInTime(
    const LmdbTxn& txn, absl::string_view case_id, const TimeRange& range, uint64_t last, size_t max_bytes,
    int field_number, std::string message,
    absl::FunctionRef<absl::StatusOr<bool>(absl::Span<const EntryTimeRow> chain)> keep) {
  auto reader = EntryReader::Open(txn, case_id);
  if (!reader.ok()) return reader.status();
  EncodedTimeChunk chunk;
  chunk.message = std::move(message);
  chunk.done = true;
  const uint64_t tag = (static_cast<uint64_t>(field_number) << 3) | 2;
  size_t bytes = 0;
  auto append = [&](absl::string_view stored, absl::string_view extra) {
    AppendVarint(chunk.message, tag);
    AppendVarint(chunk.message, stored.size() + extra.size());
    chunk.message.append(stored.data(), stored.size());
    chunk.message.append(extra.data(), extra.size());
    bytes += stored.size() + extra.size();
  };
  absl::Status visited = VisitChainsInTime(
      txn, case_id, range, last, /*newest_first=*/false,
      [&](absl::Span<const EntryTimeRow> chain, absl::string_view first_key) -> absl::StatusOr<bool> {
        auto kept = keep(chain);
        if (!kept.ok()) return kept.status();
        if (*kept) {
          for (const EntryTimeRow& row : chain) {
            auto read = reader->Read(row.number, append);
            if (!read.ok()) return read.status();
            if (!*read) return absl::DataLossError("time index names a missing entry");
          }
        }
        if (bytes < max_bytes) return true;
        chunk.next_from = KeyAfterChain(first_key);
        chunk.done = false;
        return false;
      });
  if (!visited.ok()) return visited;
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

absl::Status VisitStoredEntries(const LmdbTxn& txn,
                                absl::FunctionRef<absl::Status(absl::string_view case_id, uint64_t number, const v1::Entry& entry)> visit) {
  auto cursor = txn.OpenCursor();
  if (!cursor.ok()) return cursor.status();
  const std::string table = keys::Entry("", 0).substr(0, 2);  // "e\0"
  for (auto at = cursor->Seek(table);; at = cursor->Next()) {
    if (!at.ok()) return at.status();
    if (!*at || cursor->key().substr(0, 2) != table) return absl::OkStatus();
    const absl::string_view key = cursor->key();
    if (key.size() < 2 + 1 + 8 || key[key.size() - 9] != '\0') continue;
    const absl::string_view case_id = key.substr(2, key.size() - 2 - 9);
    v1::Entry entry;
    if (!entry.ParseFromArray(cursor->value().data(), static_cast<int>(cursor->value().size())))
      return absl::DataLossError(absl::StrCat("corrupt entry of cases/", case_id));
    if (absl::Status s = visit(case_id, keys::EntryNumber(key), entry); !s.ok()) return s;
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
