// attention_bench: how long each attention list takes to answer with 100,000
// cases in the store (issue 10: at most 10 ms), and what keeping the index
// costs a write.
//
// It fills a store directly (no gRPC) through the store's writer, as
// AppendEntry does: each case gets a referral to CSC (one in ten of
// significant harm, none of them answered yet), and some a strategy discussion with two actions (one
// overdue), a Section 47 enquiry, missing episodes (children shared between
// cases, so some reach three), custody records (some waiting, some detained
// after charge). Then it answers each list (first page of 50, as
// `casefile attention` asks) many times and prints the median, 99th
// percentile and maximum, with and without a team filter.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "bench/support/attention_mix.h"
#include "bench/support/temp_dir.h"
#include "core/chronology/entry_time_order.h"
#include "core/input/resource_names.h"
#include "core/safeguarding/attention_index.h"
#include "core/safeguarding/attention_lists.h"
#include "google/protobuf/util/time_util.h"
#include "storage/case_tables.h"
#include "storage/store.h"

ABSL_FLAG(int, cases, 100000, "Cases in the store.");
ABSL_FLAG(int, repeats, 200, "Answers timed per list.");
ABSL_FLAG(int, cases_per_write, 1000, "Cases written per writer operation while filling.");

namespace casefile {
namespace {

absl::Status WriteCase(storage::LmdbTxn& txn, int i, bool index) {
  const std::string id = absl::StrFormat("CF-%06d", i);
  v1::Case c;
  c.set_name(CaseName(id));
  c.set_title(absl::StrCat("Case ", i));
  if (i % 50 == 0) c.mutable_restriction()->add_teams("eds");
  int64_t n = 0;
  for (v1::Entry& e : bench::AttentionMixEntries(i)) {
    e.set_number(++n);
    e.set_name(EntryResourceName(id, n));
    *e.mutable_record_time() = google::protobuf::util::TimeUtil::GetCurrentTime();
    if (auto s = storage::SaveEntry(txn, id, e, {TimeOrder(e.occur_time()), static_cast<uint64_t>(n)}); !s.ok())
      return s;
    if (index) {
      if (auto s = IndexSafeguardingRecord(txn, id, e); !s.ok()) return s;
    }
  }
  c.set_version(n);
  return storage::SaveCase(txn, id, c);
}

// Fills a fresh store; returns the seconds it took.
absl::StatusOr<double> Fill(storage::Store& store, int cases, bool index) {
  const int per_write = absl::GetFlag(FLAGS_cases_per_write);
  const absl::Time start = absl::Now();
  for (int first = 0; first < cases; first += per_write) {
    absl::Status s = store.writer().Run([&](storage::LmdbTxn& txn) -> absl::Status {
      for (int i = first; i < std::min(cases, first + per_write); ++i) {
        if (auto s = WriteCase(txn, i, index); !s.ok()) return s;
      }
      return absl::OkStatus();
    });
    if (!s.ok()) return s;
  }
  return absl::ToDoubleSeconds(absl::Now() - start);
}

absl::StatusOr<std::unique_ptr<storage::Store>> OpenStore(const std::string& dir) {
  storage::StoreOptions options;
  options.lmdb.map_size = size_t{8} << 30;
  return storage::Store::Open(dir, options);
}

// Every item of the list, page after page.
int InList(const AttentionLists& lists, const Caller& caller, v1::ListAttentionItemsRequest request) {
  int count = 0;
  request.set_page_size(1000);
  do {
    auto page = lists.List(caller, request);
    if (!page.ok()) return -1;
    count += page->items_size();
    request.set_page_token(page->next_page_token());
  } while (!request.page_token().empty());
  return count;
}

int Run() {
  const int cases = absl::GetFlag(FLAGS_cases);
  bench::TempDir with_index, without_index;
  auto store = OpenStore(with_index.path());
  auto bare = OpenStore(without_index.path());
  if (!store.ok() || !bare.ok()) {
    std::fprintf(stderr, "cannot open stores\n");
    return 1;
  }
  auto indexed_seconds = Fill(**store, cases, true);
  auto bare_seconds = Fill(**bare, cases, false);
  if (!indexed_seconds.ok() || !bare_seconds.ok()) {
    std::fprintf(stderr, "fill failed: %s %s\n", indexed_seconds.status().ToString().c_str(),
                 bare_seconds.status().ToString().c_str());
    return 1;
  }
  std::printf("store: %d cases; filled in %.2f s with the attention index, %.2f s without (%+.1f%%)\n\n",
              cases, *indexed_seconds, *bare_seconds, 100 * (*indexed_seconds / *bare_seconds - 1));

  AttentionLists lists(store->get(), [] { return absl::Now(); }, AttentionOptions{});
  const Caller caller{"bench", "Bench", Role::kInvestigator};
  std::printf("%-40s %6s %7s %6s %9s %9s %9s\n", "list (first page of 50)", "team", "in list", "items",
              "median ms", "p99 ms", "max ms");
  for (int l = 1; v1::AttentionList_IsValid(l); ++l) {
    for (const std::string team : {"", "cait"}) {
      v1::ListAttentionItemsRequest request;
      request.set_list(static_cast<v1::AttentionList>(l));
      request.set_team(team);
      std::vector<double> ms;
      int items = 0;
      for (int r = 0; r < absl::GetFlag(FLAGS_repeats); ++r) {
        const absl::Time start = absl::Now();
        auto response = lists.List(caller, request);
        ms.push_back(absl::ToDoubleMilliseconds(absl::Now() - start));
        if (!response.ok()) {
          std::fprintf(stderr, "%s\n", response.status().ToString().c_str());
          return 1;
        }
        items = response->items_size();
      }
      std::sort(ms.begin(), ms.end());
      std::printf("%-40s %6s %7d %6d %9.3f %9.3f %9.3f\n", v1::AttentionList_Name(l).substr(15).c_str(),
                  team.empty() ? "-" : team.c_str(), InList(lists, caller, request), items, ms[ms.size() / 2],
                  ms[ms.size() * 99 / 100], ms.back());
    }
  }
  return 0;
}

}  // namespace
}  // namespace casefile

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  return casefile::Run();
}
