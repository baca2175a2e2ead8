// febrl_api_accuracy: the person targets of issue 18 on the public Febrl data
// sets, measured end to end through the API of a real casefiled.
//
// For each data set (dataset3 and 4a+4b by default) it writes a legacy folder
// holding one nominal index CSV (LEGACY_FORMATS.md §5; Febrl columns mapped
// as bench/support/febrl.h says, rec_id hidden: nominal_ref is the row
// number), starts a fresh casefiled on its own store, imports the folder
// through ImportService, then reads every person back with
// PersonService.ListPersons (page by page) and the open review items with
// ImportService.ListReviewItems, and scores the persons' sources against
// Febrl's rec_id truth:
//  - automatic pairwise precision (target >= 0.999);
//  - recall with review: true pairs in one person, or in two persons that
//    one open person review item joins (target >= 0.985);
//  - open person review items as a share of the person records (<= 4%);
//  - automatic recall, reported (issue 18 part 5: not targeted).
// The matcher alone on the same rows: person_accuracy (which keeps a corrupt
// Febrl date digit for digit, where the import's reader keeps what it can
// read of it).
//
//   febrl_api_accuracy [--febrl_dir=/work/shared/data/febrl] [--sets=dataset3,4a+4b]
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "bench/support/child_server.h"
#include "bench/support/febrl.h"
#include "bench/support/paging.h"
#include "bench/support/pair_scores.h"
#include "bench/support/temp_dir.h"
#include "casefile/v1/import.grpc.pb.h"
#include "casefile/v1/person.grpc.pb.h"
#include "client/folder_upload.h"

ABSL_FLAG(std::string, febrl_dir, "/work/shared/data/febrl", "Folder with the Febrl dataset*.csv files.");
ABSL_FLAG(std::vector<std::string>, sets, std::vector<std::string>({"dataset3", "4a+4b"}),
          "Febrl sets to import and score (dataset1, dataset2, dataset3, 4a+4b).");
ABSL_FLAG(std::string, casefiled, CASEFILED_PATH, "The casefiled binary to run.");
ABSL_FLAG(int, explain, 0, "Print up to this many true pairs left in two persons that no open review item joins.");
ABSL_FLAG(std::string, work_dir, "", "Scratch folder (default: a new one under $TMPDIR, removed after).");

namespace casefile::bench {
namespace {

namespace fs = std::filesystem;
constexpr char kToken[] = "febrl-api-operator-token-0001";
constexpr char kIndexFile[] = "nominal_index.csv";
// Issue 18's targets.
constexpr double kPrecisionTarget = 0.999;
constexpr double kRecallWithReviewTarget = 0.985;
constexpr double kReviewShareTarget = 0.04;

absl::Status GrpcStatus(const char* call, const grpc::Status& s) {
  return s.ok() ? absl::OkStatus() : absl::InternalError(absl::StrCat(call, ": ", s.error_message()));
}

std::unique_ptr<grpc::ClientContext> Context() {
  auto c = std::make_unique<grpc::ClientContext>();
  c->AddMetadata("authorization", absl::StrCat("Bearer ", kToken));
  return c;
}

// A CSV field, quoted when it must be (RFC 4180).
std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// Writes `records` as <folder>/nominal_index.csv; row N (from 1) is record N-1.
absl::Status WriteNominalIndex(const std::string& folder, const std::vector<FebrlRecord>& records) {
  fs::create_directories(folder);
  std::ofstream out(absl::StrCat(folder, "/", kIndexFile));
  out << "nominal_ref,forename,surname,date_of_birth,address_1,address_2,town,postcode,source_ref\n";
  for (size_t i = 0; i < records.size(); ++i) {
    const FebrlRecord& r = records[i];
    out << "N" << (i + 1);
    for (const std::string* f : {&r.forename, &r.surname, &r.date_of_birth_raw, &r.address_1, &r.address_2,
                                 &r.town, &r.postcode}) {
      out << "," << CsvField(*f);
    }
    out << ",\n";  // no source_ref: Febrl rows name no case file
  }
  out.close();
  if (!out) return absl::InternalError(absl::StrCat("cannot write ", folder, "/", kIndexFile));
  return absl::OkStatus();
}

struct SetResult {
  std::string name;
  int64_t records = 0;
  int64_t records_read = 0;      // the import report's count
  int64_t records_in_persons = 0;  // sources of listed persons that are rows of the index
  int64_t persons = 0;
  int64_t review_items = 0;      // open person items
  int64_t review_items_true = 0;  // of them, joining records of one Febrl person
  double import_seconds = 0;
  PairScores scores;
};

void PrintTable(const SetResult& r) {
  std::printf(
      "\nFebrl %s through the API: %lld records written, %lld read by the import (%.2f s, upload + "
      "import), %lld in %lld persons listed\n",
      r.name.c_str(), static_cast<long long>(r.records), static_cast<long long>(r.records_read),
      r.import_seconds, static_cast<long long>(r.records_in_persons), static_cast<long long>(r.persons));
  const double share = r.records ? double(r.review_items) / r.records : 0;
  std::printf("  %-38s %10s %10s  %s\n", "measure", "value", "target", "verdict");
  auto row = [](const char* what, const std::string& value, const std::string& target, bool met) {
    std::printf("  %-38s %10s %10s  %s\n", what, value.c_str(), target.c_str(), met ? "met" : "MISSED");
  };
  row("automatic pairwise precision", absl::StrFormat("%.4f", r.scores.Precision()),
      absl::StrFormat(">= %.3f", kPrecisionTarget), r.scores.Precision() >= kPrecisionTarget);
  row("recall with review", absl::StrFormat("%.4f", r.scores.RecallWithReview()),
      absl::StrFormat(">= %.3f", kRecallWithReviewTarget), r.scores.RecallWithReview() >= kRecallWithReviewTarget);
  row("review items / person records", absl::StrFormat("%.2f%%", 100 * share),
      absl::StrFormat("<= %.0f%%", 100 * kReviewShareTarget), share <= kReviewShareTarget);
  std::printf("  %-38s %10s %10s  %s\n", "automatic recall", absl::StrFormat("%.4f", r.scores.Recall()).c_str(),
              "-", "reported, not targeted");
  std::printf("  %-38s %10lld %10s  %lld true pairs, %lld merged, %lld of them right; %lld of the items join "
              "one Febrl person\n",
              "open person review items", static_cast<long long>(r.review_items), "-",
              static_cast<long long>(r.scores.true_pairs), static_cast<long long>(r.scores.merged_pairs),
              static_cast<long long>(r.scores.correct_pairs), static_cast<long long>(r.review_items_true));
}

std::string Describe(const FebrlRecord& r) {
  return absl::StrCat(r.forename, "|", r.surname, "|", r.date_of_birth_raw, "|", r.address_1, "|", r.address_2, "|",
                      r.town, "|", r.postcode);
}

// --explain: true pairs in two persons that no open review item joins.
void ExplainMissed(const std::vector<FebrlRecord>& records, const std::vector<int64_t>& cluster,
                   const ReviewedClusters& reviewed) {
  int left = absl::GetFlag(FLAGS_explain);
  absl::flat_hash_map<std::string, std::vector<size_t>> members;
  for (size_t i = 0; i < records.size(); ++i) members[records[i].entity].push_back(i);
  for (size_t i = 0; i < records.size() && left > 0; ++i) {
    for (size_t j : members[records[i].entity]) {
      if (j <= i || cluster[i] == cluster[j] || reviewed.contains(std::minmax(cluster[i], cluster[j]))) continue;
      if (left-- <= 0) break;
      std::printf("MISSED  %s\n        %s\n", Describe(records[i]).c_str(), Describe(records[j]).c_str());
    }
  }
}

absl::StatusOr<SetResult> RunSet(const FebrlSet& set, const std::string& work) {
  absl::StatusOr<std::vector<FebrlRecord>> records = ReadFebrlSet(absl::GetFlag(FLAGS_febrl_dir), set);
  if (!records.ok()) return records.status();
  const std::string folder = absl::StrCat(work, "/legacy");
  if (absl::Status s = WriteNominalIndex(folder, *records); !s.ok()) return s;
  // Locator of each row -> its record.
  absl::flat_hash_map<std::string, int64_t> record_of;
  for (size_t i = 0; i < records->size(); ++i) record_of[absl::StrCat(kIndexFile, "#row=", i + 1)] = i;

  std::ofstream(work + "/tokens") << kToken << " febrl operator Febrl Operator\n";
  fs::permissions(work + "/tokens", fs::perms::owner_read | fs::perms::owner_write);
  auto server = ChildServer::Start("casefiled", work,
                                   {absl::GetFlag(FLAGS_casefiled), "--data_dir=" + work + "/data",
                                    "--tokens_file=" + work + "/tokens", "--listen=127.0.0.1:0"});
  if (!server.ok()) return server.status();
  auto listing = client::ListFolder(folder, [](const std::string&) { return true; });
  if (!listing.ok()) return listing.status();
  auto import_stub = v1::ImportService::NewStub((*server)->channel());
  SetResult result;
  result.name = set.name;
  result.records = static_cast<int64_t>(records->size());
  const absl::Time start = absl::Now();
  {
    auto context = Context();
    client::UploadResult upload =
        client::UploadFolder(*import_stub, context.get(), *listing, {}, [](const v1::ImportProgress&) { return true; });
    if (!upload.status.ok()) return absl::InternalError(absl::StrCat("import: ", upload.status.error_message()));
    result.records_read = upload.report.counts().records_read();
  }
  result.import_seconds = absl::ToDoubleSeconds(absl::Now() - start);

  // Every person, page by page: the person each row is in.
  std::vector<int64_t> cluster(records->size(), -1);
  auto person_stub = v1::PersonService::NewStub((*server)->channel());
  v1::ListPersonsRequest persons;
  persons.set_page_size(1000);
  absl::Status listed = ForEachPage<v1::ListPersonsRequest, v1::ListPersonsResponse>(
      persons,
      [&](const v1::ListPersonsRequest& request, v1::ListPersonsResponse& page) {
        return GrpcStatus("ListPersons", person_stub->ListPersons(Context().get(), request, &page));
      },
      [&](const v1::ListPersonsResponse& page) {
        for (const v1::Person& p : page.persons()) {
          const int64_t id = result.persons++;
          for (const v1::PersonSource& source : p.sources()) {
            auto it = record_of.find(source.locator());
            if (it == record_of.end()) continue;
            if (cluster[it->second] < 0) ++result.records_in_persons;
            cluster[it->second] = id;
          }
        }
      });
  if (!listed.ok()) return listed;
  // A row no person holds (there should be none) counts as a person of its own.
  for (int64_t& c : cluster) {
    if (c < 0) c = result.persons++;
  }

  // Open person review items, as pairs of persons.
  std::vector<std::string> truth;
  for (const FebrlRecord& r : *records) truth.push_back(r.entity);
  ReviewTally review;
  v1::ListReviewItemsRequest items;
  items.set_page_size(1000);
  listed = ForEachPage<v1::ListReviewItemsRequest, v1::ListReviewItemsResponse>(
      items,
      [&](const v1::ListReviewItemsRequest& request, v1::ListReviewItemsResponse& page) {
        return GrpcStatus("ListReviewItems", import_stub->ListReviewItems(Context().get(), request, &page));
      },
      [&](const v1::ListReviewItemsResponse& page) {
        for (const v1::ReviewItem& item : page.review_items()) TallyReviewItem(item, record_of, truth, cluster, review);
      });
  if (!listed.ok()) return listed;
  result.review_items = review.items;
  result.review_items_true = review.joining_one_entity;
  result.scores = ScorePairs(truth, cluster, review.reviewed);
  ExplainMissed(*records, cluster, review.reviewed);
  if (absl::Status s = (*server)->Stop(); !s.ok()) return s;
  return result;
}

int Run() {
  const std::vector<std::string> wanted = absl::GetFlag(FLAGS_sets);
  std::string base = absl::GetFlag(FLAGS_work_dir);
  if (!base.empty()) fs::create_directories(base);
  TempDir scratch(base);
  if (scratch.path().empty()) return std::fprintf(stderr, "cannot make a scratch folder\n"), 1;
  std::vector<SetResult> results;
  for (const std::string& name : wanted) {
    const FebrlSet* set = nullptr;
    for (const FebrlSet& s : FebrlSets()) {
      if (s.name == name) set = &s;
    }
    if (set == nullptr) return std::fprintf(stderr, "no Febrl set named %s\n", name.c_str()), 1;
    const std::string work = absl::StrCat(scratch.path(), "/", results.size());
    fs::create_directories(work);
    absl::StatusOr<SetResult> result = RunSet(*set, work);
    if (!result.ok()) return std::fprintf(stderr, "%s: %s\n", name.c_str(), result.status().ToString().c_str()), 1;
    PrintTable(*result);
    results.push_back(*std::move(result));
  }
  std::printf("\nsummary   %-8s %-10s %-12s %-8s (targets: P >= %.3f, R+review >= %.3f, review <= %.0f%%)\n", "P",
              "R+review", "review", "R", kPrecisionTarget, kRecallWithReviewTarget, 100 * kReviewShareTarget);
  for (const SetResult& r : results) {
    std::printf("%-9s %.4f   %.4f     %5.2f%%       %.4f\n", r.name.c_str(), r.scores.Precision(),
                r.scores.RecallWithReview(), r.records ? 100.0 * r.review_items / r.records : 0.0, r.scores.Recall());
  }
  return 0;
}

}  // namespace
}  // namespace casefile::bench

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Imports Febrl dataset3 and 4a+4b as nominal indexes into a real casefiled through the API and scores "
      "the persons against issue 18's targets. See bench/README.md.");
  absl::ParseCommandLine(argc, argv);
  return casefile::bench::Run();
}
