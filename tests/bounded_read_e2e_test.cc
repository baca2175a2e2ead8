// End-to-end tests of the limits that keep a case readable and the server's
// memory bounded: a 100 MB case streams in many messages, a stalled reader
// of it holds a few MB of casefiled's memory (measured from /proc), an
// entry's text is at most 256 KiB, and an import file over
// --import_max_file_mb is a rejected file of the report, not a failed import.
#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/support/casefiled_fixture.h"
#include "tests/support/import_client.h"

namespace casefile::testing {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

const std::string kSample = CASEFILE_SOURCE_DIR "/tests/data/legacy/sample";

constexpr int kWriters = 8;
constexpr int kEntriesPerWriter = 50;
constexpr size_t kEntryBytes = 250'000;  // 400 entries: a 100 MB case

// "VmRSS:" and the like of /proc/<pid>/status, in bytes.
int64_t ProcStatusBytes(pid_t pid, absl::string_view field) {
  std::ifstream in(absl::StrCat("/proc/", pid, "/status"));
  std::string line;
  while (std::getline(in, line)) {
    absl::string_view rest = line;
    if (!absl::ConsumePrefix(&rest, field) || !absl::ConsumePrefix(&rest, ":")) continue;
    rest = absl::StripAsciiWhitespace(rest);
    int64_t kb = 0;
    if (absl::SimpleAtoi(absl::StripSuffix(rest, " kB"), &kb)) return kb * 1024;
  }
  ADD_FAILURE() << "no " << field << " in /proc/" << pid << "/status";
  return 0;
}

struct Memory {
  int64_t rss = 0;   // VmRSS: RssAnon + RssFile + RssShmem
  int64_t anon = 0;  // private memory
  int64_t file = 0;  // mapped file pages (the LMDB map)
};

Memory MemoryOf(pid_t pid) {
  return {ProcStatusBytes(pid, "VmRSS"), ProcStatusBytes(pid, "RssAnon"), ProcStatusBytes(pid, "RssFile")};
}

// Once the server has stopped sending: its VmRSS unchanged over ten samples
// 50 ms apart (or after 5 s).
Memory SettledMemoryOf(pid_t pid) {
  Memory last = MemoryOf(pid);
  for (int same = 0, tries = 0; same < 10 && tries < 100; ++tries) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    const Memory now = MemoryOf(pid);
    same = now.rss == last.rss ? same + 1 : 0;
    last = now;
  }
  return last;
}

double MiB(int64_t bytes) { return bytes / 1048576.0; }

// Entry i of writer w: a line naming it, then filler.
std::string EntryText(int w, int i) {
  std::string text = absl::StrCat("writer ", w, " entry ", i, "\n");
  text.resize(kEntryBytes, static_cast<char>('a' + (w * kEntriesPerWriter + i) % 26));
  return text;
}

// Through a stub of the caller's own: the writers below run on threads.
grpc::Status AppendNote(v1::CaseService::Stub& stub, const std::string& parent, const std::string& text,
                        v1::Entry* entry) {
  v1::AppendEntryRequest request;
  request.set_parent(parent);
  request.mutable_entry()->set_kind(v1::ENTRY_KIND_NOTE);
  request.mutable_entry()->set_text(text);
  return stub.AppendEntry(CasefiledProcess::Context(kInvestigatorToken).get(), request, entry);
}

// Each test starts casefiled when its folder or environment is ready.
class BoundedReadE2eTest : public CasefiledTest {
 protected:
  void SetUp() override {}
};

TEST_F(BoundedReadE2eTest, AStalledReaderOfA100MbCaseHoldsAFewMbThenReadsItAll) {
  // jemalloc returns freed pages at once, so that RssAnon is the memory in
  // use rather than what the appends left for reuse.
  setenv("MALLOC_CONF", "dirty_decay_ms:0,muzzy_decay_ms:0", 1);
  const absl::Status started = StartServer();
  unsetenv("MALLOC_CONF");
  ASSERT_TRUE(started.ok()) << started;
  CasefiledProcess& server = *server_;
  const v1::Case big = CreateCase(NewCase("A very long case"));
  const v1::Case small = CreateCase(NewCase("A short case"));

  // Eight writers at once, so that group commit batches the appends.
  std::vector<std::thread> writers;
  std::atomic<int> failures{0};
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      auto stub = server.CaseStub();
      for (int i = 0; i < kEntriesPerWriter; ++i) {
        v1::Entry entry;
        grpc::Status status = AppendNote(*stub, big.name(), EntryText(w, i), &entry);
        if (!status.ok()) {
          ++failures;
          ADD_FAILURE() << status.error_message();
          return;
        }
      }
    });
  }
  for (std::thread& t : writers) t.join();
  ASSERT_EQ(failures.load(), 0);
  v1::Entry entry;
  ASSERT_TRUE(AppendNote(*server.CaseStub(), small.name(), "One short note.", &entry).ok());

  v1::GetCaseFileRequest request;
  request.set_purpose("memory bound check");
  // Warm up: one whole case file read, so that the threads and buffers every
  // stream needs exist before the measurement.
  {
    request.set_name(small.name());
    auto context = Context(kInvestigatorToken);
    auto reader = server.CaseStub()->GetCaseFile(context.get(), request);
    v1::GetCaseFileResponse message;
    while (reader->Read(&message)) {
    }
    ASSERT_TRUE(reader->Finish().ok());
  }

  // The measured reader keeps gRPC's initial 64 KiB stream window (no BDP
  // probe widening it), so that what the server has sent ahead of it is the
  // same on every run.
  grpc::ChannelArguments fixed_window;
  fixed_window.SetInt(GRPC_ARG_HTTP2_BDP_PROBE, 0);
  auto fixed_stub = v1::CaseService::NewStub(
      grpc::CreateCustomChannel(server.address(), grpc::InsecureChannelCredentials(), fixed_window));
  const Memory before = MemoryOf(server.pid());
  request.set_name(big.name());
  auto context = Context(kInvestigatorToken);
  auto reader = fixed_stub->GetCaseFile(context.get(), request);
  v1::GetCaseFileResponse message;
  ASSERT_TRUE(reader->Read(&message));
  std::vector<v1::Entry> entries(message.entries().begin(), message.entries().end());
  ASSERT_EQ(message.case_().version(), kWriters * kEntriesPerWriter);

  // Stalled: the client reads nothing more, and the server sends until HTTP/2
  // flow control stops it.
  const Memory one = SettledMemoryOf(server.pid());
  std::printf("one stalled reader of a %zu-byte case: casefiled VmRSS %+.2f MiB = RssAnon %+.2f MiB "
              "+ RssFile %+.2f MiB\n",
              kWriters * kEntriesPerWriter * kEntryBytes, MiB(one.rss - before.rss),
              MiB(one.anon - before.anon), MiB(one.file - before.file));
  // The bound: the reactor reads one chunk ahead of the one being sent and
  // the one after only when gRPC reports a write done (OnWriteDone waits for
  // flow control), so it holds two chunks — 256 KiB each plus the entry that
  // crosses that mark, ~1 MB of private memory (RssAnon) — and briefly the
  // one before until its last bytes leave. VmRSS also counts the LMDB pages mapped to read the chunks
  // sent so far (RssFile: ~2.5 MB, clean page cache the kernel may reclaim).
  // gRPC's frame buffers and allocator slack take the rest of the 8 MiB. A
  // server that buffered the case would hold 100 MB.
  EXPECT_LT(one.anon - before.anon, 8 << 20);
  EXPECT_LT(one.rss - before.rss, 8 << 20);

  // Three more stalled readers of the same case, with gRPC's default client,
  // whose BDP probe widens its window to several MiB: the server sends more
  // ahead (more mapped pages, shared by all readers), but each reader still
  // holds two chunks of private memory.
  std::vector<std::unique_ptr<grpc::ClientContext>> more_contexts;
  std::vector<std::unique_ptr<grpc::ClientReader<v1::GetCaseFileResponse>>> more_readers;
  for (int i = 0; i < 3; ++i) {
    more_contexts.push_back(Context(kInvestigatorToken));
    more_readers.push_back(server.CaseStub()->GetCaseFile(more_contexts.back().get(), request));
    v1::GetCaseFileResponse first;
    ASSERT_TRUE(more_readers.back()->Read(&first));
  }
  const Memory four = SettledMemoryOf(server.pid());
  std::printf("four stalled readers (three with wide windows): casefiled VmRSS %+.2f MiB = RssAnon "
              "%+.2f MiB + RssFile %+.2f MiB\n",
              MiB(four.rss - before.rss), MiB(four.anon - before.anon), MiB(four.file - before.file));
  EXPECT_LT(four.anon - before.anon, 4 * (8 << 20));
  for (auto& c : more_contexts) c->TryCancel();
  for (auto& r : more_readers) {
    while (r->Read(&message)) {
    }
    EXPECT_EQ(r->Finish().error_code(), grpc::StatusCode::CANCELLED);
  }

  // Then the client reads the rest: every entry, in order, as written.
  int messages = 1;
  while (reader->Read(&message)) {
    ++messages;
    EXPECT_FALSE(message.has_case_());
    EXPECT_LE(message.ByteSizeLong(), size_t{4} << 20);  // gRPC's default limit
    entries.insert(entries.end(), message.entries().begin(), message.entries().end());
  }
  grpc::Status status = reader->Finish();
  ASSERT_TRUE(status.ok()) << status.error_message();
  EXPECT_GT(messages, 50);
  ASSERT_EQ(entries.size(), size_t{kWriters * kEntriesPerWriter});
  std::set<std::string> expected;
  for (int w = 0; w < kWriters; ++w) {
    for (int i = 0; i < kEntriesPerWriter; ++i) expected.insert(EntryText(w, i));
  }
  std::set<std::string> seen;
  for (size_t i = 0; i < entries.size(); ++i) {
    EXPECT_EQ(entries[i].number(), static_cast<int64_t>(i + 1));
    seen.insert(entries[i].text());
  }
  EXPECT_TRUE(seen == expected) << "the texts read back differ from those written";
}

TEST_F(BoundedReadE2eTest, EntryTextIsAtMost256KiB) {
  ASSERT_EQ(StartServer(), absl::OkStatus());
  const v1::Case c = CreateCase(NewCase("Limits"));
  auto stub = server_->CaseStub();
  v1::Entry entry;
  ASSERT_TRUE(AppendNote(*stub, c.name(), std::string(262'144, 'x'), &entry).ok());
  grpc::Status status = AppendNote(*stub, c.name(), std::string(262'145, 'x'), &entry);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(), "entry.text: 262145 bytes exceeds the limit of 262144 bytes");

  v1::CorrectEntryRequest correct;
  correct.set_name(c.name() + "/entries/1");
  correct.set_text(std::string(300'000, 'y'));
  correct.set_reason("typo");
  status = stub->CorrectEntry(Context(kInvestigatorToken).get(), correct, &entry);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(status.error_message(), "text: 300000 bytes exceeds the limit of 262144 bytes");
}

TEST_F(BoundedReadE2eTest, AnImportFileOverTheLimitIsRejectedAndTheRestImported) {
  const std::string folder = dir_.path() + "/legacy";
  fs::copy(kSample, folder, fs::copy_options::recursive);
  fs::remove(folder + "/truth.json");
  // 1.5 MiB and 3 MiB: over a 1 MiB limit in their second chunk, and later.
  std::ofstream(folder + "/logs/huge log.txt") << std::string(3 << 19, 'h');
  std::ofstream(folder + "/crime/huge.csv") << "id,text\n" << std::string(3 << 20, 'c');

  ASSERT_EQ(StartServer({"--import_max_file_mb=1"}), absl::OkStatus());
  ImportOutcome outcome = UploadFolder(server_->channel(), kOperatorToken, folder, false);
  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error_message();
  const v1::Import& report = outcome.report;
  EXPECT_EQ(report.counts().files(), 12);
  EXPECT_EQ(report.counts().files_unrecognised(), 2);
  EXPECT_GT(report.counts().new_entries(), 0);
  std::map<std::string, std::string> rejected;
  for (const v1::Rejection& r : report.rejections()) rejected[r.locator()] = r.reason();
  EXPECT_EQ(rejected["logs/huge log.txt"], "file of 1572864 bytes exceeds the limit of 1048576 bytes");
  EXPECT_EQ(rejected["crime/huge.csv"], "file of 3145736 bytes exceeds the limit of 1048576 bytes");
  EXPECT_EQ(rejected.size(), 2u);

  // The same folder without the big files imports the same records.
  TempDir plain_dir;
  auto plain = CasefiledProcess::Start(plain_dir.path());
  ASSERT_TRUE(plain.ok()) << plain.status();
  ImportOutcome expected = UploadFolder((*plain)->channel(), kOperatorToken, kSample, false,
                                        [](const std::string& path) { return path != "truth.json"; });
  ASSERT_TRUE(expected.status.ok());
  EXPECT_EQ(report.counts().records_read(), expected.report.counts().records_read());
  EXPECT_EQ(report.counts().new_entries(), expected.report.counts().new_entries());
}

// 24 copies of one 250 KB record (a log cut and pasted into every crime
// export) become one entry with 24 sources. A case file sends that text once,
// in the entry: the entry stays one record long on the wire, so any client
// with gRPC's default 4 MiB message limit reads the case.
TEST_F(BoundedReadE2eTest, AnEntryMergedFromManyCopiesOfALongRecordIsSentOnce) {
  const std::string folder = dir_.path() + "/legacy";
  fs::create_directories(folder + "/crime");
  const std::string text = "Further to previous: " + std::string(250000, 'x');
  for (int i = 1; i <= 24; ++i) {
    std::ofstream(absl::StrCat(folder, "/crime/chronology_export_", 100 + i, ".csv"))
        << "record_ref,record_type,entry_no,entered_at,entered_by,occurred_at,text\n"
        << "22/25475/13,CRIME,1,2010-06-21 00:02:00,Tranter,2010-06-20 13:30," << text << "\n";
  }
  ASSERT_EQ(StartServer(), absl::OkStatus());
  ImportOutcome outcome = UploadFolder(server_->channel(), kOperatorToken, folder, false);
  ASSERT_TRUE(outcome.status.ok()) << outcome.status.error_message();
  ASSERT_EQ(outcome.report.cases_size(), 1);
  EXPECT_EQ(outcome.report.counts().new_entries(), 1);

  // A channel with gRPC's defaults (4 MiB per message received).
  auto channel = grpc::CreateChannel(server_->address(), grpc::InsecureChannelCredentials());
  v1::GetCaseFileRequest request;
  request.set_name(outcome.report.cases(0));
  request.set_purpose("bounded read e2e test");
  auto context = Context(kOperatorToken);
  auto reader = v1::CaseService::NewStub(channel)->GetCaseFile(context.get(), request);
  v1::GetCaseFileResponse chunk;
  std::vector<v1::Entry> entries;
  while (reader->Read(&chunk)) entries.insert(entries.end(), chunk.entries().begin(), chunk.entries().end());
  grpc::Status read = reader->Finish();
  ASSERT_TRUE(read.ok()) << read.error_message();
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].text(), text);
  ASSERT_EQ(entries[0].sources_size(), 24);
  for (const v1::Source& s : entries[0].sources()) {
    EXPECT_TRUE(s.text_is_entry_text()) << s.locator();
    EXPECT_EQ(s.text(), "") << s.locator();
  }
}

}  // namespace
}  // namespace casefile::testing
