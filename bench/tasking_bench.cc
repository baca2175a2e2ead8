// tasking_bench: how long GetTasking (the daily tasking agenda, issue 21
// part 4) takes at a big store, beside a no-op RPC (grpc.health.v1 Check) on
// the same casefiled and the same connection, in the same run.
//
// It fills a store directly (no gRPC) through the store's writer, as
// casefiled's writes do: `--cases` cases over `--teams` teams (team "cait"
// one of them, so 100,000 cases over 20 teams give it 5,000), each with a
// referral to CSC (feedback never recorded: on referral-feedback-overdue),
// and some a strategy discussion with an overdue action, a Section 47
// enquiry, missing episodes, custody records (bench/support/attention_mix.h,
// as attention_bench), last
// written over the past 60 days (some quiet for the agenda's 14 days), and
// every `--approval_every`th case of cait asking approval of its closure. The
// attention index, the team index and the approvals list are kept as the
// writes keep them. Then the real casefiled serves the store, and a
// supervisor of cait asks for the agenda `--repeats` times, the no-op RPC as
// often, alternately; it prints medians, 99th percentiles and maxima, what
// the agenda held, and what it could have held (every attention list read
// whole through ListAttentionItems, kept to cait's cases).
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <grpcpp/grpcpp.h>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "bench/support/attention_mix.h"
#include "bench/support/child_server.h"
#include "bench/support/temp_dir.h"
#include "casefile/v1/attention.grpc.pb.h"
#include "casefile/v1/supervision_service.grpc.pb.h"
#include "core/chronology/approvals.h"
#include "core/chronology/entry_time_order.h"
#include "core/input/resource_names.h"
#include "core/safeguarding/attention_index.h"
#include "google/protobuf/util/time_util.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "storage/case_tables.h"
#include "storage/case_write_index.h"
#include "storage/store.h"

#ifndef CASEFILED_PATH
#define CASEFILED_PATH ""
#endif

ABSL_FLAG(int, cases, 100000, "Cases in the store.");
ABSL_FLAG(int, teams, 20, "Teams the cases are spread over (one of them cait).");
ABSL_FLAG(int, approval_every, 5, "Every Nth case of cait asks approval of its closure.");
ABSL_FLAG(int, repeats, 50, "Agendas (and no-op calls) timed.");
ABSL_FLAG(int, cases_per_write, 1000, "Cases written per writer operation while filling.");
ABSL_FLAG(std::string, casefiled, CASEFILED_PATH, "The casefiled binary to measure.");

namespace casefile {
namespace {

using google::protobuf::util::TimeUtil;

constexpr char kToken[] = "bench-supervisor-token-0001";

std::string TeamOf(int i, int teams) { return i % teams == 0 ? "cait" : absl::StrFormat("team-%02d", i % teams); }

absl::Status WriteCase(storage::LmdbTxn& txn, int i, absl::Time now) {
  const int teams = absl::GetFlag(FLAGS_teams);
  const std::string id = absl::StrFormat("CF-%06d", i);
  // Last written 0 to 59 days ago: three quarters quiet past the agenda's 14 days.
  const google::protobuf::Timestamp written =
      TimeUtil::MicrosecondsToTimestamp(absl::ToUnixMicros(now - absl::Hours(24) * (i % 60) - absl::Minutes(i % 1440)));
  v1::Case c;
  c.set_name(CaseName(id));
  c.set_title(absl::StrCat("Case ", i));
  c.set_team(TeamOf(i, teams));
  c.set_owner(absl::StrCat("dc", i % 300));
  *c.mutable_create_time() = written;
  *c.mutable_update_time() = written;
  int64_t n = 0;
  for (v1::Entry& e : bench::AttentionMixEntries(i)) {
    e.set_number(++n);
    e.set_name(EntryResourceName(id, n));
    e.set_author("dc1");
    *e.mutable_record_time() = written;
    if (auto s = storage::SaveEntry(txn, id, e, {TimeOrder(e.occur_time()), static_cast<uint64_t>(n)}); !s.ok())
      return s;
    if (auto s = IndexSafeguardingRecord(txn, id, e); !s.ok()) return s;
  }
  c.set_version(n);
  if (auto s = storage::SaveCase(txn, id, c); !s.ok()) return s;
  if (c.team() == "cait" && (i / teams) % absl::GetFlag(FLAGS_approval_every) == 0) {
    auto asked = ApprovalRequestEntry(txn, c, kClosureSubject, "All actions done; please approve closure.");
    if (!asked.ok()) return asked.status();
    asked->set_number(++n);
    asked->set_name(EntryResourceName(id, n));
    asked->set_author("dc1");
    *asked->mutable_record_time() = written;
    if (auto s = storage::SaveEntry(txn, id, *asked, {TimeOrder(asked->occur_time()), static_cast<uint64_t>(n)});
        !s.ok())
      return s;
    if (auto s = PutOnApprovalList(txn, c, *asked); !s.ok()) return s;
    c.set_version(n);
    if (auto s = storage::SaveCase(txn, id, c); !s.ok()) return s;
  }
  return storage::MoveCaseWritePlace(txn, id, {}, storage::WritePlaceOf(c));
}

absl::Status Fill(const std::string& dir, int cases) {
  storage::StoreOptions options;
  options.lmdb.map_size = size_t{16} << 30;
  auto store = storage::Store::Open(dir, options);
  if (!store.ok()) return store.status();
  const int per_write = absl::GetFlag(FLAGS_cases_per_write);
  const absl::Time now = absl::Now();
  for (int first = 0; first < cases; first += per_write) {
    absl::Status s = (*store)->writer().Run([&](storage::LmdbTxn& txn) -> absl::Status {
      for (int i = first; i < std::min(cases, first + per_write); ++i) {
        if (auto s = WriteCase(txn, i, now); !s.ok()) return s;
      }
      return absl::OkStatus();
    });
    if (!s.ok()) return s;
  }
  return absl::OkStatus();
}

struct Timings {
  std::vector<double> ms;
  double Median() const { return ms[ms.size() / 2]; }
  double P99() const { return ms[std::min(ms.size() - 1, ms.size() * 99 / 100)]; }
  double Max() const { return ms.back(); }
};

int Run() {
  const int cases = absl::GetFlag(FLAGS_cases);
  bench::TempDir dir;
  if (dir.path().empty() || absl::GetFlag(FLAGS_casefiled).empty()) {
    std::fprintf(stderr, "no temporary folder, or no casefiled (--casefiled=PATH)\n");
    return 1;
  }
  const std::string data = dir.path() + "/data";
  const absl::Time fill_start = absl::Now();
  if (absl::Status s = Fill(data, cases); !s.ok()) {
    std::fprintf(stderr, "fill failed: %s\n", s.ToString().c_str());
    return 1;
  }
  std::printf("store: %d cases over %d teams, filled in %.1f s\n", cases, absl::GetFlag(FLAGS_teams),
              absl::ToDoubleSeconds(absl::Now() - fill_start));
  std::ofstream(dir.path() + "/tokens") << kToken << " sup1 supervisor:cait Supervisor One\n";
  auto server = bench::ChildServer::Start(
      "casefiled", dir.path(),
      {absl::GetFlag(FLAGS_casefiled), "--data_dir=" + data, "--tokens_file=" + dir.path() + "/tokens",
       "--listen=127.0.0.1:0", "--map_size_mb=16384"});
  if (!server.ok()) {
    std::fprintf(stderr, "casefiled: %s\n", server.status().ToString().c_str());
    return 1;
  }
  auto tasking = v1::SupervisionService::NewStub((*server)->channel());
  auto health = grpc::health::v1::Health::NewStub((*server)->channel());
  Timings agenda_ms, noop_ms;
  v1::Tasking agenda;
  for (int r = 0; r < absl::GetFlag(FLAGS_repeats); ++r) {
    {
      grpc::ClientContext context;
      context.AddMetadata("authorization", absl::StrCat("Bearer ", kToken));
      v1::GetTaskingRequest request;
      request.set_team("cait");
      const absl::Time start = absl::Now();
      grpc::Status status = tasking->GetTasking(&context, request, &agenda);
      agenda_ms.ms.push_back(absl::ToDoubleMilliseconds(absl::Now() - start));
      if (!status.ok()) {
        std::fprintf(stderr, "GetTasking: %s\n", status.error_message().c_str());
        return 1;
      }
    }
    {
      grpc::ClientContext context;
      grpc::health::v1::HealthCheckRequest request;
      grpc::health::v1::HealthCheckResponse response;
      const absl::Time start = absl::Now();
      grpc::Status status = health->Check(&context, request, &response);
      noop_ms.ms.push_back(absl::ToDoubleMilliseconds(absl::Now() - start));
      if (!status.ok()) return 1;
    }
  }
  for (Timings* t : {&agenda_ms, &noop_ms}) std::sort(t->ms.begin(), t->ms.end());
  std::printf("agenda of cait: %d written since, %d approvals waiting, %d needing attention, %d quiet; %zu bytes\n",
              agenda.written_since_size(), agenda.approvals_waiting_size(), agenda.needs_attention_size(),
              agenda.quiet_size(), agenda.ByteSizeLong());
  // What the agenda could have held: every list read whole, page after
  // page, kept to cait's cases (GetTasking reads the first 1,000 items of
  // each list across the unit, then keeps cait's, at most 500 a part).
  auto attention = v1::AttentionService::NewStub((*server)->channel());
  int64_t approvals_due = 0, other_due = 0;
  for (int list = 1; v1::AttentionList_IsValid(list); ++list) {
    v1::ListAttentionItemsRequest request;
    request.set_list(static_cast<v1::AttentionList>(list));
    request.set_page_size(1000);
    do {
      grpc::ClientContext context;
      context.AddMetadata("authorization", absl::StrCat("Bearer ", kToken));
      v1::ListAttentionItemsResponse page;
      if (!attention->ListAttentionItems(&context, request, &page).ok()) return 1;
      for (const v1::AttentionItem& item : page.items()) {
        int i = 0;
        if (!absl::SimpleAtoi(item.case_().substr(9), &i) || TeamOf(i, absl::GetFlag(FLAGS_teams)) != "cait") continue;
        ++(list == v1::ATTENTION_LIST_APPROVALS_WAITING ? approvals_due : other_due);
      }
      request.set_page_token(page.next_page_token());
    } while (!request.page_token().empty());
  }
  std::printf("due in cait's cases, every list read whole: %lld approvals waiting, %lld other items\n",
              static_cast<long long>(approvals_due), static_cast<long long>(other_due));
  std::printf("%-28s %9s %9s %9s\n", "call (same run, alternately)", "median ms", "p99 ms", "max ms");
  std::printf("%-28s %9.2f %9.2f %9.2f\n", "GetTasking team=cait", agenda_ms.Median(), agenda_ms.P99(), agenda_ms.Max());
  std::printf("%-28s %9.3f %9.3f %9.3f\n", "no-op RPC (Health.Check)", noop_ms.Median(), noop_ms.P99(), noop_ms.Max());
  std::printf("GetTasking / no-op RPC (medians): %.0fx\n", agenda_ms.Median() / noop_ms.Median());
  return (*server)->Stop().ok() ? 0 : 1;
}

}  // namespace
}  // namespace casefile

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  return casefile::Run();
}
