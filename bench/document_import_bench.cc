// document_import_bench: issue 20's import target — a generated legacy folder
// with about 1,000 scanned documents (generate-legacy --documents_per_case),
// imported into a real casefiled in two batches that repeat a third of the
// documents, then checked against the generator's truth through the public
// API: every document attached exactly once to its case (ListDocuments, by
// content), every bad file and manifest row rejected (ListRejectedRecords).
// Reports time and throughput of each batch and of the stage "attaching
// documents", and compares the cost per document with a plain AttachDocument
// of the same files into a fresh casefiled in the same run.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <cstring>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "bench/support/child_server.h"
#include "bench/support/legacy_truth.h"
#include "bench/support/temp_dir.h"
#include "casefile/v1/case_service.grpc.pb.h"
#include "casefile/v1/document_service.grpc.pb.h"
#include "casefile/v1/import.grpc.pb.h"
#include "client/document_transfer.h"
#include "client/folder_upload.h"
#include "migration/document_paths.h"
#include "tools/legacy_generator/legacy_generator.h"

ABSL_FLAG(int, cases, 200, "Cases of the generated folder.");
ABSL_FLAG(int, documents_per_case, 5, "Scanned documents per case (plus repeats and bad ones).");
ABSL_FLAG(uint64_t, seed, 7, "Generator seed.");
ABSL_FLAG(int, large_mb, 50, "Size of the one large document (a TIFF) whose upload speed is measured both ways.");

namespace casefile::bench {
namespace {

namespace fs = std::filesystem;
constexpr char kToken[] = "document-import-bench-admin-1";
constexpr char kPurpose[] = "document import benchmark";

std::unique_ptr<grpc::ClientContext> Context() {
  auto c = std::make_unique<grpc::ClientContext>();
  c->AddMetadata("authorization", absl::StrCat("Bearer ", kToken));
  return c;
}

absl::StatusOr<std::unique_ptr<ChildServer>> StartCasefiled(const std::string& work, const std::string& name) {
  fs::create_directories(work + "/" + name);
  return ChildServer::Start(name, work,
                            {CASEFILED_PATH, "--data_dir=" + work + "/" + name, "--tokens_file=" + work + "/tokens",
                             "--listen=127.0.0.1:0"});
}

// Which of the two batches a document goes in: 0 only the first, 1 only the second, 2 both.
int BatchOf(const std::string& path) { return static_cast<int>(std::hash<std::string>()(path) % 3); }

struct BatchRun {
  v1::Import report;
  double seconds = 0;
  double attaching_seconds = 0;  // the stage "attaching documents"
  int64_t documents = 0;
  uint64_t document_bytes = 0;
};

absl::StatusOr<BatchRun> ImportBatch(ChildServer& server, const std::string& folder,
                                     const std::function<bool(const std::string&)>& include) {
  auto listing = client::ListFolder(folder, include);
  if (!listing.ok()) return listing.status();
  BatchRun run;
  for (const std::string& p : listing->paths) {
    if (!migration::IsScannedDocumentPath(p)) continue;
    ++run.documents;
    run.document_bytes += fs::file_size(fs::path(folder) / p);
  }
  auto stub = v1::ImportService::NewStub(server.channel());
  auto context = Context();
  absl::Time attaching_began, attaching_ended;
  const absl::Time start = absl::Now();
  client::UploadResult upload = client::UploadFolder(*stub, context.get(), *listing, {}, [&](const v1::ImportProgress& p) {
    if (absl::StartsWith(p.stage(), "attaching documents") && attaching_began == absl::Time()) attaching_began = absl::Now();
    if (p.stage() == "matching persons" && attaching_ended == absl::Time()) attaching_ended = absl::Now();
    return true;
  });
  run.seconds = absl::ToDoubleSeconds(absl::Now() - start);
  if (!upload.status.ok()) return absl::InternalError(absl::StrCat("import failed: ", upload.status.error_message()));
  run.report = upload.report;
  run.attaching_seconds = absl::ToDoubleSeconds(attaching_ended - attaching_began);
  return run;
}

absl::StatusOr<std::vector<v1::Rejection>> Rejections(ChildServer& server, const std::string& import) {
  auto stub = v1::ImportService::NewStub(server.channel());
  std::vector<v1::Rejection> out;
  v1::ListRejectedRecordsRequest request;
  request.set_parent(import);
  request.set_page_size(1000);
  while (true) {
    v1::ListRejectedRecordsResponse response;
    grpc::Status s = stub->ListRejectedRecords(Context().get(), request, &response);
    if (!s.ok()) return absl::InternalError(s.error_message());
    for (const v1::Rejection& r : response.rejections()) out.push_back(r);
    if (response.next_page_token().empty()) return out;
    request.set_page_token(response.next_page_token());
  }
}

void PrintBatch(const char* name, const BatchRun& run) {
  const v1::ImportCounts& c = run.report.counts();
  std::cout << absl::StrFormat(
      "%-8s %5d documents (%6.1f MB) in %6.2f s; attaching stage %6.2f s = %6.1f documents/s, %5.2f MB/s; "
      "attached %d, already attached %d, rejected %d\n",
      name, run.documents, run.document_bytes / 1e6, run.seconds, run.attaching_seconds,
      run.documents / run.attaching_seconds, run.document_bytes / 1e6 / run.attaching_seconds, c.documents_attached(),
      c.documents_already_attached(), c.documents_rejected());
}

int Run() {
  TempDir work;
  const std::string folder = work.path() + "/folder";
  legacy_generator::GeneratorOptions options;
  options.cases = absl::GetFlag(FLAGS_cases);
  options.seed = absl::GetFlag(FLAGS_seed);
  options.documents_per_case = absl::GetFlag(FLAGS_documents_per_case);
  auto summary = legacy_generator::GenerateLegacyFolder(options, folder);
  if (!summary.ok()) return std::cerr << summary.status() << "\n", 1;
  fs::rename(folder + "/truth.json", work.path() + "/truth.json");
  auto truth = ReadLegacyTruth(work.path() + "/truth.json");
  if (!truth.ok()) return std::cerr << truth.status() << "\n", 1;
  std::ofstream(work.path() + "/tokens") << kToken << " bench-admin admin Bench Admin\n";
  fs::permissions(work.path() + "/tokens", fs::perms::owner_read | fs::perms::owner_write);

  auto server = StartCasefiled(work.path(), "import");
  if (!server.ok()) return std::cerr << server.status() << "\n", 1;
  // Batch 1: the records and two thirds of the documents; batch 2: the
  // manifest and two thirds of the documents, half of them repeats.
  auto first = ImportBatch(**server, folder, [](const std::string& p) {
    return !migration::IsScannedDocumentPath(p) || BatchOf(p) != 1;
  });
  if (!first.ok()) return std::cerr << first.status() << "\n", 1;
  auto second = ImportBatch(**server, folder, [](const std::string& p) {
    return migration::IsDocumentManifestPath(p) || (migration::IsScannedDocumentPath(p) && BatchOf(p) != 0);
  });
  if (!second.ok()) return std::cerr << second.status() << "\n", 1;

  // Against the truth: each case holds each of its contents exactly once.
  std::map<std::string, std::map<std::string, int>> expected;  // case → content → 0
  std::set<std::string> reject_locators;
  int64_t truth_documents = 0;
  for (const auto& [locator, d] : truth->documents) {
    if (d.rejected) {
      reject_locators.insert(locator);
    } else {
      expected[d.case_key][d.content] = 0;
    }
    if (!absl::StrContains(locator, "#row=")) ++truth_documents;
  }
  auto documents = v1::DocumentService::NewStub((*server)->channel());
  int64_t linked = 0, twice = 0, unexpected = 0, missing = 0, wrong_case = 0;
  for (auto& [case_key, contents] : expected) {
    v1::ListDocumentsRequest request;
    request.set_parent("cases/" + case_key);
    request.set_purpose(kPurpose);
    v1::ListDocumentsResponse response;
    grpc::Status s = documents->ListDocuments(Context().get(), request, &response);
    if (!s.ok()) return std::cerr << case_key << ": " << s.error_message() << "\n", 1;
    for (const v1::Document& d : response.documents()) {
      ++linked;
      auto it = truth->documents.find(d.legacy_locator());
      if (it == truth->documents.end()) {
        ++unexpected;
      } else if (it->second.case_key != case_key) {
        ++wrong_case;
      } else if (it->second.rejected) {
        ++unexpected;
        std::cout << "attached though it should be rejected: " << d.legacy_locator() << "\n";
      } else if (++contents[it->second.content] > 1) {
        ++twice;
      }
    }
    for (const auto& [content, n] : contents) missing += n == 0;
  }
  std::set<std::string> rejected;
  for (const BatchRun* run : {&*first, &*second}) {
    auto listed = Rejections(**server, run->report.name());
    if (!listed.ok()) return std::cerr << listed.status() << "\n", 1;
    for (const v1::Rejection& r : *listed) rejected.insert(r.locator());
  }
  int64_t rejects_found = 0;
  for (const std::string& l : reject_locators) {
    if (rejected.contains(l)) {
      ++rejects_found;
    } else {
      std::cout << "not rejected: " << l << "\n";
    }
  }
  int64_t on_entry = 0, on_paper_file = 0;
  for (const BatchRun* run : {&*first, &*second}) {
    for (const v1::ImportedDocument& d : run->report.documents()) {
      auto it = truth->documents.find(d.locator());
      if (it == truth->documents.end() || it->second.event.empty()) continue;
      on_entry += d.how() == "entry of its date and kind";
      on_paper_file += d.how() == "documents from the paper file";
    }
  }

  // The same new documents of batch 1, each attached with AttachDocument to a fresh casefiled.
  auto plain = StartCasefiled(work.path(), "plain");
  if (!plain.ok()) return std::cerr << plain.status() << "\n", 1;
  auto cases = v1::CaseService::NewStub((*plain)->channel());
  v1::CreateCaseRequest create;
  create.mutable_case_()->set_title("Plain attach benchmark");
  v1::Case made;
  if (grpc::Status s = cases->CreateCase(Context().get(), create, &made); !s.ok())
    return std::cerr << s.error_message() << "\n", 1;
  v1::AppendEntryRequest append;
  append.set_parent(made.name());
  append.mutable_entry()->set_kind(v1::ENTRY_KIND_NOTE);
  append.mutable_entry()->set_text("Documents from the paper file");
  v1::Entry entry;
  if (grpc::Status s = cases->AppendEntry(Context().get(), append, &entry); !s.ok())
    return std::cerr << s.error_message() << "\n", 1;
  std::vector<std::string> plain_files;
  std::set<std::string> contents_seen;
  uint64_t plain_bytes = 0;
  for (const auto& [locator, d] : truth->documents) {
    if (d.rejected || BatchOf(locator) == 1 || !contents_seen.insert(d.content).second) continue;
    plain_files.push_back(locator);
    plain_bytes += fs::file_size(fs::path(folder) / locator);
  }
  auto plain_documents = v1::DocumentService::NewStub((*plain)->channel());
  const absl::Time plain_start = absl::Now();
  for (const std::string& locator : plain_files) {
    v1::AttachDocumentStart start;
    start.set_entry(entry.name());
    start.set_file_name(fs::path(locator).filename().string());
    start.set_purpose(kPurpose);
    v1::Document attached;
    grpc::Status s = client::AttachDocumentFile(*plain_documents, *Context(), start, folder + "/" + locator, &attached);
    if (!s.ok()) return std::cerr << locator << ": " << s.error_message() << "\n", 1;
  }
  const double plain_seconds = absl::ToDoubleSeconds(absl::Now() - plain_start);

  // Upload speed of one large document: an import of just it, then AttachDocument of the same file.
  const std::string large_folder = work.path() + "/large";
  const std::string large_path = "documents/" + expected.begin()->first + "/scan.tif";
  fs::create_directories((fs::path(large_folder) / large_path).parent_path());
  {
    std::ofstream out(fs::path(large_folder) / large_path, std::ios::binary);
    std::string block(1 << 20, '\0');
    uint64_t x = 88172645463325252ull;
    for (int mb = 0; mb < absl::GetFlag(FLAGS_large_mb); ++mb) {
      for (size_t i = 0; i < block.size(); i += 8) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        std::memcpy(&block[i], &x, 8);
      }
      if (mb == 0) std::memcpy(block.data(), "II*\0", 4);
      out.write(block.data(), block.size());
    }
  }
  const double large_mb = fs::file_size(fs::path(large_folder) / large_path) / double(1 << 20);
  auto large = ImportBatch(**server, large_folder, {});
  if (!large.ok()) return std::cerr << large.status() << "\n", 1;
  const absl::Time large_plain_start = absl::Now();
  {
    v1::AttachDocumentStart start;
    start.set_entry(entry.name());
    start.set_file_name("scan.tif");
    start.set_purpose(kPurpose);
    v1::Document attached;
    grpc::Status s = client::AttachDocumentFile(*plain_documents, *Context(), start, large_folder + "/" + large_path,
                                                &attached);
    if (!s.ok()) return std::cerr << "large: " << s.error_message() << "\n", 1;
  }
  const double large_plain_seconds = absl::ToDoubleSeconds(absl::Now() - large_plain_start);

  std::cout << absl::StrFormat("folder: %d cases, %d records, %d documents (%d bad files and manifest rows)\n",
                               summary->cases, summary->records(), truth_documents, reject_locators.size());
  PrintBatch("batch 1", *first);
  PrintBatch("batch 2", *second);
  std::cout << absl::StrFormat(
      "truth: %d documents linked; contents missing %d, linked twice %d, in a wrong case %d, not in the truth or rejects %d; "
      "rejections found %d of %d\n",
      linked, missing, twice, wrong_case, unexpected, rejects_found, reject_locators.size());
  std::cout << absl::StrFormat(
      "documents whose manifest gives a day and kind: %d on the entry of that day and kind, %d on the case's "
      "'documents from the paper file' (no single such entry)\n",
      on_entry, on_paper_file);
  const double import_ms = 1000 * first->attaching_seconds / first->documents;
  const double plain_ms = 1000 * plain_seconds / plain_files.size();
  std::cout << absl::StrFormat(
      "per document: import (batch 1's attaching stage) %.2f ms, plain AttachDocument %.2f ms "
      "(%d files, %.1f MB, %.1f documents/s, %.2f MB/s): ratio %.2f\n",
      import_ms, plain_ms, plain_files.size(), plain_bytes / 1e6, plain_files.size() / plain_seconds,
      plain_bytes / 1e6 / plain_seconds, import_ms / plain_ms);
  std::cout << absl::StrFormat(
      "one %.0f MiB document: import %.2f s = %.0f MiB/s (attached %d), plain AttachDocument %.2f s = %.0f MiB/s\n",
      large_mb, large->seconds, large_mb / large->seconds, large->report.counts().documents_attached(),
      large_plain_seconds, large_mb / large_plain_seconds);
  const bool ok = missing == 0 && twice == 0 && wrong_case == 0 && unexpected == 0 &&
                  rejects_found == static_cast<int64_t>(reject_locators.size());
  std::cout << (ok ? "every document attached once to the right case: OK\n" : "MISMATCH against the truth\n");
  return ok ? 0 : 1;
}

}  // namespace
}  // namespace casefile::bench

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("Imports a generated folder with ~1,000 scanned documents in two batches and checks it.");
  absl::ParseCommandLine(argc, argv);
  return casefile::bench::Run();
}
