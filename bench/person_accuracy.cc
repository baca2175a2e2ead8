// Person matcher accuracy and speed on the public Febrl data sets.
//
// Maps Febrl columns onto the nominal-index columns (forename = given_name,
// address_1 = street_number + " " + address_1, town = suburb; soc_sec_id is
// dropped and rec_id is hidden from the matcher, used only for scoring) and
// prints, per data set:
//  - P, R: pairwise precision and recall of the automatic merges (R over all
//    true pairs);
//  - R+review: recall with review, the true pairs merged or in two persons
//    that one open review item joins (an operator who accepts it merges them);
//  - forbidden: the share of true pairs the safety rules forbid (dates of
//    birth a generation apart, which a parent and child of one name look
//    exactly like; different forenames written in one case file, which are
//    twins or siblings), and R(permitted), R over the true pairs they permit;
//  - R(ceiling): the most any clustering could reach under the rules, each
//    person free of conflicts and linked by pairs in which a name agrees;
//  - the review items as a share of the records (and the share of records
//    in one, and of items that join one person), and the matcher's CPU time.
// (Febrl's duplicates include replaced names and dates of birth; its rows
// name no case file.) --explain adds histograms of how the review pairs,
// the true pairs left apart and the false merges compare.
//
// The "scaled" line runs ~1M records: ciphered copies of all Febrl records
// (each copy maps letters through its own permutation, so edit distances and
// duplicate structure are kept but copies are different people).
//
// Then the same for the nominal indexes of legacy import folders (the sample,
// or folders written by generate-legacy, with twins and siblings), each row
// told the case its source_ref resolves to, as an import tells the matcher.
//
//   person_accuracy [--febrl_dir=/work/shared/data/febrl] [--scaled_copies=48]
//                   [--legacy_folders=/work/shared/samples/legacy,/tmp/gen]
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "bench/support/febrl.h"
#include "bench/support/legacy_truth.h"
#include "bench/support/pair_scores.h"
#include "client/server_child.h"
#include "core/time/partial_time.h"
#include "migration/case_resolver.h"
#include "migration/legacy_reader.h"
#include "migration/match/person_compare.h"
#include "migration/match/person_matcher.h"

ABSL_FLAG(std::string, febrl_dir, "/work/shared/data/febrl",
          "Folder with the Febrl dataset*.csv files (empty: skip Febrl)");
ABSL_FLAG(std::vector<std::string>, legacy_folders,
          std::vector<std::string>({"/work/shared/samples/legacy"}),
          "Import folders with truth.json whose nominal indexes to score too "
          "(generated ones have twins, siblings, nicknames and swapped dates)");
ABSL_FLAG(bool, explain, false,
          "Also print how review pairs and missed true pairs compare");
ABSL_FLAG(size_t, explain_rows, 25, "Rows of each --explain histogram");
ABSL_FLAG(bool, unreviewed_only, false,
          "With --explain: missed pairs only where no open review item joins them");
ABSL_FLAG(bool, examples, false, "With --explain: the records of a few missed pairs");
ABSL_FLAG(double, merge_score, casefile::migration::PersonMatcherOptions{}.merge_score,
          "PersonMatcherOptions::merge_score");
ABSL_FLAG(double, review_score, casefile::migration::PersonMatcherOptions{}.review_score,
          "PersonMatcherOptions::review_score");
ABSL_FLAG(bool, merge_day_month_swaps, casefile::migration::PersonMatcherOptions{}.merge_day_month_swaps,
          "PersonMatcherOptions::merge_day_month_swaps");
ABSL_FLAG(std::vector<std::string>, febrl_sets,
          std::vector<std::string>({"dataset1", "dataset2", "dataset3", "4a+4b"}),
          "Which Febrl sets to score");
ABSL_FLAG(int, scaled_copies, 48,
          "Ciphered copies of all Febrl records for the speed run (0: skip)");

namespace casefile::migration {
namespace {

struct Labelled {
  std::vector<PersonRecord> records;
  std::vector<std::string> entity;  // Febrl person number, for scoring only
};

// The Febrl records of one set (bench/support/febrl.h maps the columns) as
// the matcher's records.
Labelled FromFebrl(const std::vector<bench::FebrlRecord>& febrl) {
  Labelled out;
  for (const bench::FebrlRecord& f : febrl) {
    PersonRecord r;
    r.forename = f.forename;
    r.surname = f.surname;
    r.address_1 = f.address_1;
    r.address_2 = f.address_2;
    r.town = f.town;
    r.postcode = f.postcode;
    // Kept digit for digit even when not a real date: the comparison is
    // digit-wise.
    r.date_of_birth = f.date_of_birth;
    out.entity.push_back(f.entity);
    out.records.push_back(std::move(r));
  }
  return out;
}

// The nominal rows of a legacy import folder, labelled with truth.json's
// "nominals" (locator -> person).
bool ReadLegacyNominals(const std::filesystem::path& folder, Labelled& out) {
  auto truth = bench::ReadLegacyTruth(folder / "truth.json");
  if (!truth.ok()) return false;
  const absl::flat_hash_map<std::string, std::string>& person = truth->nominals;
  std::vector<LegacyFile> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
    if (!entry.is_regular_file() || entry.path().filename() == "truth.json") continue;
    files.push_back(ReadLegacyFile(
        entry.path().lexically_relative(folder).generic_string(), client::ReadWholeFile(entry.path())));
  }
  // The case each legacy reference resolves to, as an import resolves it
  // (the importer's reference index): nominal rows are told by their
  // source_ref which case file they were written in.
  std::vector<const LegacyEvent*> events;
  std::vector<CaseXref> xrefs;
  for (const LegacyFile& file : files) {
    for (const LegacyEvent& e : file.events) events.push_back(&e);
    xrefs.insert(xrefs.end(), file.xrefs.begin(), file.xrefs.end());
  }
  const CaseAssignment assignment =
      ResolveCases(events, xrefs, [](const std::string&) { return std::nullopt; });
  absl::flat_hash_map<std::string, std::string> case_of_ref;
  for (const CaseXref& x : xrefs) case_of_ref.emplace(NormalizeRef(x.legacy_ref), x.case_key);
  for (size_t i = 0; i < events.size(); ++i) {
    for (const std::string& ref : events[i]->legacy_refs) {
      case_of_ref.emplace(NormalizeRef(ref), assignment.case_of_event[i]);
    }
  }
  for (const LegacyFile& file : files) {
    for (const NominalRecord& n : file.nominals) {
      auto it = person.find(n.locator);
      if (it == person.end()) continue;
      auto found = case_of_ref.find(NormalizeRef(n.source_ref));
      out.records.push_back({n.forename, n.surname, n.date_of_birth, n.address_1,
                             n.address_2, n.town, n.postcode, n.source_ref,
                             found == case_of_ref.end() ? "" : found->second});
      out.entity.push_back(it->second);
    }
  }
  return true;
}

int64_t Pairs(int64_t k) { return k * (k - 1) / 2; }

// Histograms of the comparison reasons of review pairs, of true pairs left
// apart, and of false merges.
void Explain(const Labelled& data, const MatchResult& result) {
  const int n = static_cast<int>(data.records.size());
  std::vector<PersonKey> keys;
  for (const PersonRecord& r : data.records) keys.push_back(MakePersonKey(r));
  absl::flat_hash_map<std::string, int> review, missed, wrong;
  absl::flat_hash_map<std::string, std::vector<std::pair<int, int>>> examples;
  auto text = [&](int i) {
    const PersonRecord& r = data.records[i];
    return absl::StrCat(r.forename, "|", r.surname, "|", FormatPartialTime(r.date_of_birth), "|",
                        r.address_1, "|", r.address_2, "|", r.town, "|", r.postcode, "|",
                        r.case_name.empty() ? r.source_ref : r.case_name);
  };
  for (const MatchEvidence& e : result.review) {
    ++review[absl::StrCat(data.entity[e.a] == data.entity[e.b] ? "(true) " : "(false) ", e.reason)];
  }
  absl::flat_hash_map<std::string, std::vector<int>> members;
  for (int i = 0; i < n; ++i) members[data.entity[i]].push_back(i);
  absl::flat_hash_set<std::pair<int, int>> reviewed_clusters;
  for (const MatchEvidence& e : result.review) {
    reviewed_clusters.insert(std::minmax(result.cluster[e.a], result.cluster[e.b]));
  }
  for (const auto& [e, m] : members) {
    for (size_t i = 0; i < m.size(); ++i) {
      for (size_t j = i + 1; j < m.size(); ++j) {
        if (result.cluster[m[i]] == result.cluster[m[j]]) continue;
        if (absl::GetFlag(FLAGS_unreviewed_only) &&
            reviewed_clusters.contains(std::minmax(result.cluster[m[i]], result.cluster[m[j]]))) {
          continue;
        }
        const PersonComparison c = ComparePersons(keys[m[i]], keys[m[j]]);
        const std::string why =
            c.conflict ? absl::StrCat("forbidden ", c.Reason())
                       : absl::StrCat(c.strong ? "strong " : "",
                                      c.score >= absl::GetFlag(FLAGS_merge_score)    ? "merge-score "
                                      : c.score >= absl::GetFlag(FLAGS_review_score) ? "review-score "
                                                                                     : "low-score ",
                                      c.Reason());
        ++missed[why];
        if (examples[why].size() < 3) examples[why].emplace_back(m[i], m[j]);
      }
    }
  }
  for (const MatchEvidence& e : result.merges) {
    if (data.entity[e.a] != data.entity[e.b]) ++wrong[e.reason];
  }
  for (const auto& [title, histogram] : {std::pair{"review", &review},
                                   std::pair{"missed", &missed},
                                   std::pair{"wrong merge", &wrong}}) {
    std::vector<std::pair<int, std::string>> rows;
    for (const auto& [reason, count] : *histogram) rows.emplace_back(count, reason);
    std::sort(rows.rbegin(), rows.rend());
    std::printf("  %s:\n", title);
    for (size_t i = 0; i < rows.size() && i < absl::GetFlag(FLAGS_explain_rows); ++i) {
      std::printf("    %5d  %s\n", rows[i].first, rows[i].second.c_str());
      if (histogram != &missed || !absl::GetFlag(FLAGS_examples)) continue;
      for (const auto& [x, y] : examples[rows[i].second]) {
        std::printf("             %s\n             %s\n", text(x).c_str(), text(y).c_str());
      }
    }
  }
}

// The most pairs of `m` (one true person's records) that a clustering can
// hold: every cluster free of conflicts and connected by pairs in which a
// name agrees. By trying every partition of up to 9 records (larger groups
// count as their pairs without a conflict).
int64_t BestPairs(const std::vector<PersonKey>& keys, const std::vector<int>& m) {
  const int k = static_cast<int>(m.size());
  std::vector<std::vector<bool>> conflict(k, std::vector<bool>(k)), link(k, std::vector<bool>(k));
  int64_t unconflicted = 0;
  for (int i = 0; i < k; ++i) {
    for (int j = i + 1; j < k; ++j) {
      const PersonComparison c = ComparePersons(keys[m[i]], keys[m[j]]);
      conflict[i][j] = conflict[j][i] = c.conflict;
      link[i][j] = link[j][i] = !c.conflict && !c.no_name_agrees;
      if (!c.conflict) ++unconflicted;
    }
  }
  if (k > 9) return unconflicted;
  std::vector<int> block(k, 0);
  int64_t best = 0;
  // Restricted growth strings: block[i] <= 1 + max(block[0..i-1]).
  auto value = [&]() -> int64_t {
    int64_t pairs = 0;
    for (int b = 0; b < k; ++b) {
      std::vector<int> in;
      for (int i = 0; i < k; ++i) {
        if (block[i] == b) in.push_back(i);
      }
      if (in.size() < 2) continue;
      for (size_t x = 0; x < in.size(); ++x) {
        for (size_t y = x + 1; y < in.size(); ++y) {
          if (conflict[in[x]][in[y]]) return -1;
        }
      }
      std::vector<bool> reached(in.size(), false);
      std::vector<size_t> stack = {0};
      reached[0] = true;
      while (!stack.empty()) {
        const size_t x = stack.back();
        stack.pop_back();
        for (size_t y = 0; y < in.size(); ++y) {
          if (!reached[y] && link[in[x]][in[y]]) {
            reached[y] = true;
            stack.push_back(y);
          }
        }
      }
      if (std::count(reached.begin(), reached.end(), false) > 0) return -1;
      pairs += Pairs(static_cast<int64_t>(in.size()));
    }
    return pairs;
  };
  auto walk = [&](auto& self, int i, int used) -> void {
    if (i == k) {
      best = std::max(best, value());
      return;
    }
    for (int b = 0; b <= used && b < k; ++b) {
      block[i] = b;
      self(self, i + 1, std::max(used, b + 1));
    }
  };
  walk(walk, 0, 0);
  return best;
}

void Report(const std::string& name, const Labelled& data) {
  const auto start = std::chrono::steady_clock::now();
  const std::clock_t cpu_start = std::clock();
  PersonMatcherOptions options;
  options.merge_score = absl::GetFlag(FLAGS_merge_score);
  options.review_score = absl::GetFlag(FLAGS_review_score);
  options.merge_day_month_swaps = absl::GetFlag(FLAGS_merge_day_month_swaps);
  absl::StatusOr<MatchResult> result = MatchPersons(data.records, {}, options);
  const double seconds = std::chrono::duration<double>(
                             std::chrono::steady_clock::now() - start)
                             .count();
  const double cpu_seconds = double(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  if (!result.ok()) {
    std::printf("%s: %s\n", name.c_str(), result.status().ToString().c_str());
    return;
  }
  const int n = static_cast<int>(data.records.size());
  std::vector<bool> in_review(n, false);
  int64_t review_true = 0;
  bench::ReviewedClusters reviewed_clusters;
  for (const MatchEvidence& e : result->review) {
    in_review[e.a] = in_review[e.b] = true;
    if (data.entity[e.a] == data.entity[e.b]) ++review_true;
    reviewed_clusters.insert(std::minmax<int64_t>(result->cluster[e.a], result->cluster[e.b]));
  }
  const int reviewed = std::count(in_review.begin(), in_review.end(), true);
  const std::vector<int64_t> clusters(result->cluster.begin(), result->cluster.end());
  const bench::PairScores scores = bench::ScorePairs(data.entity, clusters, reviewed_clusters);
  const int64_t true_pairs = scores.true_pairs;

  // True pairs the safety rules forbid outright, and the most true pairs any
  // clustering could hold without a conflict inside a person and with each
  // person linked by pairs in which a name agrees (only for the small sets).
  int64_t forbidden = 0, ceiling = 0;
  if (n <= 50000) {
    absl::flat_hash_map<std::string, std::vector<int>> members;
    for (int i = 0; i < n; ++i) members[data.entity[i]].push_back(i);
    std::vector<PersonKey> keys;
    for (const PersonRecord& r : data.records) keys.push_back(MakePersonKey(r));
    for (const auto& [e, m] : members) {
      for (size_t i = 0; i < m.size(); ++i) {
        for (size_t j = i + 1; j < m.size(); ++j) {
          if (PersonsConflict(keys[m[i]], keys[m[j]])) ++forbidden;
        }
      }
      ceiling += BestPairs(keys, m);
    }
  }
  if (absl::GetFlag(FLAGS_explain)) Explain(data, *result);
  const int64_t permitted = true_pairs - forbidden;
  std::printf(
      "%-9s %8d  P %.4f  R %.4f  R+review %.4f  R(permitted) %.4f  R(ceiling) %.4f  "
      "forbidden %5.2f%%  "
      "review %zu items = %.2f%% of records (records in one: %.2f%%; %.0f%% true)  "
      "cpu %.3f s = %.0f rec/s (wall %.3f s)  %lld compared\n",
      name.c_str(), n, scores.Precision(), scores.Recall(), scores.RecallWithReview(),
      permitted ? double(scores.correct_pairs) / permitted : 1.0,
      true_pairs ? double(ceiling) / true_pairs : 1.0,
      true_pairs ? 100.0 * forbidden / true_pairs : 0.0, result->review.size(),
      100.0 * result->review.size() / n, 100.0 * reviewed / n,
      result->review.empty() ? 0.0 : 100.0 * review_true / result->review.size(),
      cpu_seconds, n / cpu_seconds, seconds,
      static_cast<long long>(result->candidate_pairs));
}

std::string Cipher(const std::string& s, const std::string& letters,
                   const std::string& digits) {
  std::string out = s;
  for (char& c : out) {
    const char lower = absl::ascii_tolower(static_cast<unsigned char>(c));
    if (lower >= 'a' && lower <= 'z') c = letters[lower - 'a'];
    if (c >= '0' && c <= '9') c = digits[c - '0'];
  }
  return out;
}

Labelled Scaled(const Labelled& base, int copies) {
  Labelled out;
  std::mt19937 rng(20240601);
  for (int c = 0; c < copies; ++c) {
    std::string letters = "abcdefghijklmnopqrstuvwxyz";
    std::string digits = "0123456789";
    if (c > 0) {
      std::shuffle(letters.begin(), letters.end(), rng);
      std::shuffle(digits.begin(), digits.end(), rng);
    }
    for (size_t i = 0; i < base.records.size(); ++i) {
      PersonRecord r = base.records[i];
      r.forename = Cipher(r.forename, letters, digits);
      r.surname = Cipher(r.surname, letters, digits);
      r.address_1 = Cipher(r.address_1, letters, digits);
      r.address_2 = Cipher(r.address_2, letters, digits);
      r.town = Cipher(r.town, letters, digits);
      // Febrl's 4-digit postcodes are far coarser than UK ones (~15 homes):
      // keep copies apart by postcode as a UK index would.
      if (!r.postcode.empty()) {
        r.postcode = absl::StrCat(Cipher(r.postcode, letters, digits), "x", c);
      }
      out.records.push_back(std::move(r));
      out.entity.push_back(absl::StrCat(c, "/", base.entity[i]));
    }
  }
  return out;
}

int Run() {
  const std::string dir = absl::GetFlag(FLAGS_febrl_dir);
  Labelled all;
  const std::vector<std::string> wanted = absl::GetFlag(FLAGS_febrl_sets);
  for (const bench::FebrlSet& set : dir.empty() ? std::span<const bench::FebrlSet>() : bench::FebrlSets()) {
    if (std::find(wanted.begin(), wanted.end(), set.name) == wanted.end()) continue;
    absl::StatusOr<std::vector<bench::FebrlRecord>> febrl = bench::ReadFebrlSet(dir, set);
    if (!febrl.ok()) {
      std::fprintf(stderr, "%s\n", febrl.status().ToString().c_str());
      return 1;
    }
    const Labelled data = FromFebrl(*febrl);
    Report(set.name, data);
    for (size_t i = 0; i < data.records.size(); ++i) {
      all.records.push_back(data.records[i]);
      all.entity.push_back(absl::StrCat(set.name, "/", data.entity[i]));
    }
  }
  for (const std::string& folder : absl::GetFlag(FLAGS_legacy_folders)) {
    Labelled data;
    if (!ReadLegacyNominals(folder, data)) {
      std::fprintf(stderr, "cannot read nominals of %s\n", folder.c_str());
      return 1;
    }
    Report(std::filesystem::path(folder).filename().string(), data);
  }
  const int copies = absl::GetFlag(FLAGS_scaled_copies);
  if (copies > 0) Report("scaled", Scaled(all, copies));
  return 0;
}

}  // namespace
}  // namespace casefile::migration

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  return casefile::migration::Run();
}
