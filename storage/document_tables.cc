#include "storage/document_tables.h"

#include "absl/strings/escaping.h"
#include "storage/keys.h"
#include "storage/prefix_scan.h"

namespace casefile::storage {
namespace {

using ::casefile::v1::Document;

// "<be64 entry>\0<be64 k>": what follows a case's d or t prefix.
bool ParseEntryAndNumber(absl::string_view rest, uint64_t& entry, uint64_t& k) {
  if (rest.size() != 17 || rest[8] != '\0') return false;
  entry = *keys::DecodeBe64(rest.substr(0, 8));
  k = *keys::DecodeBe64(rest.substr(9));
  return true;
}

// 32-byte SHA-256 from a description's lower-case hex.
std::string ContentOf(const Document& document) { return absl::HexStringToBytes(document.sha256()); }

absl::Status AddLinks(LmdbTxn& txn, absl::string_view sha256, int64_t delta) {
  const std::string key = keys::ContentLinks(sha256);
  auto found = txn.Get(key);
  if (!found.ok()) return found.status();
  uint64_t links = found->has_value() ? keys::DecodeBe64(**found).value_or(0) : 0;
  links = static_cast<uint64_t>(static_cast<int64_t>(links) + delta);
  if (links > 0) {
    if (auto s = txn.Put(key, keys::EncodeBe64(links)); !s.ok()) return s;
    return ForgetUnlinkedContent(txn, sha256);
  }
  if (auto s = txn.Delete(key); !s.ok() && !absl::IsNotFound(s)) return s;
  return txn.Put(keys::UnlinkedContent(sha256), "");
}

}  // namespace

absl::StatusOr<uint64_t> NextDocumentNumber(const LmdbTxn& txn, absl::string_view case_id, uint64_t entry) {
  uint64_t last = 0;
  absl::Status s = ScanPrefix(txn, keys::EntryDocumentPrefix(case_id, entry),
                              [&](absl::string_view rest, absl::string_view) {
                                last = keys::DecodeBe64(rest).value_or(last);
                                return absl::OkStatus();
                              });
  if (!s.ok()) return s;
  return last + 1;
}

absl::Status SaveDocument(LmdbTxn& txn, const DocumentPlace& place, const Document& document,
                          absl::string_view sha256, absl::string_view text) {
  if (auto s = txn.Put(keys::Document(place.case_id, place.entry, place.k), document.SerializeAsString()); !s.ok())
    return s;
  if (!text.empty()) {
    if (auto s = txn.Put(keys::DocumentText(place.case_id, place.entry, place.k), text); !s.ok()) return s;
  }
  return AddLinks(txn, sha256, +1);
}

absl::StatusOr<std::optional<Document>> LoadDocument(const LmdbTxn& txn, const DocumentPlace& place) {
  auto found = txn.Get(keys::Document(place.case_id, place.entry, place.k));
  if (!found.ok()) return found.status();
  if (!found->has_value()) return std::nullopt;
  Document document;
  if (!document.ParseFromArray((*found)->data(), static_cast<int>((*found)->size())))
    return absl::DataLossError("a stored document description does not parse");
  return document;
}

absl::StatusOr<std::vector<Document>> LoadCaseDocuments(const LmdbTxn& txn, absl::string_view case_id) {
  std::vector<Document> documents;
  absl::Status s = ScanPrefix(txn, keys::DocumentPrefix(case_id), [&](absl::string_view, absl::string_view value) {
    if (!documents.emplace_back().ParseFromArray(value.data(), static_cast<int>(value.size())))
      return absl::DataLossError("a stored document description does not parse");
    return absl::OkStatus();
  });
  if (!s.ok()) return s;
  return documents;
}

absl::Status ScanCaseDocumentTexts(
    const LmdbTxn& txn, absl::string_view case_id,
    absl::FunctionRef<absl::Status(uint64_t entry, uint64_t k, absl::string_view text)> visit) {
  return ScanPrefix(txn, keys::DocumentTextPrefix(case_id), [&](absl::string_view rest, absl::string_view text) {
    uint64_t entry = 0, k = 0;
    if (!ParseEntryAndNumber(rest, entry, k)) return absl::DataLossError("a document text key is malformed");
    return visit(entry, k, text);
  });
}

absl::StatusOr<uint64_t> LoadImportedDocumentsEntry(const LmdbTxn& txn, absl::string_view case_id) {
  auto found = txn.Get(keys::ImportedDocumentsEntry(case_id));
  if (!found.ok()) return found.status();
  if (!found->has_value()) return 0;
  auto entry = keys::DecodeBe64(**found);
  if (!entry.has_value()) return absl::DataLossError("corrupt imported documents entry");
  return *entry;
}

absl::Status SaveImportedDocumentsEntry(LmdbTxn& txn, absl::string_view case_id, uint64_t entry) {
  return txn.Put(keys::ImportedDocumentsEntry(case_id), keys::EncodeBe64(entry));
}

absl::StatusOr<uint64_t> EraseCaseDocuments(LmdbTxn& txn, absl::string_view case_id) {
  auto documents = LoadCaseDocuments(txn, case_id);
  if (!documents.ok()) return documents.status();
  std::vector<std::string> keys_to_erase;
  for (absl::string_view prefix : {keys::DocumentPrefix(case_id), keys::DocumentTextPrefix(case_id)}) {
    const std::string whole(prefix);
    absl::Status s = ScanPrefix(txn, whole, [&](absl::string_view rest, absl::string_view) {
      keys_to_erase.push_back(whole + std::string(rest));
      return absl::OkStatus();
    });
    if (!s.ok()) return s;
  }
  for (const std::string& key : keys_to_erase) {
    if (auto s = txn.Delete(key); !s.ok()) return s;
  }
  if (auto s = txn.Delete(keys::ImportedDocumentsEntry(case_id)); !s.ok() && !absl::IsNotFound(s)) return s;
  for (const Document& document : *documents) {
    if (auto s = AddLinks(txn, ContentOf(document), -1); !s.ok()) return s;
  }
  return documents->size();
}

absl::StatusOr<std::vector<std::string>> LoadUnlinkedContent(const LmdbTxn& txn) {
  std::vector<std::string> content;
  absl::Status s = ScanPrefix(txn, keys::UnlinkedContentPrefix(), [&](absl::string_view rest, absl::string_view) {
    content.emplace_back(rest);
    return absl::OkStatus();
  });
  if (!s.ok()) return s;
  return content;
}

absl::StatusOr<bool> IsContentLinked(const LmdbTxn& txn, absl::string_view sha256) {
  auto found = txn.Get(keys::ContentLinks(sha256));
  if (!found.ok()) return found.status();
  return found->has_value();
}

absl::Status ForgetUnlinkedContent(LmdbTxn& txn, absl::string_view sha256) {
  absl::Status s = txn.Delete(keys::UnlinkedContent(sha256));
  return absl::IsNotFound(s) ? absl::OkStatus() : s;
}

}  // namespace casefile::storage
