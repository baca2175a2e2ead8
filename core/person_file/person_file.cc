#include "core/person_file/person_file.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "core/access/need_to_know.h"
#include "core/input/input_rules.h"
#include "core/input/resource_names.h"
#include "core/persons/child_links.h"
#include "core/persons/person_directory.h"
#include "core/persons/person_search.h"
#include "core/time/partial_time.h"
#include "core/time/partial_time_proto.h"
#include "storage/case_tables.h"

namespace casefile {
namespace {

// A case's entries read a chunk of about this many bytes at a time.
constexpr size_t kChunkBytes = 1 << 20;

// Kinds an importer gives legacy records of a safeguarding event
// (migration/entry_kind.cc); they carry no structured record.
bool IsImportedSafeguardingKind(v1::EntryKind kind) {
  return kind == v1::ENTRY_KIND_MISSING_EPISODE || kind == v1::ENTRY_KIND_REFERRAL ||
         kind == v1::ENTRY_KIND_STRATEGY_DISCUSSION || kind == v1::ENTRY_KIND_ASSESSMENT ||
         kind == v1::ENTRY_KIND_CUSTODY;
}

// Time order: when it happened, then case, then entry number.
bool HappenedBefore(const v1::Entry& a, const v1::Entry& b) {
  const long long ka = SortKey(FromProto(a.occur_time())), kb = SortKey(FromProto(b.occur_time()));
  if (ka != kb) return ka < kb;
  const absl::string_view ca = absl::string_view(a.name()).substr(0, a.name().find("/entries/"));
  const absl::string_view cb = absl::string_view(b.name()).substr(0, b.name().find("/entries/"));
  if (ca != cb) return ca < cb;
  return a.number() < b.number();
}

// Appends to `records` every entry of case `case_id` (1..version) about `person`.
absl::Status AddRecordsOfCase(const storage::LmdbTxn& txn, absl::string_view case_id, int64_t version,
                              absl::string_view person, std::vector<v1::Entry>& records) {
  uint64_t next = 1;
  const uint64_t last = static_cast<uint64_t>(version);
  while (next <= last) {
    auto chunk = storage::LoadEntryChunk(txn, case_id, next, last, kChunkBytes);
    if (!chunk.ok()) return chunk.status();
    for (const std::string& bytes : chunk->entries) {
      v1::Entry entry;
      if (!entry.ParseFromString(bytes)) return absl::DataLossError(absl::StrCat("cases/", case_id, ": an entry does not parse"));
      if (IsRecordAbout(entry, person)) records.push_back(std::move(entry));
    }
    if (chunk->next <= next) break;  // no progress: nothing more stored
    next = chunk->next;
  }
  return absl::OkStatus();
}

}  // namespace

bool IsRecordAbout(const v1::Entry& entry, absl::string_view person) {
  if (!entry.superseded_by().empty()) return false;  // its correction stands for it
  if (entry.record_case() == v1::Entry::RECORD_NOT_SET)
    return entry.sources_size() > 0 && IsImportedSafeguardingKind(entry.kind());
  for (const v1::ChildRef* child : ChildrenOf(entry)) {
    if (child->person() == person) return true;
  }
  return false;
}

absl::StatusOr<v1::PersonFile> ReadPersonFile(const storage::LmdbTxn& txn, const Caller& caller,
                                              absl::string_view name) {
  CaseVisibility visibility(txn, caller);
  auto person = GetPerson(txn, name, KnownCasesOnly(visibility));
  if (!person.ok()) return person.status();
  v1::PersonFile file;
  std::vector<v1::Entry> records;
  for (const std::string& case_name : person->cases()) {
    auto case_id = ParseCaseName(case_name, "person.cases");
    if (!case_id.ok()) return absl::DataLossError(absl::StrCat(name, ": holds a bad case name"));
    auto c = LoadKnownCase(txn, caller, *case_id);
    if (!c.ok()) return c.status();  // KnownCasesOnly kept only known cases
    if (auto s = AddRecordsOfCase(txn, *case_id, c->version(), person->name(), records); !s.ok()) return s;
    *file.add_cases() = *std::move(c);
  }
  std::stable_sort(records.begin(), records.end(), HappenedBefore);
  for (v1::Entry& e : records) *file.add_records() = std::move(e);
  *file.mutable_person() = *std::move(person);
  return file;
}

absl::StatusOr<v1::PersonFile> PersonFileReader::Assemble(const Caller& caller, absl::string_view name) {
  absl::StatusOr<v1::PersonFile> file;
  {
    auto read = store_->BeginRead();
    if (!read.ok()) return read.status();
    file = ReadPersonFile((*read)->txn(), caller, name);
    if (!file.ok()) return file.status();
  }
  const std::string& person = file->person().name();
  for (const v1::Case& c : file->cases()) {
    auto due = attention_->DueInCase(caller, c.name().substr(6), v1::WatchAttentionRequest());
    if (!due.ok()) return due.status();
    for (v1::AttentionItem& item : *due) {
      if (item.person() == person || item.from_import()) *file->add_attention_items() = std::move(item);
    }
  }
  return file;
}

void PersonFileReader::Read(const Caller& caller, const v1::GetPersonFileRequest& request,
                            Reply<v1::PersonFile> reply) {
  if (auto s = Authorize(caller, Action::kReadCase); !s.ok()) return reply(s);
  if (auto s = ValidatePurpose(request.purpose(), "purpose"); !s.ok()) return reply(s);
  auto file = Assemble(caller, request.name());
  if (!file.ok()) return reply(file.status());
  v1::AuditEvent event = audit_->NewEvent(caller, "GetPersonFile");
  event.set_purpose(request.purpose());
  event.add_resources(file->person().name());
  for (const v1::Case& c : file->cases()) event.add_resources(c.name());
  event.set_count(file->records_size());
  auto held = std::make_shared<v1::PersonFile>(*std::move(file));
  audit_->Record(std::move(event), [held, reply = std::move(reply)](absl::Status s) mutable {
    if (!s.ok()) return reply(s);
    reply(std::move(*held));
  });
}

}  // namespace casefile
