#include "bench/support/bench_entries.h"

#include <random>

#include "absl/strings/str_cat.h"
#include "casefile/v1/case_service.pb.h"
#include "core/input/resource_names.h"
#include "storage/proto_wire.h"

namespace casefile::bench {
namespace {

constexpr absl::string_view kWords[] = {
    "visit",  "mother",   "school",   "reported", "concern", "officer", "child",  "home",
    "social", "worker",   "strategy", "meeting",  "agreed",  "contact", "father", "police",
    "health", "referral", "missing",  "returned", "address", "safe",    "plan",   "review",
    "called", "attended", "noted",    "injury",   "bruise",  "teacher", "night",  "morning"};

}  // namespace

std::string EntryText(uint64_t seed, size_t bytes) {
  std::mt19937_64 rng(seed);
  std::string text;
  text.reserve(bytes + 16);
  while (text.size() < bytes) {
    absl::StrAppend(&text, kWords[rng() % std::size(kWords)], rng() % 11 == 0 ? ". " : " ");
  }
  text.resize(bytes);
  return text;
}

v1::Entry NewEntry(uint64_t seed, size_t text_bytes) {
  v1::Entry entry;
  entry.set_kind(v1::ENTRY_KIND_VISIT);
  v1::PartialTime* when = entry.mutable_occur_time();
  when->set_precision(v1::PartialTime::PRECISION_MINUTE);
  when->set_year(2024);
  when->set_month(1 + seed % 12);
  when->set_day(1 + seed % 28);
  when->set_hour(seed % 24);
  when->set_minute(seed % 60);
  entry.set_text(EntryText(seed, text_bytes));
  return entry;
}

v1::Entry StoredEntry(absl::string_view case_id, uint64_t number, uint64_t seed,
                      size_t text_bytes) {
  v1::Entry entry = NewEntry(seed, text_bytes);
  entry.set_name(EntryResourceName(case_id, number));
  entry.set_number(static_cast<int64_t>(number));
  entry.mutable_record_time()->set_seconds(1'700'000'000 + static_cast<int64_t>(number));
  entry.mutable_record_time()->set_nanos(123'456'789);
  entry.set_author(kBenchUser);
  entry.set_author_display_name(kBenchDisplayName);
  return entry;
}

std::vector<std::string> CannedCaseFile(absl::string_view case_id, uint64_t entries,
                                        size_t text_bytes, size_t chunk_bytes) {
  v1::Case header;
  header.set_name(CaseName(case_id));
  header.set_title("Benchmark case");
  header.set_version(static_cast<int64_t>(entries));
  header.set_etag(absl::StrCat(CaseName(case_id), "@", entries));
  header.set_creator(kBenchUser);
  std::vector<std::string> messages(1);
  storage::AppendLengthDelimited(messages.back(), v1::GetCaseFileResponse::kCaseFieldNumber,
                                 header.SerializeAsString());
  size_t entry_bytes = 0;  // like storage::LoadEntryChunk: entry bytes only, no framing
  for (uint64_t n = 1; n <= entries; ++n) {
    if (entry_bytes >= chunk_bytes) {
      messages.emplace_back();
      entry_bytes = 0;
    }
    std::string entry = StoredEntry(case_id, n, n, text_bytes).SerializeAsString();
    entry_bytes += entry.size();
    storage::AppendLengthDelimited(messages.back(), v1::GetCaseFileResponse::kEntriesFieldNumber,
                                   entry);
  }
  return messages;
}

}  // namespace casefile::bench
