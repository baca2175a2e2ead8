// Event matcher accuracy and speed on a legacy import folder with truth.json
// (the sample folder, or one written by generate-legacy).
//
// Reads every file with the legacy readers, takes each record's case from
// truth.json (for scoring only: the real import resolves cases itself), runs
// the event matcher over all records at once (records of different cases
// never meet), and prints pairwise precision and recall of the automatic
// merges against truth.json's events, the share of records in review pairs,
// and the matcher's CPU time. Also times the matcher called case by case, as
// the importer calls it, and the text work alone (normalising, shingles).
//
//   event_accuracy [--folder=/work/shared/samples/legacy] [--explain]
//
// --explain prints the texts of wrong merges and missed pairs: only for
// synthetic folders, never for real case files.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "bench/support/legacy_truth.h"
#include "client/server_child.h"
#include "migration/legacy_reader.h"
#include "migration/match/event_matcher.h"
#include "migration/match/event_text.h"

ABSL_FLAG(std::string, folder, "/work/shared/samples/legacy",
          "Import folder with truth.json");
ABSL_FLAG(double, merge_similarity,
          casefile::migration::EventMatcherOptions{}.merge_similarity,
          "EventMatcherOptions::merge_similarity");
ABSL_FLAG(double, review_similarity,
          casefile::migration::EventMatcherOptions{}.review_similarity,
          "EventMatcherOptions::review_similarity");
ABSL_FLAG(int, lsh_bands, casefile::migration::EventMatcherOptions{}.lsh_bands,
          "EventMatcherOptions::lsh_bands");
ABSL_FLAG(int, lsh_rows, casefile::migration::EventMatcherOptions{}.lsh_rows,
          "EventMatcherOptions::lsh_rows");
ABSL_FLAG(bool, explain, false,
          "Print the texts of wrong merges and missed pairs (synthetic data only)");

namespace casefile::migration {
namespace {

int64_t Pairs(int64_t k) { return k * (k - 1) / 2; }

int64_t GroupPairs(const std::vector<std::string>& labels) {
  absl::flat_hash_map<std::string, int64_t> size;
  for (const std::string& l : labels) ++size[l];
  int64_t total = 0;
  for (const auto& [l, k] : size) total += Pairs(k);
  return total;
}

double CpuSeconds() { return double(std::clock()) / CLOCKS_PER_SEC; }

int Run() {
  const std::filesystem::path folder = absl::GetFlag(FLAGS_folder);
  auto read_truth = bench::ReadLegacyTruth(folder / "truth.json");
  if (!read_truth.ok()) {
    std::fprintf(stderr, "%s\n", read_truth.status().ToString().c_str());
    return 1;
  }
  const absl::flat_hash_map<std::string, bench::LegacyTruth::Record>& truth = read_truth->records;

  std::vector<LegacyEvent> events;
  int64_t problems = 0, files = 0;
  const double read_start = CpuSeconds();
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
    if (!entry.is_regular_file() || entry.path().filename() == "truth.json") continue;
    const std::string relative = entry.path().lexically_relative(folder).generic_string();
    LegacyFile file = ReadLegacyFile(relative, client::ReadWholeFile(entry.path()));
    ++files;
    problems += static_cast<int64_t>(file.problems.size());
    for (LegacyEvent& e : file.events) events.push_back(std::move(e));
  }
  const double read_seconds = CpuSeconds() - read_start;

  std::vector<EventRecord> records;
  std::vector<std::string> event_of, case_of;
  int64_t unknown = 0;
  for (const LegacyEvent& e : events) {
    auto it = truth.find(e.locator);
    if (it == truth.end()) {
      ++unknown;
      continue;
    }
    case_of.push_back(it->second.case_key);
    event_of.push_back(it->second.event);
  }
  // Records point into `events` and `case_of`, which no longer grow.
  for (size_t i = 0, j = 0; i < events.size(); ++i) {
    const LegacyEvent& e = events[i];
    if (!truth.contains(e.locator)) continue;
    EventRecord r;
    r.group = case_of[j++];
    r.occurred = e.occurred;
    if (e.format == LegacyFormat::kCrimeExport) r.not_after = e.entered;
    r.text = e.text;
    records.push_back(r);
  }
  const int n = static_cast<int>(records.size());

  EventMatcherOptions options;
  options.merge_similarity = absl::GetFlag(FLAGS_merge_similarity);
  options.review_similarity = absl::GetFlag(FLAGS_review_similarity);
  options.lsh_bands = absl::GetFlag(FLAGS_lsh_bands);
  options.lsh_rows = absl::GetFlag(FLAGS_lsh_rows);
  const double start = CpuSeconds();
  absl::StatusOr<MatchResult> result = MatchEvents(records, {}, options);
  const double seconds = CpuSeconds() - start;
  if (!result.ok()) {
    std::fprintf(stderr, "%s\n", result.status().ToString().c_str());
    return 1;
  }

  // The text work alone, the biggest part of the matcher's.
  const double text_start = CpuSeconds();
  int64_t text_bytes = 0, shingles = 0;
  for (const EventRecord& r : records) {
    text_bytes += static_cast<int64_t>(r.text.size());
    shingles += static_cast<int64_t>(ExtractEventTextFeatures(r.text).shingles.size());
  }
  const double text_seconds = CpuSeconds() - text_start;
  const double normalise_start = CpuSeconds();
  for (const EventRecord& r : records) text_bytes -= NormaliseEventText(r.text).size() > 0 ? 0 : 0;
  const double normalise_seconds = CpuSeconds() - normalise_start;

  // The importer's way: one call per case.
  absl::flat_hash_map<std::string, std::vector<EventRecord>> by_case;
  for (const EventRecord& r : records) by_case[std::string(r.group)].push_back(r);
  const double per_case_start = CpuSeconds();
  for (const auto& [c, rs] : by_case) {
    if (!MatchEvents(rs, {}, options).ok()) return 1;
  }
  const double per_case_seconds = CpuSeconds() - per_case_start;

  std::vector<std::string> cluster_labels(n), joint(n);
  for (int i = 0; i < n; ++i) {
    cluster_labels[i] = absl::StrCat(result->cluster[i]);
    joint[i] = absl::StrCat(result->cluster[i], "/", event_of[i]);
  }
  const int64_t true_pairs = GroupPairs(event_of);
  const int64_t predicted = GroupPairs(cluster_labels);
  const int64_t correct = GroupPairs(joint);
  std::vector<bool> in_review(n, false);
  int64_t review_true = 0;
  for (const MatchEvidence& e : result->review) {
    in_review[e.a] = in_review[e.b] = true;
    if (event_of[e.a] == event_of[e.b]) ++review_true;
  }
  const int reviewed = std::count(in_review.begin(), in_review.end(), true);

  std::printf(
      "%s: %lld files (%lld read problems, %.2f s to read), %d records in %zu "
      "cases (%lld without truth)\n"
      "  P %.4f  R %.4f  (%lld true pairs, %lld merged)  review %.2f%% of records "
      "(%zu pairs, %.0f%% true)\n"
      "  matcher cpu %.3f s = %.0f rec/s all at once, %.3f s = %.0f rec/s case by "
      "case; %lld pairs compared\n"
      "  text features %.3f s = %.0f rec/s (of which normalising %.3f s), %.0f bytes and "
      "%.0f shingles a record\n",
      folder.c_str(), static_cast<long long>(files), static_cast<long long>(problems),
      read_seconds, n, by_case.size(), static_cast<long long>(unknown),
      predicted ? double(correct) / predicted : 1.0,
      true_pairs ? double(correct) / true_pairs : 1.0, static_cast<long long>(true_pairs),
      static_cast<long long>(predicted), 100.0 * reviewed / std::max(n, 1),
      result->review.size(),
      result->review.empty() ? 0.0 : 100.0 * review_true / result->review.size(),
      seconds, n / seconds, per_case_seconds, n / per_case_seconds,
      static_cast<long long>(result->candidate_pairs), text_seconds, n / text_seconds,
      normalise_seconds, double(text_bytes) / n, double(shingles) / n);

  if (absl::GetFlag(FLAGS_explain)) {
    auto show = [&](const std::string& what, int a, int b) {
      std::printf("--- %s [%s | %s] and [%s | %s]\n  A: %s\n  B: %s\n", what.c_str(),
                  FormatPartialTime(records[a].occurred).c_str(),
                  FormatPartialTime(records[a].not_after).c_str(),
                  FormatPartialTime(records[b].occurred).c_str(),
                  FormatPartialTime(records[b].not_after).c_str(),
                  std::string(records[a].text).c_str(), std::string(records[b].text).c_str());
    };
    for (const MatchEvidence& e : result->merges) {
      if (event_of[e.a] != event_of[e.b]) show("wrong merge: " + e.reason, e.a, e.b);
    }
    for (const MatchEvidence& e : result->review) {
      show(std::string(event_of[e.a] == event_of[e.b] ? "review (same): "
                                                      : "review (different): ") +
               e.reason,
           e.a, e.b);
    }
    absl::flat_hash_map<std::string, std::vector<int>> members;
    for (int i = 0; i < n; ++i) members[event_of[i]].push_back(i);
    int shown = 0;
    for (const auto& [ev, m] : members) {
      for (size_t i = 0; i < m.size(); ++i) {
        for (size_t j = i + 1; j < m.size(); ++j) {
          if (result->cluster[m[i]] != result->cluster[m[j]] && shown++ < 40) {
            show("missed", m[i], m[j]);
          }
        }
      }
    }
  }
  return 0;
}

}  // namespace
}  // namespace casefile::migration

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  return casefile::migration::Run();
}
