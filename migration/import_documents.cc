#include "migration/import_documents.h"

#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "core/input/resource_names.h"
#include "core/time/partial_time_proto.h"
#include "migration/case_resolver.h"
#include "migration/document_completeness.h"
#include "migration/document_paths.h"
#include "migration/document_text.h"
#include "migration/entry_kind.h"
#include "migration/import_cases.h"
#include "migration/import_report.h"
#include "storage/case_tables.h"
#include "storage/document_tables.h"

namespace casefile::migration {
namespace {

using storage::LmdbTxn;

constexpr char kEntryOfItsDay[] = "entry of its date and kind";
constexpr char kPaperFileEntry[] = "documents from the paper file";
constexpr char kAlreadyAttached[] = "already attached";
constexpr char kPaperFileEntryText[] =
    "Documents from the paper file: scanned documents a legacy import attached to this case, with no single "
    "entry of their date and kind.";

// What a document arriving is known by: its manifest row, if any, and the
// locator its rejection would name.
struct Filing {
  const DocumentListing* listing = nullptr;
  std::string reference_locator;  // the manifest row, or the document's path
};

// The cases references name: this import's first, then the store's.
class CaseFinder {
 public:
  explicit CaseFinder(const std::map<std::string, CaseUpdate>& updates) {
    for (const auto& [case_id, update] : updates) {
      this_import_.emplace(case_id, case_id);
      for (const std::string& ref : update.refs) this_import_.emplace(NormalizeRef(ref), case_id);
    }
  }

  absl::StatusOr<std::optional<std::string>> Find(const LmdbTxn& txn, const std::string& ref) const {
    const std::string normal = NormalizeRef(ref);
    if (normal.empty()) return std::nullopt;
    if (auto it = this_import_.find(normal); it != this_import_.end()) return it->second;
    auto filed = FiledCase(txn, normal);
    if (!filed.ok() || filed->has_value()) return filed;
    if (!ValidateCaseId(ref, "reference").ok()) return std::nullopt;
    auto c = storage::LoadCase(txn, ref);
    if (!c.ok()) return c.status();
    if (!c->has_value()) return std::nullopt;
    return std::string(ref);
  }

 private:
  absl::flat_hash_map<std::string, std::string> this_import_;
};

// The document of case `case_id` that holds this content (32-byte SHA-256), if any.
absl::StatusOr<std::optional<std::string>> HeldBy(const LmdbTxn& txn, const std::string& case_id,
                                                  absl::string_view sha256) {
  auto documents = storage::LoadCaseDocuments(txn, case_id);
  if (!documents.ok()) return documents.status();
  const std::string hex = absl::BytesToHexString(sha256);
  for (const v1::Document& d : *documents) {
    if (d.sha256() == hex) return d.name();
  }
  return std::nullopt;
}

// The one live entry of the case on the listing's day with its kind; 0 when
// there is none or more than one, or the listing gives no day or kind.
absl::StatusOr<uint64_t> EntryOfItsDay(const LmdbTxn& txn, const std::string& case_id,
                                       const DocumentListing* listing) {
  if (listing == nullptr || listing->date.precision == TimePrecision::kUnknown || listing->kind.empty()) return 0;
  auto c = storage::LoadCase(txn, case_id);
  if (!c.ok()) return c.status();
  if (!c->has_value() || (*c)->version() < 1) return 0;
  auto chunk = storage::LoadEntryChunk(txn, case_id, 1, (*c)->version(), SIZE_MAX);
  if (!chunk.ok()) return chunk.status();
  const v1::EntryKind kind = InferEntryKind(listing->kind, listing->kind);
  uint64_t found = 0;
  int matches = 0;
  for (const std::string& bytes : chunk->entries) {
    v1::Entry e;
    if (!e.ParseFromString(bytes)) return absl::DataLossError("corrupt entry");
    const PartialTime t = FromProto(e.occur_time());
    if (!e.superseded_by().empty() || e.kind() != kind || t.precision < TimePrecision::kDay) continue;
    if (t.year != listing->date.year || t.month != listing->date.month || t.day != listing->date.day) continue;
    found = static_cast<uint64_t>(e.number());
    ++matches;
  }
  return matches == 1 ? found : 0;
}

// The case's entry "documents from the paper file", made (as the import
// makes entries) by the first document that needs it.
absl::StatusOr<uint64_t> PaperFileEntry(LmdbTxn& txn, const std::string& case_id, const Caller& caller,
                                        absl::Time now) {
  auto known = storage::LoadImportedDocumentsEntry(txn, case_id);
  if (!known.ok() || *known != 0) return known;
  CaseUpdate update;
  update.case_id = case_id;
  v1::Entry& entry = update.plan.new_entries.emplace_back().entry;
  entry.set_kind(v1::ENTRY_KIND_NOTE);
  entry.set_text(kPaperFileEntryText);
  CaseUpdate* const one[] = {&update};
  if (auto s = WriteCaseUpdates(txn, one, caller, now); !s.ok()) return s;
  auto c = storage::LoadCase(txn, case_id);
  if (!c.ok()) return c.status();
  if (!c->has_value()) return absl::InternalError("the case of an imported document went missing");
  const uint64_t number = static_cast<uint64_t>((*c)->version());
  if (auto s = storage::SaveImportedDocumentsEntry(txn, case_id, number); !s.ok()) return s;
  return number;
}

std::string ListingAsWritten(const DocumentListing& l) {
  return absl::StrJoin({l.file, l.reference, FormatPartialTime(l.date), l.kind}, ",");
}

class DocumentStage {
 public:
  DocumentStage(const DocumentStageParts& parts, const Caller& caller, const std::map<std::string, CaseUpdate>& updates,
                std::vector<DocumentListing> listings, DocumentLibrary* library, v1::Import& report,
                std::vector<v1::Rejection>& rejected)
      : parts_(parts),
        caller_(caller),
        cases_(updates),
        listings_(std::move(listings)),
        library_(library),
        report_(report),
        rejected_(rejected) {
    for (const DocumentListing& l : listings_) {
      auto [it, added] = listing_of_file_.emplace(l.file, &l);
      if (!added)
        Reject(l.locator, absl::StrCat("names ", l.file, ", which ", it->second->locator, " names already"),
               ListingAsWritten(l));
    }
  }

  absl::Status Take(ArrivedDocument& d) {
    counts().set_documents_read(counts().documents_read() + 1);
    Filing filing{nullptr, d.path};
    if (auto it = listing_of_file_.find(d.path); it != listing_of_file_.end()) {
      filing = {it->second, it->second->locator};
      arrived_.insert(d.path);
    }
    if (!d.upload.has_value()) return Reject(d.path, d.refusal, d.head);
    if (std::string why = WhyIncomplete(d.upload->content_path(), d.upload->media_type()); !why.empty())
      return Reject(d.path, why, d.head);
    auto snapshot = parts_.store->BeginRead();
    if (!snapshot.ok()) return snapshot.status();
    const LmdbTxn& txn = (*snapshot)->txn();
    auto case_id = CaseOf(txn, d.path, filing);
    if (!case_id.ok()) return case_id.status();
    if (!case_id->has_value()) return absl::OkStatus();  // rejected
    auto held = HeldBy(txn, **case_id, d.upload->sha256());
    if (!held.ok()) return held.status();
    if (held->has_value()) return Note(d, **held, kAlreadyAttached);
    auto stored = storage::LoadCase(txn, **case_id);
    if (!stored.ok()) return stored.status();
    if (!stored->has_value() && !report_.dry_run())  // a case erased since its references were filed
      return Reject(filing.reference_locator, absl::StrCat("its case ", **case_id, " is no longer in the store"), d.head);
    if (report_.dry_run()) {
      auto entry = EntryOfItsDay(txn, **case_id, filing.listing);
      if (!entry.ok()) return entry.status();
      counts().set_documents_attached(counts().documents_attached() + 1);
      return Note(d, "", *entry != 0 ? kEntryOfItsDay : kPaperFileEntry);
    }
    snapshot->reset();
    return Attach(d, **case_id, filing.listing);
  }

  // Rejects the manifest rows whose files never arrived.
  void Finish() {
    for (const DocumentListing& l : listings_) {
      if (!arrived_.contains(l.file) && listing_of_file_.at(l.file) == &l)
        Reject(l.locator, absl::StrCat("names ", l.file, ", which is not in the folder"), ListingAsWritten(l));
    }
  }

 private:
  v1::ImportCounts& counts() { return *report_.mutable_counts(); }

  absl::Status Reject(const std::string& locator, const std::string& reason, std::string raw) {
    v1::Rejection& r = rejected_.emplace_back();
    r.set_locator(locator);
    r.set_reason(reason);
    r.set_raw(std::move(raw));
    counts().set_rejected(counts().rejected() + 1);
    counts().set_documents_rejected(counts().documents_rejected() + 1);
    if (static_cast<size_t>(report_.rejections_size()) < kMaxListed) {
      v1::Rejection& listed = *report_.add_rejections();
      listed.set_locator(locator);
      listed.set_reason(reason);
    }
    return absl::OkStatus();
  }

  absl::Status Note(const ArrivedDocument& d, const std::string& document, absl::string_view how) {
    if (how == kAlreadyAttached)
      counts().set_documents_already_attached(counts().documents_already_attached() + 1);
    if (static_cast<size_t>(report_.documents_size()) < kMaxListed) {
      v1::ImportedDocument& listed = *report_.add_documents();
      listed.set_locator(d.path);
      listed.set_document(document);
      listed.set_sha256(absl::BytesToHexString(d.upload->sha256()));
      listed.set_how(std::string(how));
    }
    return absl::OkStatus();
  }

  // The case the document is filed under; nullopt (and rejected) when none.
  absl::StatusOr<std::optional<std::string>> CaseOf(const LmdbTxn& txn, const std::string& path,
                                                    const Filing& filing) {
    std::vector<std::string> references;
    if (filing.listing != nullptr) {
      references.push_back(filing.listing->reference);
    } else if (std::string_view folder = ReferenceFolder(path); !folder.empty()) {
      references = ReferencesOfFolder(folder);
    } else {
      Reject(path, "in no case reference's folder (documents/<reference>/...) and named by no manifest", "");
      return std::nullopt;
    }
    for (const std::string& ref : references) {
      auto found = cases_.Find(txn, ref);
      if (!found.ok() || found->has_value()) return found;
    }
    Reject(filing.reference_locator,
           filing.listing != nullptr
               ? absl::StrCat("reference '", references.front(), "' of ", path, " names no case")
               : absl::StrCat("its folder '", references.front(), "' names no case (as a legacy reference, with '_' "
                              "or '-' for '/', or a case id)"),
           filing.listing != nullptr ? ListingAsWritten(*filing.listing) : "");
    return std::nullopt;
  }

  absl::Status Attach(ArrivedDocument& d, const std::string& case_id, const DocumentListing* listing) {
    auto text = ExtractDocumentText(d.upload->content_path(), d.upload->media_type(),
                                    {.max_text_bytes = kMaxDocumentTextBytes});
    if (!text.ok()) return text.status();
    std::string held_by;
    absl::string_view how;
    auto attached = library_->AttachImported(
        caller_, *d.upload, *std::move(text), report_.name(), d.path,
        [&](LmdbTxn& txn) -> absl::StatusOr<std::optional<storage::DocumentPlace>> {
          auto held = HeldBy(txn, case_id, d.upload->sha256());  // a document attached meanwhile
          if (!held.ok()) return held.status();
          if (held->has_value()) {
            held_by = **held;
            how = kAlreadyAttached;
            return std::nullopt;
          }
          auto entry = EntryOfItsDay(txn, case_id, listing);
          if (!entry.ok()) return entry.status();
          how = *entry != 0 ? kEntryOfItsDay : kPaperFileEntry;
          if (*entry == 0) entry = PaperFileEntry(txn, case_id, caller_, (*parts_.clock)());
          if (!entry.ok()) return entry.status();
          auto k = storage::NextDocumentNumber(txn, case_id, *entry);
          if (!k.ok()) return k.status();
          return storage::DocumentPlace{case_id, *entry, *k};
        });
    if (!attached.ok()) return attached.status();
    if (!attached->has_value()) return Note(d, held_by, how);
    counts().set_documents_attached(counts().documents_attached() + 1);
    parts_.feed->Publish(case_id);  // each attach has its own audit record, naming the document
    return Note(d, (*attached)->name(), how);
  }

  const DocumentStageParts& parts_;
  const Caller& caller_;
  const CaseFinder cases_;
  const std::vector<DocumentListing> listings_;
  DocumentLibrary* const library_;
  v1::Import& report_;
  std::vector<v1::Rejection>& rejected_;
  absl::flat_hash_map<std::string, const DocumentListing*> listing_of_file_;  // the first row naming each file
  absl::flat_hash_set<std::string> arrived_;                                  // of the files listed
};

}  // namespace

absl::Status AttachImportedDocuments(const DocumentStageParts& parts, const Caller& caller,
                                     const std::map<std::string, CaseUpdate>& updates,
                                     std::vector<DocumentListing> listings, ImportedDocuments& documents,
                                     v1::Import& report, std::vector<v1::Rejection>& rejected) {
  DocumentStage stage(parts, caller, updates, std::move(listings), documents.library, report, rejected);
  while (true) {
    auto next = documents.next ? documents.next() : absl::StatusOr<std::optional<ArrivedDocument>>(std::nullopt);
    if (!next.ok()) return next.status();
    if (!next->has_value()) break;
    if (auto s = stage.Take(**next); !s.ok()) return s;
  }
  stage.Finish();
  return absl::OkStatus();
}

}  // namespace casefile::migration
