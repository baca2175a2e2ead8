// A 50 MB document goes into and out of casefiled without its resident
// memory growing more than 16 MB either way (issue 20's target): content
// streams between the socket and a file in chunks, never whole in memory.
// Measured with the kernel's peak resident size (VmHWM), reset just before
// each transfer (/proc/PID/clear_refs, "5"), so the figure is the transfer's
// own high-water mark over what casefiled held when it began.
#include <filesystem>
#include <fstream>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "casefile/v1/document_service.grpc.pb.h"
#include "client/document_transfer.h"
#include "gtest/gtest.h"
#include "tests/support/casefiled_fixture.h"
#include "tests/support/import_client.h"

namespace casefile::testing {
namespace {

constexpr int64_t kDocumentBytes = 50'000'000;
constexpr int64_t kMaxGrowthBytes = 16 << 20;

// A field of /proc/PID/status in bytes ("VmHWM:   1234 kB").
int64_t StatusBytes(pid_t pid, const std::string& field) {
  std::ifstream status(absl::StrCat("/proc/", pid, "/status"));
  for (std::string line; std::getline(status, line);) {
    if (line.rfind(field + ":", 0) != 0) continue;
    std::vector<std::string> parts = absl::StrSplit(line, ' ', absl::SkipEmpty());
    int64_t kb = 0;
    if (parts.size() >= 2 && absl::SimpleAtoi(parts[1], &kb)) return kb * 1024;
  }
  ADD_FAILURE() << "no " << field << " for " << pid;
  return 0;
}

// Resets the peak to the resident size now; returns that size.
int64_t ResetPeak(pid_t pid) {
  std::ofstream(absl::StrCat("/proc/", pid, "/clear_refs")) << "5";
  return StatusBytes(pid, "VmRSS");
}

class DocumentMemoryE2eTest : public CasefiledTest {};

TEST_F(DocumentMemoryE2eTest, FiftyMegabytesUpAndDownGrowResidentMemoryBy16MbAtMost) {
  auto documents = v1::DocumentService::NewStub(server_->channel());
  const v1::Case c = CreateCase(NewCase("Large scanned bundle"));
  v1::Entry note;
  note.set_kind(v1::ENTRY_KIND_NOTE);
  note.set_text("Bundle received from children's social care");
  const v1::Entry entry = Append(c.name(), note);
  v1::AttachDocumentStart start;
  start.set_entry(entry.name());
  start.set_purpose("scanned bundle");
  // Content made as it is sent: text, so that type detection and text
  // extraction both run over it.
  auto attach = [&](const std::string& file_name, int64_t bytes, v1::Document* document) {
    start.set_file_name(file_name);
    int64_t sent = 0;
    return client::AttachDocument(
        *documents, *Context(kInvestigatorToken), start,
        [&](std::string& buffer) {
          buffer.clear();
          while (sent + static_cast<int64_t>(buffer.size()) < bytes && buffer.size() < client::kDocumentChunkBytes)
            absl::StrAppend(&buffer, "page ", sent + buffer.size(), " of the scanned bundle\n");
          if (sent + static_cast<int64_t>(buffer.size()) > bytes) buffer.resize(static_cast<size_t>(bytes - sent));
          sent += static_cast<int64_t>(buffer.size());
          return true;
        },
        document);
  };
  v1::Document warm_up;  // threads and buffers of a first call, outside the measure
  ASSERT_TRUE(attach("first.txt", 3 << 20, &warm_up).ok());

  const int64_t before_upload = ResetPeak(server_->pid());
  v1::Document document;
  grpc::Status status = attach("bundle.txt", kDocumentBytes, &document);
  ASSERT_TRUE(status.ok()) << status.error_message();
  const int64_t upload_growth = StatusBytes(server_->pid(), "VmHWM") - before_upload;
  ASSERT_EQ(document.size_bytes(), kDocumentBytes);

  const int64_t before_download = ResetPeak(server_->pid());
  v1::GetDocumentRequest get;
  get.set_name(document.name());
  get.set_purpose("reading the bundle");
  int64_t received = 0;
  status = client::GetDocument(
      *documents, *Context(kInvestigatorToken), get, [](const v1::Document&) {},
      [&](absl::string_view chunk) {
        received += static_cast<int64_t>(chunk.size());
        return true;
      });
  ASSERT_TRUE(status.ok()) << status.error_message();
  const int64_t download_growth = StatusBytes(server_->pid(), "VmHWM") - before_download;
  EXPECT_EQ(received, kDocumentBytes);

  std::printf("casefiled resident growth for 50 MB: upload %.1f MiB, download %.1f MiB (limit 16 MiB)\n",
              upload_growth / 1048576.0, download_growth / 1048576.0);
  EXPECT_LE(upload_growth, kMaxGrowthBytes);
  EXPECT_LE(download_growth, kMaxGrowthBytes);
}

// An import's documents stream to disk one at a time: a batch of two 50 MB
// documents grows casefiled's resident memory by no more than one would.
TEST_F(DocumentMemoryE2eTest, ImportOfTwoFiftyMegabyteDocumentsGrowsResidentMemoryBy16MbAtMost) {
  CreateCase(NewCase("Large scanned bundles", "HFD-PVP-000900"));
  auto write_text = [](const std::filesystem::path& file, int64_t bytes) {
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    std::string line;
    for (int64_t written = 0; written < bytes; written += static_cast<int64_t>(line.size())) {
      line = absl::StrCat("page ", written, " of the scanned bundle\n");
      if (written + static_cast<int64_t>(line.size()) > bytes) line.resize(static_cast<size_t>(bytes - written));
      out << line;
    }
  };
  const std::string warm_up = dir_.path() + "/warm-up";
  write_text(warm_up + "/documents/HFD-PVP-000900/first.txt", 3 << 20);
  ImportOutcome first = UploadFolder(server_->channel(), kOperatorToken, warm_up, false);
  ASSERT_TRUE(first.status.ok()) << first.status.error_message();
  ASSERT_EQ(first.report.counts().documents_attached(), 1);

  const std::string folder = dir_.path() + "/bundles";
  write_text(folder + "/documents/HFD-PVP-000900/bundle-1.txt", kDocumentBytes);
  write_text(folder + "/documents/HFD-PVP-000900/bundle-2.txt", kDocumentBytes - 1);
  const int64_t before = ResetPeak(server_->pid());
  ImportOutcome outcome = UploadFolder(server_->channel(), kOperatorToken, folder, false);
  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error_message();
  const int64_t growth = StatusBytes(server_->pid(), "VmHWM") - before;
  EXPECT_EQ(outcome.report.counts().documents_attached(), 2);
  std::filesystem::remove_all(folder);

  std::printf("casefiled resident growth for an import of 2 x 50 MB: %.1f MiB (limit 16 MiB)\n", growth / 1048576.0);
  EXPECT_LE(growth, kMaxGrowthBytes);
}

}  // namespace
}  // namespace casefile::testing
