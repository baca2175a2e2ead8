#include "storage/keys.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace casefile::storage::keys {
namespace {

constexpr absl::string_view kSep("\0", 1);

std::string Tagged(char tag, absl::string_view a) { return absl::StrCat(std::string(1, tag), kSep, a); }
std::string Tagged(char tag, absl::string_view a, absl::string_view b) {
  return absl::StrCat(std::string(1, tag), kSep, a, kSep, b);
}

// LMDB keys are at most 511 bytes; a locator (a path inside an import folder
// plus "#row=N") can be longer. A long one is kept as its first bytes and a
// hash of the whole, which is still unique for all practical purposes.
std::string Bounded(absl::string_view part) {
  constexpr size_t kMaxPart = 200;
  if (part.size() <= kMaxPart) return std::string(part);
  uint64_t h = 14695981039346656037ull;  // FNV-1a 64
  for (unsigned char c : part) h = (h ^ c) * 1099511628211ull;
  return absl::StrCat(part.substr(0, kMaxPart - 17), "~", absl::Hex(h, absl::kZeroPad16));
}

std::string ListTag(int list) { return absl::StrFormat("%02d", list); }

// Signed microseconds as unsigned bytes in the same order.
uint64_t Biased(int64_t micros) { return static_cast<uint64_t>(micros) ^ (uint64_t{1} << 63); }

}  // namespace

std::string EncodeBe64(uint64_t v) {
  std::string out(8, '\0');
  for (int i = 7; i >= 0; --i, v >>= 8) out[i] = static_cast<char>(v & 0xff);
  return out;
}

std::optional<uint64_t> DecodeBe64(absl::string_view bytes) {
  if (bytes.size() != 8) return std::nullopt;
  uint64_t v = 0;
  for (unsigned char c : bytes) v = (v << 8) | c;
  return v;
}

std::string Meta(absl::string_view name) { return Tagged('m', name); }
std::string Case(absl::string_view case_id) { return Tagged('c', case_id); }
std::string CasePrefix() { return Tagged('c', ""); }
std::string Entry(absl::string_view case_id, uint64_t number) {
  return Tagged('e', case_id, EncodeBe64(number));
}
std::string EntryPrefix(absl::string_view case_id) { return Tagged('e', case_id, ""); }
std::string Supersession(absl::string_view case_id, uint64_t number) {
  return Tagged('s', case_id, EncodeBe64(number));
}
std::string EntryInTime(absl::string_view case_id, int64_t time, uint64_t chain, uint64_t number) {
  return absl::StrCat(EntryInTimeFrom(case_id, time), EncodeBe64(chain), EncodeBe64(number));
}
std::string EntryInTimePrefix(absl::string_view case_id) { return Tagged('o', case_id, ""); }
std::string EntryInTimeFrom(absl::string_view case_id, int64_t time) {
  return Tagged('o', case_id, EncodeBe64(Biased(time)));
}
std::string Request(absl::string_view user, absl::string_view request_id) {
  return Tagged('r', user, request_id);
}
std::string RefIndex(absl::string_view ref, absl::string_view case_id) {
  return Tagged('x', absl::AsciiStrToUpper(ref), case_id);
}
std::string RefIndexPrefix(absl::string_view ref) { return Tagged('x', absl::AsciiStrToUpper(ref), ""); }
std::string NameIndex(absl::string_view token, absl::string_view case_id) {
  return Tagged('n', absl::AsciiStrToLower(token), case_id);
}
std::string NameIndexPrefix(absl::string_view token) {
  return Tagged('n', absl::AsciiStrToLower(token), "");
}
std::string AuditRecord(uint64_t seq) { return Tagged('A', EncodeBe64(seq)); }
std::string AuditRecordPrefix() { return Tagged('A', ""); }
std::string AuditHead() { return Meta("audit_head"); }

std::string LegacyEvent(absl::string_view locator) { return Tagged('l', Bounded(locator)); }
std::string Source(absl::string_view case_id, uint64_t entry, absl::string_view locator) {
  return absl::StrCat(Tagged('S', case_id, EncodeBe64(entry)), kSep, Bounded(locator));
}
std::string SourcePrefix(absl::string_view case_id) { return Tagged('S', case_id, ""); }
std::string EntrySourcePrefix(absl::string_view case_id, uint64_t entry) {
  return absl::StrCat(Tagged('S', case_id, EncodeBe64(entry)), kSep);
}
std::string PersonRecord(absl::string_view record_id) { return Tagged('p', Bounded(record_id)); }
std::string PersonRecordPrefix() { return Tagged('p', ""); }
std::string Person(absl::string_view person_id) { return Tagged('P', person_id); }
std::string PersonPrefix() { return Tagged('P', ""); }
std::string PersonToken(absl::string_view token, absl::string_view person_id) {
  return Tagged('Q', absl::AsciiStrToLower(token), person_id);
}
std::string PersonTokenPrefix(absl::string_view token) {
  return Tagged('Q', absl::AsciiStrToLower(token), "");
}
std::string PersonTokenTable() { return Tagged('Q', ""); }
std::string ReviewItem(absl::string_view item_id) { return Tagged('V', item_id); }
std::string ReviewItemPrefix() { return Tagged('V', ""); }
std::string Decision(absl::string_view locator_a, absl::string_view locator_b) {
  return locator_a < locator_b ? Tagged('D', Bounded(locator_a), Bounded(locator_b))
                               : Tagged('D', Bounded(locator_b), Bounded(locator_a));
}
std::string DecisionPrefix() { return Tagged('D', ""); }
std::string Import(absl::string_view import_id) { return Tagged('I', import_id); }
std::string ImportPrefix() { return Tagged('I', ""); }
std::string Rejected(absl::string_view import_id, absl::string_view locator) {
  return absl::StrCat(Tagged('J', import_id), kSep, Bounded(locator));
}
std::string RejectedPrefix(absl::string_view import_id) { return absl::StrCat(Tagged('J', import_id), kSep); }

namespace {
std::string ListFrom(int list, int64_t since_micros) {
  return Tagged('W', ListTag(list), EncodeBe64(Biased(since_micros)));
}
}  // namespace

std::string AttentionItem(int list, int64_t since_micros, absl::string_view case_id,
                          uint64_t entry, uint64_t part) {
  return absl::StrCat(ListFrom(list, since_micros), kSep, case_id, kSep, EncodeBe64(entry), kSep,
                      EncodeBe64(part));
}
std::string AttentionListPrefix(int list) { return Tagged('W', ListTag(list), ""); }
// Every item whose clock started at or before `since_micros` sorts before it.
std::string AttentionListUntil(int list, int64_t since_micros) {
  return ListFrom(list, since_micros + 1);
}
std::string AttentionCaseItem(absl::string_view case_id, int list, uint64_t entry, uint64_t part) {
  return absl::StrCat(Tagged('w', case_id, ListTag(list)), kSep, EncodeBe64(entry), kSep,
                      EncodeBe64(part));
}
std::string AttentionCaseListPrefix(absl::string_view case_id, int list) {
  return absl::StrCat(Tagged('w', case_id, ListTag(list)), kSep);
}
std::string AttentionCasePrefix(absl::string_view case_id) { return Tagged('w', case_id, ""); }
std::string AttentionCaseFact(absl::string_view case_id, absl::string_view fact) {
  return absl::StrCat(Tagged('w', case_id, "f"), kSep, fact);
}
std::string ChildAttention(absl::string_view child_key) { return Tagged('K', Bounded(child_key)); }

std::string ReviewDue(absl::string_view date, absl::string_view case_id) { return Tagged('R', date, case_id); }
std::string ReviewDuePrefix() { return Tagged('R', ""); }

namespace {
// Newest first: the inverted biased time sorts later times first.
std::string Written(int64_t micros, absl::string_view case_id) {
  return absl::StrCat(EncodeBe64(~Biased(micros)), kSep, case_id);
}
}  // namespace

std::string OwnerCase(absl::string_view owner, int64_t written_micros, absl::string_view case_id) {
  return Tagged('O', owner, Written(written_micros, case_id));
}
std::string OwnerCasesPrefix(absl::string_view owner) { return Tagged('O', owner, ""); }
std::string TeamCase(absl::string_view team, int64_t written_micros, absl::string_view case_id) {
  return Tagged('T', team, Written(written_micros, case_id));
}
std::string TeamCasesPrefix(absl::string_view team) { return Tagged('T', team, ""); }

namespace {
std::string MeasureTable(char table) { return absl::StrCat("M", kSep, std::string(1, table), kSep); }
}  // namespace

std::string MeasureRowsFrom(int measure, int64_t micros) {
  return absl::StrCat(MeasureTable('r'), ListTag(measure), kSep, EncodeBe64(Biased(micros)));
}
std::string MeasureRow(int measure, int64_t micros, absl::string_view unit) {
  return absl::StrCat(MeasureRowsFrom(measure, micros), kSep, unit);
}
int64_t MeasureRowMicros(absl::string_view row_key) {
  const size_t at = MeasureTable('r').size() + 3;  // the measure's two digits and \0
  if (row_key.size() < at + 8) return 0;
  return static_cast<int64_t>(Biased(static_cast<int64_t>(DecodeBe64(row_key.substr(at, 8)).value_or(0))));
}
std::string MeasureUnit(absl::string_view case_id, uint64_t entry) {
  return absl::StrCat(case_id, kSep, EncodeBe64(entry));
}
std::string MeasureChildUnit(absl::string_view child_key, absl::string_view case_id, uint64_t entry) {
  return absl::StrCat(Bounded(child_key), kSep, MeasureUnit(case_id, entry));
}
std::string MeasureCaseRecordPrefix(absl::string_view case_id, int measure) {
  return absl::StrCat(MeasureCasePrefix(case_id), ListTag(measure), kSep);
}
std::string MeasureCaseRecord(absl::string_view case_id, int measure, uint64_t entry) {
  return absl::StrCat(MeasureCaseRecordPrefix(case_id, measure), EncodeBe64(entry));
}
std::string MeasureCasePrefix(absl::string_view case_id) { return absl::StrCat(MeasureTable('u'), case_id, kSep); }
std::string MeasureCaseFacts(absl::string_view case_id) { return absl::StrCat(MeasureTable('f'), case_id); }
std::string MeasureChild(absl::string_view child_key) { return absl::StrCat(MeasureTable('k'), Bounded(child_key)); }

uint64_t EntryNumber(absl::string_view entry_key) {
  return DecodeBe64(entry_key.substr(entry_key.size() - 8)).value_or(0);
}

std::string Document(absl::string_view case_id, uint64_t entry, uint64_t k) {
  return absl::StrCat(EntryDocumentPrefix(case_id, entry), EncodeBe64(k));
}
std::string EntryDocumentPrefix(absl::string_view case_id, uint64_t entry) {
  return absl::StrCat(Tagged('d', case_id, EncodeBe64(entry)), kSep);
}
std::string DocumentPrefix(absl::string_view case_id) { return Tagged('d', case_id, ""); }
std::string DocumentText(absl::string_view case_id, uint64_t entry, uint64_t k) {
  return absl::StrCat(Tagged('t', case_id, EncodeBe64(entry)), kSep, EncodeBe64(k));
}
std::string DocumentTextPrefix(absl::string_view case_id) { return Tagged('t', case_id, ""); }
std::string ImportedDocumentsEntry(absl::string_view case_id) { return Tagged('b', case_id); }
std::string ContentLinks(absl::string_view sha256) { return Tagged('H', sha256); }
std::string UnlinkedContent(absl::string_view sha256) { return Tagged('G', sha256); }
std::string UnlinkedContentPrefix() { return Tagged('G', ""); }

}  // namespace casefile::storage::keys
