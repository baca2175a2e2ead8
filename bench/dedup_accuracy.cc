// dedup_accuracy: imports a legacy folder that has a truth.json into a real
// casefiled, through the public API only, and scores what the import merged:
// pairwise precision and recall of the events merged automatically, the share
// of event records sent to review, and the import's rate and peak memory.
//
//   dedup_accuracy --folder ../shared/samples/legacy
//   dedup_accuracy --cases 200 --seed 7           # a fresh generated folder
//   dedup_accuracy --records 1000000 --seed 1     # the speed target
#include <sys/resource.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/notification.h"
#include "absl/time/clock.h"
#include "bench/support/child_server.h"
#include "bench/support/legacy_truth.h"
#include "casefile/v1/case_service.grpc.pb.h"
#include "casefile/v1/import.grpc.pb.h"
#include "client/folder_upload.h"
#include "tools/legacy_generator/legacy_generator.h"

ABSL_FLAG(std::string, folder, "", "A legacy folder with truth.json; empty: generate one.");
ABSL_FLAG(int64_t, cases, 200, "Cases to generate when --folder is empty.");
ABSL_FLAG(int64_t, records, 0, "If set, generate about this many records instead of --cases.");
ABSL_FLAG(uint64_t, seed, 7, "Generator seed.");
ABSL_FLAG(std::string, work_dir, "", "Scratch folder (default: a new one under /tmp).");
ABSL_FLAG(int, explain, 0, "Print up to this many wrong merges and missed pairs.");

namespace casefile::bench {
namespace {

namespace fs = std::filesystem;
constexpr char kToken[] = "accuracy-operator-token-0001";

std::unique_ptr<grpc::ClientContext> Context() {
  auto c = std::make_unique<grpc::ClientContext>();
  c->AddMetadata("authorization", absl::StrCat("Bearer ", kToken));
  return c;
}

// Live entries of every case, each as its source locators.
std::vector<std::vector<std::string>> PredictedEntries(v1::CaseService::Stub& stub) {
  std::vector<std::vector<std::string>> entries;
  v1::ListCasesRequest list;
  list.set_page_size(1000);
  while (true) {
    v1::ListCasesResponse cases;
    if (!stub.ListCases(Context().get(), list, &cases).ok()) break;
    for (const v1::Case& c : cases.cases()) {
      v1::GetCaseFileRequest request;
      request.set_name(c.name());
      request.set_purpose("deduplication accuracy measurement");
      auto context = Context();
      auto reader = stub.GetCaseFile(context.get(), request);
      v1::GetCaseFileResponse chunk;
      while (reader->Read(&chunk)) {
        for (const v1::Entry& e : chunk.entries()) {
          if (!e.superseded_by().empty() || e.sources().empty()) continue;
          std::vector<std::string> locators;
          for (const v1::Source& s : e.sources()) locators.push_back(s.locator());
          entries.push_back(std::move(locators));
        }
      }
      reader->Finish();
    }
    if (cases.next_page_token().empty()) break;
    list.set_page_token(cases.next_page_token());
  }
  return entries;
}

// A field of /proc/PID/status in KiB ("VmHWM", "RssAnon", "RssFile"); -1 if absent.
int64_t StatusKb(pid_t pid, absl::string_view field) {
  std::ifstream status(absl::StrCat("/proc/", pid, "/status"));
  const std::string prefix = absl::StrCat(field, ":");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind(prefix, 0) == 0) return std::atoll(line.c_str() + prefix.size());
  }
  return -1;
}

// The kernel keeps only the peak of the sum (VmHWM). Its two parts, the heap
// (anonymous) and the file-backed pages (mostly the store's LMDB map: page
// cache mapped into the process), peak at different times; sampled every
// 100 ms.
class RssSampler {
 public:
  explicit RssSampler(pid_t pid)
      : thread_([this, pid] {
          do {
            peak_anon_kb_ = std::max(peak_anon_kb_, StatusKb(pid, "RssAnon"));
            peak_file_kb_ = std::max(peak_file_kb_, StatusKb(pid, "RssFile"));
          } while (!stop_.WaitForNotificationWithTimeout(absl::Milliseconds(100)));
        }) {}
  // Stops sampling; then the peaks may be read.
  void Stop() {
    if (!stop_.HasBeenNotified()) stop_.Notify();
    if (thread_.joinable()) thread_.join();
  }
  ~RssSampler() { Stop(); }
  int64_t peak_anon_kb() const { return peak_anon_kb_; }
  int64_t peak_file_kb() const { return peak_file_kb_; }

 private:
  absl::Notification stop_;
  int64_t peak_anon_kb_ = 0;
  int64_t peak_file_kb_ = 0;
  std::thread thread_;  // last: starts after the fields it writes
};

// User + system CPU seconds the process has used so far.
double CpuSeconds(pid_t pid) {
  std::ifstream stat(absl::StrCat("/proc/", pid, "/stat"));
  std::string line;
  std::getline(stat, line);
  // Fields after the command name (which may hold spaces) in parentheses.
  std::vector<std::string> fields = absl::StrSplit(line.substr(line.rfind(')') + 2), ' ');
  if (fields.size() < 13) return -1;
  return (std::atof(fields[11].c_str()) + std::atof(fields[12].c_str())) / sysconf(_SC_CLK_TCK);
}

int Run() {
  std::string work = absl::GetFlag(FLAGS_work_dir);
  if (!work.empty()) fs::create_directories(work);
  if (work.empty()) {
    std::string pattern = "/tmp/dedup-accuracy-XXXXXX";
    work = mkdtemp(pattern.data());
  }
  std::string folder = absl::GetFlag(FLAGS_folder);
  std::string truth_path = folder + "/truth.json";
  if (folder.empty()) {
    legacy_generator::GeneratorOptions options;
    options.cases = absl::GetFlag(FLAGS_cases);
    options.target_records = absl::GetFlag(FLAGS_records);
    options.seed = absl::GetFlag(FLAGS_seed);
    folder = work + "/legacy";
    auto summary = legacy_generator::GenerateLegacyFolder(options, folder);
    if (!summary.ok()) {
      std::cerr << summary.status() << "\n";
      return 1;
    }
    truth_path = work + "/truth.json";
    fs::rename(folder + "/truth.json", truth_path);
  }
  std::ofstream(work + "/tokens") << kToken << " accuracy operator Accuracy Operator\n";
  auto server = ChildServer::Start("casefiled", work,
                                   {CASEFILED_PATH, "--data_dir=" + work + "/data", "--tokens_file=" + work + "/tokens",
                                    "--listen=127.0.0.1:0"});
  if (!server.ok()) {
    std::cerr << server.status() << "\n";
    return 1;
  }
  auto listing = client::ListFolder(folder, [](const std::string& p) { return p != "truth.json"; });
  if (!listing.ok()) {
    std::cerr << listing.status() << "\n";
    return 1;
  }
  auto import_stub = v1::ImportService::NewStub((*server)->channel());
  auto context = Context();
  RssSampler rss((*server)->pid());
  const absl::Time start = absl::Now();
  // When each stage the server reports began: where the import's time goes.
  std::vector<std::pair<std::string, absl::Time>> stages;
  client::UploadResult upload =
      client::UploadFolder(*import_stub, context.get(), *listing, {}, [&](const v1::ImportProgress& p) {
        if (!p.stage().empty() && (stages.empty() || stages.back().first != p.stage()))
          stages.emplace_back(p.stage(), absl::Now());
        return true;
      });
  const double seconds = absl::ToDoubleSeconds(absl::Now() - start);
  if (!upload.status.ok()) {
    std::cerr << "import failed: " << upload.status.error_message() << "\n";
    return 1;
  }
  const int64_t peak_kb = StatusKb((*server)->pid(), "VmHWM");
  rss.Stop();
  const double server_cpu = CpuSeconds((*server)->pid());

  auto legacy_truth = ReadLegacyTruth(truth_path);
  if (!legacy_truth.ok()) {
    std::cerr << legacy_truth.status() << "\n";
    return 1;
  }
  std::map<std::string, std::string> truth;  // locator → event, ordered: --explain prints stably
  for (const auto& [locator, record] : legacy_truth->records) truth[locator] = record.event;
  auto case_stub = v1::CaseService::NewStub((*server)->channel());
  std::vector<std::vector<std::string>> predicted = PredictedEntries(*case_stub);
  // Pairwise scores over the records truth knows.
  int64_t predicted_pairs = 0, correct_pairs = 0, records = 0;
  for (const auto& entry : predicted) {
    records += entry.size();
    for (size_t i = 0; i < entry.size(); ++i)
      for (size_t j = i + 1; j < entry.size(); ++j) {
        ++predicted_pairs;
        correct_pairs += truth.count(entry[i]) && truth.count(entry[j]) && truth[entry[i]] == truth[entry[j]];
      }
  }
  int explain = absl::GetFlag(FLAGS_explain);
  std::map<std::string, size_t> entry_of;
  for (size_t k = 0; k < predicted.size(); ++k) {
    for (const std::string& l : predicted[k]) entry_of[l] = k;
    for (size_t i = 0; i < predicted[k].size() && explain > 0; ++i)
      for (size_t j = i + 1; j < predicted[k].size() && explain > 0; ++j)
        if (truth[predicted[k][i]] != truth[predicted[k][j]] && explain-- > 0)
          std::cout << "WRONG MERGE  " << predicted[k][i] << "  |  " << predicted[k][j] << "\n";
  }
  explain = absl::GetFlag(FLAGS_explain);
  std::map<std::string, std::vector<std::string>> by_event;
  for (const auto& [locator, event] : truth) by_event[event].push_back(locator);
  for (const auto& [event, members] : by_event)
    for (size_t i = 0; i < members.size() && explain > 0; ++i)
      for (size_t j = i + 1; j < members.size() && explain > 0; ++j)
        if (entry_of[members[i]] != entry_of[members[j]] && explain-- > 0)
          std::cout << "MISSED       " << members[i] << "  |  " << members[j] << "\n";
  std::map<std::string, int64_t> event_sizes;
  for (const auto& [locator, event] : truth) event_sizes[event]++;
  int64_t true_pairs = 0;
  for (const auto& [event, n] : event_sizes) true_pairs += n * (n - 1) / 2;
  // Records in open event review items.
  std::set<std::string> in_review;
  v1::ListReviewItemsRequest review;
  review.set_page_size(1000);
  while (true) {
    v1::ListReviewItemsResponse items;
    if (!import_stub->ListReviewItems(Context().get(), review, &items).ok()) break;
    for (const auto& item : items.review_items()) {
      if (item.kind() != v1::ReviewItem::KIND_EVENT) continue;
      in_review.insert(item.left().locator());
      in_review.insert(item.right().locator());
    }
    if (items.next_page_token().empty()) break;
    review.set_page_token(items.next_page_token());
  }
  const v1::ImportCounts& c = upload.report.counts();
  std::cout << absl::StrFormat(
      "folder            %s\n"
      "event records     %d in truth, %d imported as sources\n"
      "pairs             %d true, %d merged automatically, %d of them right\n"
      "precision         %.4f\n"
      "recall            %.4f\n"
      "review share      %.4f  (%d event records in review items)\n"
      "import            %d records read in %.2f s = %.0f records/s (upload + import, durable)\n"
      "casefiled         %.1f MiB peak resident (sampled peaks: heap %.1f MiB, file-backed %.1f MiB), "
      "%.1f s CPU (user + system) up to the report\n"
      "report            %d new entries, %d exact + %d near merged, %d to review (events and persons), %d persons\n",
      folder, truth.size(), records, true_pairs, predicted_pairs, correct_pairs,
      predicted_pairs ? static_cast<double>(correct_pairs) / predicted_pairs : 1.0,
      true_pairs ? static_cast<double>(correct_pairs) / true_pairs : 1.0,
      truth.empty() ? 0.0 : static_cast<double>(in_review.size()) / truth.size(), in_review.size(),
      c.records_read(), seconds, c.records_read() / seconds, peak_kb / 1024.0, rss.peak_anon_kb() / 1024.0,
      rss.peak_file_kb() / 1024.0, server_cpu, c.new_entries(),
      c.exact_duplicates_merged(), c.near_duplicates_merged(), c.sent_to_review(), c.persons());
  std::cout << "stages           ";
  for (size_t i = 0; i < stages.size(); ++i) {
    const absl::Time end = i + 1 < stages.size() ? stages[i + 1].second : start + absl::Seconds(seconds);
    std::cout << absl::StrFormat(" %s %.2f s;", stages[i].first, absl::ToDoubleSeconds(end - stages[i].second));
  }
  std::cout << absl::StrFormat(" (upload before the first: %.2f s)\n",
                               stages.empty() ? seconds : absl::ToDoubleSeconds(stages[0].second - start));
  return (*server)->Stop().ok() ? 0 : 1;
}

}  // namespace
}  // namespace casefile::bench

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("Scores legacy deduplication through the public API. See bench/README.md.");
  absl::ParseCommandLine(argc, argv);
  return casefile::bench::Run();
}
