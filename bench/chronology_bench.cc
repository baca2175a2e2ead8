// chronology_bench: the chronology service against its peers, side by side in
// one run (see bench/README.md).
//
//  B1  durable AppendEntry over gRPC to the real casefiled with 1, 16 and 64
//      calls in flight, next to a no-op RPC on the same gRPC machinery, raw
//      LMDB with one entry per durable commit, and SQLite (WAL, FULL) with
//      one row per commit.
//  B2  GetCaseFile of one 2,000-entry case, next to an RPC streaming the same
//      number of canned bytes in the same chunks, and a raw LMDB scan.
//
// Diagnostic rows: the disk's own write+fdatasync rate (first and last), and
// the same casefiled with its store on tmpfs, where a flush costs nothing —
// what the service would do on a disk with free flushes. NOT durable.
//
// With --peer it is instead the no-op / canned-bytes server: it runs itself as
// a child process for that, so every gRPC peer is a separate server process.
#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "bench/support/bench_entries.h"
#include "bench/support/child_server.h"
#include "bench/support/disk_probe.h"
#include "bench/support/lmdb_peers.h"
#include "bench/support/measurement.h"
#include "bench/support/peer_service.h"
#include "bench/support/sqlite_peer.h"
#include "bench/support/stream_load.h"
#include "bench/support/temp_dir.h"
#include "bench/support/thread_load.h"
#include "bench/support/unary_load.h"
#include "casefile/v1/case_service.grpc.pb.h"
#include "core/input/resource_names.h"

#ifndef CASEFILED_PATH
#define CASEFILED_PATH ""
#endif

ABSL_FLAG(double, seconds, 3, "Timed window of each measurement, in seconds.");
ABSL_FLAG(double, warmup_seconds, 0.5, "Untimed warm-up before each measurement, in seconds.");
ABSL_FLAG(std::vector<std::string>, clients, std::vector<std::string>({"1", "16", "64"}),
          "B1: numbers of AppendEntry calls kept in flight (empty: skip B1).");
ABSL_FLAG(std::vector<std::string>, readers, std::vector<std::string>({"1", "4"}),
          "B2: numbers of GetCaseFile calls kept in flight (empty: skip B2).");
ABSL_FLAG(int, cases, 64, "B1: appends are spread round-robin over this many cases.");
ABSL_FLAG(int, entry_bytes, 1024, "Text bytes of every entry.");
ABSL_FLAG(int, read_entries, 2000, "B2: entries in the case read.");
ABSL_FLAG(std::string, casefiled, CASEFILED_PATH, "The casefiled binary to measure.");
ABSL_FLAG(std::string, tmpfs_dir, "/dev/shm",
          "A tmpfs folder for the diagnostic casefiled whose flushes are free (empty: skip it).");
ABSL_FLAG(bool, peer, false, "Internal: serve the no-op / canned-bytes peer.");
ABSL_FLAG(std::string, port_file, "", "Internal (--peer): where to write the port.");

#define RETURN_IF_ERROR(expr)                  \
  do {                                         \
    if (absl::Status s_ = (expr); !s_.ok()) return s_; \
  } while (0)

namespace casefile::bench {
namespace {

constexpr char kReadCase[] = "BENCH-READ";  // case ids are upper case (core/input/resource_names.h)
constexpr size_t kChunkBytes = 256 << 10;  // as services/entry_stream_reactor.h
constexpr char kGetCaseFile[] = "/casefile.v1.CaseService/GetCaseFile";

// Peer names; the report finds rows by them.
constexpr char kService[] = "casefiled";
constexpr char kServiceTmpfs[] = "casefiled, store on tmpfs (diagnostic)";
constexpr char kServiceNoAudit[] = "casefiled, audit off (benchmark only)";
constexpr char kNoop[] = "no-op RPC (echoes the entry)";
constexpr char kCanned[] = "canned-bytes RPC (same chunks)";
constexpr char kRawLmdb[] = "raw LMDB, 1 entry per durable commit";
constexpr char kSqlite[] = "SQLite WAL FULL, 1 row per commit";
constexpr char kScan[] = "raw LMDB scan (LoadEncodedEntryChunk)";
constexpr char kScanInTime[] = "raw LMDB scan in time order";

struct Row {
  std::string bench;  // "B1" or "B2"
  std::string peer;
  int concurrency = 0;
  Measurement m;
};

std::vector<int> ParseCounts(const std::vector<std::string>& values) {
  std::vector<int> counts;
  for (const std::string& v : values) {
    if (!v.empty()) counts.push_back(std::max(1, std::atoi(v.c_str())));
  }
  return counts;
}

std::string CaseId(int64_t i) { return absl::StrCat("BENCH-", i); }

std::string SelfPath() {
  char path[4096];
  ssize_t n = readlink("/proc/self/exe", path, sizeof(path) - 1);
  return n > 0 ? std::string(path, static_cast<size_t>(n)) : std::string();
}

SteadyClock::duration Seconds(double s) {
  return std::chrono::duration_cast<SteadyClock::duration>(std::chrono::duration<double>(s));
}

std::unique_ptr<grpc::ClientContext> Context() {
  auto context = std::make_unique<grpc::ClientContext>();
  context->AddMetadata("authorization", absl::StrCat("Bearer ", kBenchToken));
  return context;
}

absl::Status FromGrpc(const grpc::Status& s, absl::string_view what) {
  if (s.ok()) return absl::OkStatus();
  return absl::Status(static_cast<absl::StatusCode>(s.error_code()),
                      absl::StrCat(what, ": ", s.error_message()));
}

// Creates the B1 cases and the B2 case with its entries (appended 32 at a
// time: one durable commit each would take long on a slow disk), then checks
// that the case file reads back whole.
absl::Status Populate(v1::CaseService::Stub& stub, int cases, int read_entries, int entry_bytes) {
  for (int i = 0; i <= cases; ++i) {
    v1::CreateCaseRequest request;
    request.set_case_id(i < cases ? CaseId(i) : kReadCase);
    request.mutable_case_()->set_title("Benchmark case");
    v1::Case created;
    RETURN_IF_ERROR(FromGrpc(stub.CreateCase(Context().get(), request, &created), "CreateCase"));
  }
  constexpr int kWriters = 32;
  std::vector<absl::Status> outcomes(kWriters);
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      for (int n = 1 + w; n <= read_entries && outcomes[w].ok(); n += kWriters) {
        v1::AppendEntryRequest request;
        request.set_parent(CaseName(kReadCase));
        request.set_request_id(absl::StrCat("populate-", n));
        *request.mutable_entry() = NewEntry(n, entry_bytes);
        v1::Entry written;
        outcomes[w] = FromGrpc(stub.AppendEntry(Context().get(), request, &written), "AppendEntry");
      }
    });
  }
  for (std::thread& t : writers) t.join();
  for (const absl::Status& s : outcomes) RETURN_IF_ERROR(s);

  v1::GetCaseFileRequest request;
  request.set_name(CaseName(kReadCase));
  request.set_purpose("benchmark check");
  auto context = Context();
  auto reader = stub.GetCaseFile(context.get(), request);
  v1::GetCaseFileResponse chunk;
  int entries = 0;
  while (reader->Read(&chunk)) entries += chunk.entries_size();
  RETURN_IF_ERROR(FromGrpc(reader->Finish(), "GetCaseFile"));
  if (entries != read_entries) {
    return absl::InternalError(
        absl::StrCat("GetCaseFile returned ", entries, " entries, not ", read_entries));
  }
  return absl::OkStatus();
}

class ChronologyBench {
 public:
  ChronologyBench()
      : window_{Seconds(absl::GetFlag(FLAGS_warmup_seconds)),
                Seconds(absl::GetFlag(FLAGS_seconds))},
        cases_(std::max(1, absl::GetFlag(FLAGS_cases))),
        entry_bytes_(absl::GetFlag(FLAGS_entry_bytes)),
        read_entries_(absl::GetFlag(FLAGS_read_entries)),
        clients_(ParseCounts(absl::GetFlag(FLAGS_clients))),
        readers_(ParseCounts(absl::GetFlag(FLAGS_readers))) {}

  absl::Status Run() {
    RETURN_IF_ERROR(StartServers());
    RETURN_IF_ERROR(ProbeDisk("first"));
    RETURN_IF_ERROR(RunAppendsOverGrpc());
    RETURN_IF_ERROR(RunCaseFilesOverGrpc());
    for (Server& s : servers_) RETURN_IF_ERROR(s.process->Stop());
    RETURN_IF_ERROR(RunStorageAppends());
    RETURN_IF_ERROR(RunStorageScans());
    RETURN_IF_ERROR(ProbeDisk("last"));
    Report();
    return absl::OkStatus();
  }

 private:
  struct Server {
    std::string b1_name;
    std::string b2_name;
    std::unique_ptr<ChildServer> process;
    std::unique_ptr<v1::CaseService::Stub> stub;
  };

  absl::Status StartCasefiled(const std::string& name, const std::string& data_dir) {
    std::vector<std::string> args = {absl::GetFlag(FLAGS_casefiled), "--data_dir=" + data_dir,
                                     "--tokens_file=" + dir_.path() + "/tokens", "--listen=127.0.0.1:0"};
    if (name == kServiceNoAudit) {
      args.push_back("--benchmark_only_disable_audit");
      args.push_back("--benchmark_only_i_know_this_store_is_thrown_away");
    }
    auto process = ChildServer::Start(
        name == kService ? "casefiled" : name == kServiceNoAudit ? "casefiled-noaudit" : "casefiled-tmpfs",
        dir_.path(), args);
    if (!process.ok()) return process.status();
    auto stub = v1::CaseService::NewStub((*process)->channel());
    RETURN_IF_ERROR(Populate(*stub, cases_, read_entries_, entry_bytes_));
    servers_.push_back({name, name, *std::move(process), std::move(stub)});
    return absl::OkStatus();
  }

  absl::Status StartServers() {
    if (dir_.path().empty()) return absl::InternalError("cannot make a temporary directory");
    if (absl::GetFlag(FLAGS_casefiled).empty())
      return absl::FailedPreconditionError("no casefiled binary: pass --casefiled=PATH");
    std::ofstream(dir_.path() + "/tokens")
        << kBenchToken << " " << kBenchUser << " investigator " << kBenchDisplayName << "\n";
    data_dir_ = dir_.path() + "/casefiled-data";
    RETURN_IF_ERROR(StartCasefiled(kService, data_dir_));
    // The same service with no audit records: what the audit trail costs.
    RETURN_IF_ERROR(StartCasefiled(kServiceNoAudit, dir_.path() + "/casefiled-noaudit-data"));
    if (!absl::GetFlag(FLAGS_tmpfs_dir).empty()) {
      tmpfs_dir_ = std::make_unique<TempDir>(absl::GetFlag(FLAGS_tmpfs_dir));
      if (tmpfs_dir_->path().empty())
        return absl::InternalError(absl::StrCat("cannot make a folder in ", absl::GetFlag(FLAGS_tmpfs_dir)));
      RETURN_IF_ERROR(StartCasefiled(kServiceTmpfs, tmpfs_dir_->path() + "/data"));
    }
    auto peer = ChildServer::Start("peer", dir_.path(),
                                   {SelfPath(), "--peer", absl::StrCat("--entry_bytes=", entry_bytes_),
                                    absl::StrCat("--read_entries=", read_entries_)});
    if (!peer.ok()) return peer.status();
    auto stub = v1::CaseService::NewStub((*peer)->channel());
    servers_.push_back({kNoop, kCanned, *std::move(peer), std::move(stub)});
    return absl::OkStatus();
  }

  absl::Status ProbeDisk(absl::string_view when) {
    auto probe = DiskSyncProbe::Open(dir_.path() + "/disk-probe");
    if (!probe.ok()) return probe.status();
    auto m = RunThreads(1, window_, [&](int, int64_t i) { return (*probe)->WriteAndSync(i); });
    if (!m.ok()) return m.status();
    rows_.push_back({"B1", absl::StrCat("disk: 4 KiB write + fdatasync (", when, ")"), 1, *m});
    return absl::OkStatus();
  }

  absl::Status RunAppendsOverGrpc() {
    std::vector<v1::Entry> entries;
    for (int i = 0; i < cases_; ++i) entries.push_back(NewEntry(1000 + i, entry_bytes_));
    int run = 0;
    for (int c : clients_) {
      for (Server& server : servers_) {
        ++run;
        auto m = RunAppendLoad(*server.stub, kBenchToken, c, window_,
                               [&](int64_t seq, v1::AppendEntryRequest& request) {
                                 request.set_parent(CaseName(CaseId(seq % cases_)));
                                 request.set_request_id(absl::StrCat("b1-", run, "-", seq));
                                 *request.mutable_entry() = entries[seq % cases_];
                               });
        if (!m.ok()) return m.status();
        rows_.push_back({"B1", server.b1_name, c, *m});
      }
    }
    return absl::OkStatus();
  }

  absl::Status RunCaseFilesOverGrpc() {
    v1::GetCaseFileRequest request;
    request.set_name(CaseName(kReadCase));
    request.set_purpose("benchmark");
    for (int r : readers_) {
      for (Server& server : servers_) {
        auto m = RunStreamLoad(server.process->channel(), kGetCaseFile, request.SerializeAsString(),
                               kBenchToken, r, window_);
        if (!m.ok()) return m.status();
        rows_.push_back({"B2", server.b2_name, r, *m});
      }
    }
    return absl::OkStatus();
  }

  // One writer each: both serialise writers anyway.
  absl::Status RunStorageAppends() {
    if (clients_.empty()) return absl::OkStatus();
    std::vector<std::string> values;
    for (int i = 0; i < cases_; ++i) {
      values.push_back(StoredEntry(CaseId(i), 1, 1000 + i, entry_bytes_).SerializeAsString());
    }
    auto lmdb = LmdbAppender::Open(dir_.path() + "/raw-lmdb", values, cases_);
    if (!lmdb.ok()) return lmdb.status();
    auto m = RunThreads(1, window_, [&](int, int64_t i) { return lmdb->Append(i); });
    if (!m.ok()) return m.status();
    rows_.push_back({"B1", kRawLmdb, 1, *m});

    auto sqlite = SqliteAppender::Open(dir_.path() + "/sqlite.db", values, cases_);
    if (!sqlite.ok()) return sqlite.status();
    m = RunThreads(1, window_, [&](int, int64_t i) { return (*sqlite)->Append(i); });
    if (!m.ok()) return m.status();
    rows_.push_back({"B1", kSqlite, 1, *m});
    return absl::OkStatus();
  }

  // Reads the store casefiled wrote, now that it has stopped.
  absl::Status RunStorageScans() {
    if (readers_.empty()) return absl::OkStatus();
    auto env = storage::LmdbEnv::Open(data_dir_, storage::LmdbOptions{});
    if (!env.ok()) return env.status();
    for (int r : readers_) {
      auto m = RunThreads(r, window_, [&](int, int64_t) {
        return ScanCaseEntries(*env, kReadCase, read_entries_, kChunkBytes);
      });
      if (!m.ok()) return m.status();
      rows_.push_back({"B2", kScan, r, *m});
      // The same case in time order (the bench's entries happened in no
      // order: every entry is a seek, the worst case for the time index).
      m = RunThreads(r, window_, [&](int, int64_t) {
        return ScanCaseEntriesInTime(*env, kReadCase, read_entries_, kChunkBytes);
      });
      if (!m.ok()) return m.status();
      rows_.push_back({"B2", kScanInTime, r, *m});
    }
    return absl::OkStatus();
  }

  const Measurement* Find(absl::string_view bench, absl::string_view peer, int n) const {
    for (const Row& r : rows_) {
      if (r.bench == bench && r.peer == peer && r.concurrency == n) return &r.m;
    }
    return nullptr;
  }

  void PrintTable(absl::string_view bench, absl::string_view title, absl::string_view unit,
                  absl::string_view column) const {
    absl::PrintF("\n%s  %s\n", bench, title);
    absl::PrintF("  %-42s %7s %11s %9s %9s %9s\n", "peer", column, unit, "p50 ms", "p99 ms",
                 "KB/op");
    for (const Row& r : rows_) {
      if (r.bench != bench) continue;
      absl::PrintF("  %-42s %7d %11.0f %9.3f %9.3f %9.1f\n", r.peer, r.concurrency,
                   r.m.ops_per_second, r.m.p50_ms, r.m.p99_ms,
                   r.m.ops == 0 ? 0.0 : static_cast<double>(r.m.bytes) / r.m.ops / 1024);
    }
  }

  static const char* Verdict(bool met) { return met ? "met" : "MISSED"; }

  void Report() const {
    PrintTable("B1", "durable appends of ~1 KB entries", "appends/s", "clients");
    PrintTable("B2", absl::StrFormat("GetCaseFile of one %d-entry case", read_entries_), "cases/s",
               "readers");
    absl::PrintF("\nRatios (throughput)\n");
    const Measurement* sqlite = Find("B1", kSqlite, 1);
    const Measurement* raw = Find("B1", kRawLmdb, 1);
    for (int c : clients_) {
      const double svc = Find("B1", kService, c)->ops_per_second;
      absl::PrintF("  B1 %2d clients: casefiled / no-op RPC %.2f, / SQLite %.1f, / raw LMDB %.1f",
                   c, svc / Find("B1", kNoop, c)->ops_per_second, svc / sqlite->ops_per_second,
                   svc / raw->ops_per_second);
      if (const Measurement* tmpfs = Find("B1", kServiceTmpfs, c)) {
        absl::PrintF("; tmpfs casefiled / no-op RPC %.2f",
                     tmpfs->ops_per_second / Find("B1", kNoop, c)->ops_per_second);
      }
      if (const Measurement* no_audit = Find("B1", kServiceNoAudit, c))
        absl::PrintF("; audit on / off %.2f", svc / no_audit->ops_per_second);
      absl::PrintF("\n");
    }
    for (int r : readers_) {
      const Measurement* svc = Find("B2", kService, r);
      const Measurement* canned = Find("B2", kCanned, r);
      absl::PrintF("  B2 %2d readers: casefiled / canned bytes %.2f, raw LMDB scan / casefiled %.1f",
                   r, svc->ops_per_second / canned->ops_per_second,
                   Find("B2", kScan, r)->ops_per_second / svc->ops_per_second);
      if (const Measurement* tmpfs = Find("B2", kServiceTmpfs, r)) {
        absl::PrintF("; tmpfs casefiled / canned bytes %.2f",
                     tmpfs->ops_per_second / canned->ops_per_second);
      }
      if (const Measurement* no_audit = Find("B2", kServiceNoAudit, r))
        absl::PrintF("; audit on / off %.2f", svc->ops_per_second / no_audit->ops_per_second);
      absl::PrintF("; bytes/case %d vs canned %d\n", svc->bytes / std::max<int64_t>(1, svc->ops),
                   canned->bytes / std::max<int64_t>(1, canned->ops));
    }

    absl::PrintF("\nTargets (casefiled, durable store)\n");
    if (const Measurement* svc = Find("B1", kService, 64)) {
      const double vs_sqlite = svc->ops_per_second / sqlite->ops_per_second;
      absl::PrintF("  B1 64 clients >= 20,000 appends/s      %9.0f    %s\n", svc->ops_per_second,
                   Verdict(svc->ops_per_second >= 20000));
      absl::PrintF("  B1 64 clients >= 1.5x SQLite FULL      %9.2fx   %s\n", vs_sqlite,
                   Verdict(vs_sqlite >= 1.5));
      absl::PrintF("  B1 64 clients p99 <= 10 ms             %9.2f ms %s\n", svc->p99_ms,
                   Verdict(svc->p99_ms <= 10));
      if (const Measurement* no_audit = Find("B1", kServiceNoAudit, 64)) {
        const double ratio = svc->ops_per_second / no_audit->ops_per_second;
        absl::PrintF("  B1 64 clients audit on >= 0.9x off     %9.2fx   %s\n", ratio, Verdict(ratio >= 0.9));
      }
      const double vs_noop = svc->ops_per_second / Find("B1", kNoop, 64)->ops_per_second;
      absl::PrintF("  B1 64 clients >= 0.6x no-op RPC        %9.2fx   %s\n", vs_noop, Verdict(vs_noop >= 0.6));
    }
    if (const Measurement* svc = Find("B1", kService, 1)) {
      absl::PrintF("  B1 1 client p50 <= 0.5 ms              %9.3f ms %s\n", svc->p50_ms,
                   Verdict(svc->p50_ms <= 0.5));
    }
    for (int r : readers_) {
      const double ratio =
          Find("B2", kService, r)->ops_per_second / Find("B2", kCanned, r)->ops_per_second;
      absl::PrintF("  B2 %d readers >= 0.6x canned-bytes RPC  %9.2fx   %s\n", r, ratio,
                   Verdict(ratio >= 0.6));
    }
  }

  const Window window_;
  const int cases_;
  const int entry_bytes_;
  const int read_entries_;
  const std::vector<int> clients_;
  const std::vector<int> readers_;
  TempDir dir_;
  std::unique_ptr<TempDir> tmpfs_dir_;
  std::string data_dir_;
  std::vector<Server> servers_;
  std::vector<Row> rows_;
};

int RunPeer() {
  return RunPeerServer(absl::GetFlag(FLAGS_port_file),
                       CannedCaseFile(kReadCase, absl::GetFlag(FLAGS_read_entries),
                                      absl::GetFlag(FLAGS_entry_bytes), kChunkBytes));
}

int RunBench() {
  absl::PrintF("chronology_bench: %.1f s per measurement after %.1f s warm-up; %d B entries\n",
               absl::GetFlag(FLAGS_seconds), absl::GetFlag(FLAGS_warmup_seconds),
               absl::GetFlag(FLAGS_entry_bytes));
  std::fflush(stdout);
  ChronologyBench bench;
  if (absl::Status s = bench.Run(); !s.ok()) {
    absl::FPrintF(stderr, "chronology_bench: %s\n", s.ToString());
    return 1;
  }
  return 0;
}

}  // namespace
}  // namespace casefile::bench

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "chronology_bench — casefiled against LMDB, SQLite and bare gRPC peers.\n"
      "Usage: chronology_bench [--seconds=3] [--clients=1,16,64] [--readers=1,4]");
  absl::ParseCommandLine(argc, argv);
  // Keep freed memory in glibc's heap (casefiled gets this from jemalloc), so
  // that the in-process peers and the client do not pay for trimming and
  // faulting their ~1 MiB buffers in again either.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  return absl::GetFlag(FLAGS_peer) ? casefile::bench::RunPeer() : casefile::bench::RunBench();
}
