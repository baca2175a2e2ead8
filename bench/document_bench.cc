// document_bench: upload and download throughput of a large document through
// casefiled (DocumentService), against the disk's own sequential write rate
// measured in the same run (issue 20: upload ≥ 0.5× the disk's rate).
//
//   build/bench/document_bench [--mb=50] [--runs=3]
//
// Each run writes --mb MiB to a file in 1 MiB blocks and syncs it (what `dd
// bs=1M conv=fsync` does), then attaches a document of the same size to an
// entry (a TIFF: content with no text to extract, so the figure is the
// transfer, hashing and durable placement), then downloads it. Runs
// alternate so that both meet the same disk; medians are reported.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "bench/support/child_server.h"
#include "bench/support/temp_dir.h"
#include "casefile/v1/case_service.grpc.pb.h"
#include "casefile/v1/document_service.grpc.pb.h"
#include "client/document_transfer.h"

ABSL_FLAG(int, mb, 50, "Size of the document and of the disk write, in MiB.");
ABSL_FLAG(int, runs, 3, "Runs of each (alternating); medians are reported.");

namespace casefile {
namespace {

constexpr char kToken[] = "document-bench-investigator-0001";

std::unique_ptr<grpc::ClientContext> Context() {
  auto c = std::make_unique<grpc::ClientContext>();
  c->AddMetadata("authorization", absl::StrCat("Bearer ", kToken));
  return c;
}

// One MiB block of content the run sends or writes, starting like a TIFF.
std::string Block(int i) {
  std::string block(1 << 20, '\0');
  std::mt19937_64 random(static_cast<uint64_t>(i) + 1);
  for (size_t at = 0; at < block.size(); at += 8) {
    const uint64_t v = random();
    std::memcpy(block.data() + at, &v, 8);
  }
  if (i == 0) block.replace(0, 4, std::string("II*\0", 4));
  return block;
}

// MiB/s of writing `blocks` to a new file and syncing it.
double DiskWriteRate(const std::vector<std::string>& blocks, const std::string& path) {
  const absl::Time start = absl::Now();
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  for (const std::string& block : blocks) {
    if (::write(fd, block.data(), block.size()) != static_cast<ssize_t>(block.size())) std::abort();
  }
  ::fsync(fd);
  ::close(fd);
  const double seconds = absl::ToDoubleSeconds(absl::Now() - start);
  std::filesystem::remove(path);
  return blocks.size() / seconds;
}

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

int Run() {
  const int mb = absl::GetFlag(FLAGS_mb);
  std::vector<std::string> blocks;
  for (int i = 0; i < mb; ++i) blocks.push_back(Block(i));
  bench::TempDir work;
  const std::string tokens = work.path() + "/tokens";
  std::ofstream(tokens) << kToken << " bench1 investigator Document Bench\n";
  ::chmod(tokens.c_str(), 0600);
  auto server = bench::ChildServer::Start(
      "casefiled", work.path(),
      {CASEFILED_PATH, "--data_dir=" + work.path() + "/data", "--tokens_file=" + tokens, "--listen=127.0.0.1:0",
       absl::StrCat("--document_max_mb=", mb + 1)});
  if (!server.ok()) {
    std::cerr << server.status() << "\n";
    return 1;
  }
  auto cases = v1::CaseService::NewStub((*server)->channel());
  auto documents = v1::DocumentService::NewStub((*server)->channel());
  v1::CreateCaseRequest create;
  create.mutable_case_()->set_title("Document bench");
  v1::Case c;
  v1::AppendEntryRequest append;
  v1::Entry entry;
  if (!cases->CreateCase(Context().get(), create, &c).ok()) return 1;
  append.set_parent(c.name());
  append.mutable_entry()->set_kind(v1::ENTRY_KIND_NOTE);
  append.mutable_entry()->set_text("Scanned bundle");
  if (!cases->AppendEntry(Context().get(), append, &entry).ok()) return 1;

  std::vector<double> disk, upload, download;
  for (int run = 0; run < absl::GetFlag(FLAGS_runs); ++run) {
    disk.push_back(DiskWriteRate(blocks, work.path() + "/data/dd.out"));

    blocks[mb - 1][0] = static_cast<char>(run);  // new content each run: stored, not deduplicated
    v1::AttachDocumentStart start;
    start.set_entry(entry.name());
    start.set_file_name(absl::StrCat("bundle-", run, ".tif"));
    start.set_purpose("benchmark");
    size_t next = 0;
    v1::Document document;
    absl::Time began = absl::Now();
    grpc::Status status = client::AttachDocument(
        *documents, *Context(), start,
        [&](std::string& buffer) {
          buffer = next < blocks.size() ? blocks[next++] : "";
          return true;
        },
        &document);
    if (!status.ok()) {
      std::cerr << "attach: " << status.error_message() << "\n";
      return 1;
    }
    upload.push_back(mb / absl::ToDoubleSeconds(absl::Now() - began));

    v1::GetDocumentRequest get;
    get.set_name(document.name());
    get.set_purpose("benchmark");
    size_t received = 0;
    began = absl::Now();
    status = client::GetDocument(
        *documents, *Context(), get, [](const v1::Document&) {},
        [&](absl::string_view chunk) {
          received += chunk.size();
          return true;
        });
    if (!status.ok() || received != blocks.size() << 20) {
      std::cerr << "get: " << status.error_message() << "\n";
      return 1;
    }
    download.push_back(mb / absl::ToDoubleSeconds(absl::Now() - began));
    std::printf("run %d: disk write %.0f MiB/s, upload %.0f MiB/s, download %.0f MiB/s\n", run + 1, disk.back(),
                upload.back(), download.back());
  }
  std::printf("median of %zu runs, %d MiB: disk sequential write %.0f MiB/s; AttachDocument %.0f MiB/s (%.2fx the "
              "disk, target >= 0.5x); GetDocument %.0f MiB/s\n",
              disk.size(), mb, Median(disk), Median(upload), Median(upload) / Median(disk), Median(download));
  return (*server)->Stop().ok() ? 0 : 1;
}

}  // namespace
}  // namespace casefile

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage("Upload and download throughput of documents against the disk's write rate.");
  absl::ParseCommandLine(argc, argv);
  return casefile::Run();
}
