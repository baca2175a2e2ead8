#include "core/documents/document_library.h"

#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "core/access/need_to_know.h"
#include "core/input/input_rules.h"
#include "google/protobuf/util/time_util.h"
#include "storage/case_tables.h"
#include "storage/document_tables.h"

namespace casefile {
namespace {

using storage::DocumentPlace;
using storage::LmdbTxn;

constexpr size_t kMaxFileNameBytes = 255;
constexpr size_t kMaxQueryBytes = 256;
constexpr size_t kMaxMatches = 100;
constexpr size_t kMaxContextBytes = 200;

// Which attach a request id belongs to: the entry and the file name (the
// content is not known when a retry is recognised, before its chunks).
std::string AttachFingerprint(const v1::AttachDocumentStart& start) {
  uint64_t hash = 14695981039346656037ull;  // FNV-1a 64
  for (absl::string_view part : {absl::string_view(start.entry()), absl::string_view("\0", 1),
                                 absl::string_view(start.file_name())}) {
    for (unsigned char c : part) hash = (hash ^ c) * 1099511628211ull;
  }
  std::string fingerprint(8, '\0');
  for (int i = 7; i >= 0; --i, hash >>= 8) fingerprint[i] = static_cast<char>(hash & 0xff);
  return fingerprint;
}

absl::Status ValidateStart(const v1::AttachDocumentStart& start) {
  if (auto s = ValidateLine(start.file_name(), "start.file_name", true, kMaxFileNameBytes); !s.ok()) return s;
  if (absl::StrContains(start.file_name(), "/") || absl::StrContains(start.file_name(), "\\"))
    return absl::InvalidArgumentError("start.file_name: a file name, without '/' or '\\'");
  if (auto s = ValidateRequestId(start.request_id(), "start.request_id"); !s.ok()) return s;
  return ValidatePurpose(start.purpose(), "start.purpose");
}

absl::Status NotFound(absl::string_view name) { return absl::NotFoundError(absl::StrCat(name, " not found")); }

// The document an earlier attach with this request id made, if any.
absl::StatusOr<std::optional<v1::Document>> EarlierAttach(const LmdbTxn& txn, const Caller& caller,
                                                          const v1::AttachDocumentStart& start) {
  if (start.request_id().empty()) return std::nullopt;
  auto earlier = storage::LoadRequest(txn, caller.user, start.request_id());
  if (!earlier.ok()) return earlier.status();
  if (!earlier->has_value()) return std::nullopt;
  auto name = ParseDocumentName((*earlier)->resource_name, "request_id");
  if (!name.ok() || (*earlier)->fingerprint != AttachFingerprint(start)) {
    return absl::InvalidArgumentError(absl::StrCat("start.request_id: already used for a different request, which made ",
                                                   (*earlier)->resource_name));
  }
  auto document = storage::LoadDocument(txn, {name->entry.case_id, name->entry.number, name->number});
  if (!document.ok()) return document.status();
  if (!document->has_value()) return NotFound((*earlier)->resource_name);  // erased since
  return document;
}

// The line of `text` around byte `at`, at most kMaxContextBytes, cut on
// UTF-8 boundaries.
std::string ContextAround(absl::string_view text, size_t at) {
  size_t begin = text.rfind('\n', at);
  begin = begin == absl::string_view::npos ? 0 : begin + 1;
  size_t end = text.find('\n', at);
  if (end == absl::string_view::npos) end = text.size();
  if (at - begin > kMaxContextBytes / 2) begin = at - kMaxContextBytes / 2;
  if (end - begin > kMaxContextBytes) end = begin + kMaxContextBytes;
  while (begin < at && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) ++begin;
  while (end > begin && end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return std::string(absl::StripAsciiWhitespace(text.substr(begin, end - begin)));
}

}  // namespace

absl::Status DocumentLibrary::Upload::Append(absl::string_view chunk) {
  if (!placement_.has_value()) return absl::FailedPreconditionError("content: the upload was already refused");
  if (placement_->size() + chunk.size() > max_bytes_) {
    placement_.reset();  // nothing stored: the temporary file goes now
    return absl::InvalidArgumentError(
        absl::StrCat("content: larger than the limit of ", max_bytes_, " bytes; nothing was stored"));
  }
  probe_.Add(chunk);
  return placement_->Append(chunk);
}

absl::Status DocumentLibrary::Upload::Finish() {
  probe_.Finish();
  auto sha256 = placement_->Finish();
  if (!sha256.ok()) return sha256.status();
  sha256_ = *std::move(sha256);
  const bool zip = absl::StartsWith(probe_.head(), "PK\x03\x04");
  auto type = DecideMediaType(probe_, zip && ZipFileHoldsWordDocument(placement_->path()));
  if (!type.ok()) return type.status();
  media_type_ = *std::move(type);
  return absl::OkStatus();
}

DocumentLibrary::DocumentLibrary(storage::Store* store, const storage::DocumentFiles* files, Clock clock,
                                 DocumentLibraryOptions options)
    : store_(store), files_(files), clock_(std::move(clock)), options_(options) {}

absl::StatusOr<DocumentLibrary::Begun> DocumentLibrary::Begin(const Caller& caller,
                                                              const v1::AttachDocumentStart& start) const {
  if (auto s = Authorize(caller, Action::kWriteEntry); !s.ok()) return s;
  auto entry = ParseEntryName(start.entry(), "start.entry");
  if (!entry.ok()) return entry.status();
  if (auto s = ValidateStart(start); !s.ok()) return s;
  {
    auto read = store_->BeginRead();
    if (!read.ok()) return read.status();
    if (auto c = LoadKnownCase((*read)->txn(), caller, entry->case_id); !c.ok()) return c.status();
    auto earlier = EarlierAttach((*read)->txn(), caller, start);
    if (!earlier.ok()) return earlier.status();
    if (earlier->has_value()) return Begun{std::nullopt, *std::move(earlier)};
  }
  auto placement = files_->BeginPlacement();
  if (!placement.ok()) return placement.status();
  return Begun{Upload(start, *std::move(entry), *std::move(placement), options_.max_bytes), std::nullopt};
}

v1::Document DocumentLibrary::Describe(const Caller& caller, const Upload& upload, std::string& text) const {
  if (text.size() > kMaxDocumentTextBytes) {
    size_t cut = kMaxDocumentTextBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text.resize(cut);
  }
  v1::Document described;
  described.set_file_name(upload.start_.file_name());
  described.set_media_type(upload.media_type_);
  described.set_size_bytes(static_cast<int64_t>(upload.placement_->size()));
  described.set_sha256(absl::BytesToHexString(upload.sha256_));
  described.set_author(caller.user);
  *described.mutable_create_time() = google::protobuf::util::TimeUtil::NanosecondsToTimestamp(absl::ToUnixNanos(clock_()));
  described.set_text_searchable(!text.empty());
  return described;
}

absl::StatusOr<DocumentLibrary::Upload> DocumentLibrary::BeginImported() const {
  auto placement = files_->BeginPlacement();
  if (!placement.ok()) return placement.status();
  return Upload({}, {}, *std::move(placement), options_.max_bytes);
}

absl::StatusOr<std::optional<v1::Document>> DocumentLibrary::AttachImported(
    const Caller& caller, Upload& upload, std::string text, absl::string_view import,
    absl::string_view legacy_locator, ImportedPlace place) {
  v1::Document described = Describe(caller, upload, text);
  const size_t slash = legacy_locator.rfind('/');
  described.set_file_name(std::string(slash == absl::string_view::npos ? legacy_locator : legacy_locator.substr(slash + 1)));
  described.set_import(std::string(import));
  described.set_legacy_locator(std::string(legacy_locator));
  v1::AuditEvent event = NewAuditEvent(caller, "AttachDocument", clock_());
  event.set_purpose(absl::StrCat("legacy import ", import));

  absl::ReaderMutexLock no_removal(&files_->links_mu());
  if (auto s = upload.placement_->Place(); !s.ok()) return s;
  std::optional<v1::Document> out;
  absl::Status s = store_->writer().Run([&](LmdbTxn& txn) -> absl::Status {
    out.reset();
    auto at = place(txn);
    if (!at.ok()) return at.status();
    if (!at->has_value()) return absl::OkStatus();
    const DocumentPlace& where = **at;
    out = described;
    out->set_name(DocumentResourceName(where.case_id, where.entry, where.k));
    if (auto s = storage::SaveDocument(txn, where, *out, upload.sha256_, text); !s.ok()) return s;
    v1::AuditEvent recorded = event;
    recorded.add_resources(out->name());
    recorded.set_count(1);
    return AppendAuditEvent(txn, std::move(recorded));
  });
  if (!s.ok()) return s;
  return out;
}

absl::StatusOr<v1::Document> DocumentLibrary::Attach(const Caller& caller, Upload upload, std::string text) {
  v1::Document described = Describe(caller, upload, text);
  v1::AuditEvent event = NewAuditEvent(caller, "AttachDocument", clock_());
  event.set_purpose(upload.start_.purpose());

  // No removal of this content's file between placing it and the commit that links it.
  absl::ReaderMutexLock no_removal(&files_->links_mu());
  if (auto s = upload.placement_->Place(); !s.ok()) return s;
  v1::Document out;
  absl::Status s = store_->writer().Run([&](LmdbTxn& txn) -> absl::Status {
    const EntryName& entry = upload.entry_;
    if (auto c = LoadKnownCase(txn, caller, entry.case_id); !c.ok()) return c.status();
    auto earlier = EarlierAttach(txn, caller, upload.start_);  // a retry that overtook this one
    if (!earlier.ok()) return earlier.status();
    if (earlier->has_value()) {
      out = **earlier;
      return absl::OkStatus();
    }
    auto stored_entry = storage::LoadBareEntry(txn, entry.case_id, entry.number);
    if (!stored_entry.ok()) return stored_entry.status();
    if (!stored_entry->has_value()) return NotFound(upload.start_.entry());
    auto k = storage::NextDocumentNumber(txn, entry.case_id, entry.number);
    if (!k.ok()) return k.status();
    out = described;
    out.set_name(DocumentResourceName(entry.case_id, entry.number, *k));
    if (auto s = storage::SaveDocument(txn, {entry.case_id, entry.number, *k}, out, upload.sha256_, text); !s.ok())
      return s;
    if (!upload.start_.request_id().empty()) {
      if (auto s = storage::SaveRequest(txn, caller.user, upload.start_.request_id(), out.name(),
                                        AttachFingerprint(upload.start_));
          !s.ok())
        return s;
    }
    v1::AuditEvent recorded = event;
    recorded.add_resources(out.name());
    recorded.set_count(1);
    return AppendAuditEvent(txn, std::move(recorded));
  });
  if (!s.ok()) return s;
  return out;
}

absl::Status DocumentLibrary::RecordedRead(
    const Caller& caller, absl::string_view kind, const absl::StatusOr<std::string>& case_id,
    absl::string_view purpose, absl::FunctionRef<absl::Status(LmdbTxn&, v1::AuditEvent&)> read) {
  if (auto s = Authorize(caller, Action::kReadCase); !s.ok()) return s;
  if (!case_id.ok()) return case_id.status();
  if (auto s = ValidatePurpose(purpose, "purpose"); !s.ok()) return s;
  v1::AuditEvent event = NewAuditEvent(caller, kind, clock_());
  event.set_purpose(std::string(purpose));
  return store_->writer().Run([&](LmdbTxn& txn) -> absl::Status {
    if (auto c = LoadKnownCase(txn, caller, *case_id); !c.ok()) return c.status();
    v1::AuditEvent recorded = event;
    if (auto s = read(txn, recorded); !s.ok()) return s;
    return AppendAuditEvent(txn, std::move(recorded));
  });
}

absl::StatusOr<DocumentLibrary::Opened> DocumentLibrary::Open(const Caller& caller,
                                                              const v1::GetDocumentRequest& request) {
  auto name = ParseDocumentName(request.name(), "name");
  const absl::StatusOr<std::string> case_id = name.ok() ? absl::StatusOr<std::string>(name->entry.case_id) : name.status();
  Opened opened;
  absl::Status s = RecordedRead(caller, "GetDocument", case_id, request.purpose(), [&](LmdbTxn& txn, v1::AuditEvent& event) {
    auto document = storage::LoadDocument(txn, {name->entry.case_id, name->entry.number, name->number});
    if (!document.ok()) return document.status();
    if (!document->has_value()) return NotFound(request.name());
    opened.document = **document;
    event.add_resources(request.name());
    event.set_count(1);
    return absl::OkStatus();
  });
  if (!s.ok()) return s;
  opened.content_path = files_->PathOf(absl::HexStringToBytes(opened.document.sha256()));
  return opened;
}

absl::StatusOr<v1::ListDocumentsResponse> DocumentLibrary::List(const Caller& caller,
                                                                const v1::ListDocumentsRequest& request) {
  const absl::StatusOr<std::string> case_id = ParseCaseName(request.parent(), "parent");
  v1::ListDocumentsResponse response;
  absl::Status s = RecordedRead(caller, "ListDocuments", case_id, request.purpose(), [&](LmdbTxn& txn, v1::AuditEvent& event) {
    auto documents = storage::LoadCaseDocuments(txn, *case_id);
    if (!documents.ok()) return documents.status();
    response.clear_documents();
    for (v1::Document& document : *documents) *response.add_documents() = std::move(document);
    event.add_resources(request.parent());
    event.set_count(response.documents_size());
    return absl::OkStatus();
  });
  if (!s.ok()) return s;
  return response;
}

absl::StatusOr<v1::SearchDocumentsResponse> DocumentLibrary::Search(const Caller& caller,
                                                                    const v1::SearchDocumentsRequest& request) {
  const absl::StatusOr<std::string> case_id = ParseCaseName(request.parent(), "parent");
  if (auto s = ValidateLine(request.query(), "query", true, kMaxQueryBytes); !s.ok()) return s;
  const std::vector<std::string> words =
      absl::StrSplit(absl::AsciiStrToLower(request.query()), absl::ByAnyChar(" \t"), absl::SkipEmpty());
  v1::SearchDocumentsResponse response;
  absl::Status s = RecordedRead(caller, "SearchDocuments", case_id, request.purpose(), [&](LmdbTxn& txn, v1::AuditEvent& event) {
    response.clear_matches();
    absl::Status scanned = storage::ScanCaseDocumentTexts(
        txn, *case_id, [&](uint64_t entry, uint64_t k, absl::string_view text) -> absl::Status {
          if (static_cast<size_t>(response.matches_size()) >= kMaxMatches) return absl::OkStatus();
          const std::string lower = absl::AsciiStrToLower(text);
          size_t first = absl::string_view::npos;
          for (const std::string& word : words) {
            const size_t at = lower.find(word);
            if (at == std::string::npos) return absl::OkStatus();
            if (first == absl::string_view::npos) first = at;
          }
          auto document = storage::LoadDocument(txn, {*case_id, entry, k});
          if (!document.ok()) return document.status();
          if (!document->has_value()) return absl::OkStatus();
          v1::DocumentMatch* match = response.add_matches();
          *match->mutable_document() = **document;
          match->set_context(ContextAround(text, first));
          event.add_resources(match->document().name());
          return absl::OkStatus();
        });
    if (!scanned.ok()) return scanned;
    if (event.resources().empty()) event.add_resources(request.parent());
    event.set_count(response.matches_size());
    return absl::OkStatus();
  });
  if (!s.ok()) return s;
  return response;
}

absl::Status DocumentLibrary::RemoveUnlinkedFiles() {
  absl::MutexLock no_placement(&files_->links_mu());
  std::vector<std::string> removed;
  {
    auto read = store_->BeginRead();
    if (!read.ok()) return read.status();
    auto unlinked = storage::LoadUnlinkedContent((*read)->txn());
    if (!unlinked.ok()) return unlinked.status();
    for (const std::string& sha256 : *unlinked) {
      auto linked = storage::IsContentLinked((*read)->txn(), sha256);
      if (!linked.ok()) return linked.status();
      if (!*linked) {
        if (auto s = files_->Remove(sha256); !s.ok()) return s;
      }
      removed.push_back(sha256);
    }
  }
  if (removed.empty()) return absl::OkStatus();
  return store_->writer().Run([&](LmdbTxn& txn) -> absl::Status {
    for (const std::string& sha256 : removed) {
      if (auto s = storage::ForgetUnlinkedContent(txn, sha256); !s.ok()) return s;
    }
    return absl::OkStatus();
  });
}

absl::StatusOr<int> DocumentLibrary::RemoveOrphanedFiles() {
  absl::MutexLock no_placement(&files_->links_mu());
  auto stored = files_->StoredContent();
  if (!stored.ok()) return stored.status();
  auto read = store_->BeginRead();
  if (!read.ok()) return read.status();
  int removed = 0;
  for (const std::string& sha256 : *stored) {
    auto linked = storage::IsContentLinked((*read)->txn(), sha256);
    if (!linked.ok()) return linked.status();
    if (*linked) continue;
    if (auto s = files_->Remove(sha256); !s.ok()) return s;
    ++removed;
  }
  return removed;
}

absl::Status DocumentLibrary::BackUp(const std::string& dir, absl::FunctionRef<absl::Status()> copy_store) {
  absl::ReaderMutexLock no_removal(&files_->links_mu());
  if (auto s = copy_store(); !s.ok()) return s;
  return files_->CopyTo(dir);
}

}  // namespace casefile
