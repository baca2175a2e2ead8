// Crash safety: many clients append while casefiled is killed with SIGKILL at
// a random moment, several rounds. After every restart each acknowledged
// append is there exactly once, numbering has no gaps, and retrying the
// unacknowledged ones (same request ids) completes them without duplicates.
#include <atomic>
#include <map>
#include <random>
#include <set>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "gtest/gtest.h"
#include "tests/support/casefiled_fixture.h"

namespace casefile::testing {
namespace {

constexpr int kRounds = 4;
constexpr int kClients = 12;

struct Ledger {
  absl::Mutex mu;
  std::set<std::string> acknowledged;    // request ids answered OK
  std::set<std::string> unacknowledged;  // sent, answer lost in the crash
};

std::map<std::string, int> TextCounts(v1::CaseService::Stub& stub, const std::string& name,
                                      int64_t* version) {
  v1::GetCaseFileRequest request;
  request.set_name(name);
  request.set_purpose("crash test verification");
  auto context = CasefiledProcess::Context(kAdminToken);
  auto reader = stub.GetCaseFile(context.get(), request);
  std::map<std::string, int> counts;
  v1::GetCaseFileResponse chunk;
  int64_t expected_number = 1;
  while (reader->Read(&chunk)) {
    if (chunk.has_case_()) *version = chunk.case_().version();
    for (const v1::Entry& e : chunk.entries()) {
      EXPECT_EQ(e.number(), expected_number++) << "gap or reorder in the chronology";
      ++counts[e.text()];
    }
  }
  EXPECT_TRUE(reader->Finish().ok());
  return counts;
}

// Each round starts casefiled again on the store the last one left.
class CrashE2eTest : public CasefiledTest {
 protected:
  void SetUp() override {}
};

TEST_F(CrashE2eTest, AcknowledgedAppendsSurviveSigkillExactlyOnce) {
  std::mt19937 rng(std::random_device{}());
  Ledger ledger;
  std::string case_name;
  // Round kRounds only verifies the last crash.
  for (int round = 0; round <= kRounds; ++round) {
    const absl::Status started = StartServer();
    ASSERT_TRUE(started.ok()) << "round " << round << ": the store must reopen cleanly: " << started;
    auto stub = server_->CaseStub();
    if (case_name.empty()) {
      v1::CreateCaseRequest create;
      create.mutable_case_()->set_title("Crash");
      create.set_case_id("CRASH-1");
      v1::Case c;
      ASSERT_TRUE(stub->CreateCase(Context(kAdminToken).get(), create, &c).ok());
      case_name = c.name();
    }
    // Recovery first: everything acknowledged is there exactly once.
    int64_t version = 0;
    std::map<std::string, int> counts = TextCounts(*stub, case_name, &version);
    for (const std::string& id : ledger.acknowledged) {
      ASSERT_EQ(counts[id], 1) << "acknowledged append " << id << " after round " << round;
    }
    for (const auto& [text, n] : counts) ASSERT_EQ(n, 1) << text << " written twice";
    // Retrying the lost answers with the same ids completes them, once.
    for (const std::string& id : ledger.unacknowledged) {
      v1::AppendEntryRequest request;
      request.set_parent(case_name);
      request.set_request_id(id);
      request.mutable_entry()->set_kind(v1::ENTRY_KIND_NOTE);
      request.mutable_entry()->set_text(id);
      v1::Entry e;
      ASSERT_TRUE(stub->AppendEntry(Context(kAdminToken).get(), request, &e).ok());
      ledger.acknowledged.insert(id);
    }
    ledger.unacknowledged.clear();
    counts = TextCounts(*stub, case_name, &version);
    EXPECT_EQ(static_cast<size_t>(version), ledger.acknowledged.size());
    for (const auto& [text, n] : counts) ASSERT_EQ(n, 1) << text << " written twice after retry";
    if (round == kRounds) break;

    // Now the storm: clients append until the server dies under them.
    std::atomic<bool> stop{false};
    std::atomic<int> acknowledged_this_round{0};
    std::atomic<int> clients_running{kClients};
    std::vector<std::thread> clients;
    for (int c = 0; c < kClients; ++c) {
      clients.emplace_back([&, c] {
        auto client_stub = v1::CaseService::NewStub(server_->channel());
        for (int i = 0; !stop.load(); ++i) {
          std::string id = absl::StrCat("r", round, "-c", c, "-", i);
          v1::AppendEntryRequest request;
          request.set_parent(case_name);
          request.set_request_id(id);
          request.mutable_entry()->set_kind(v1::ENTRY_KIND_NOTE);
          request.mutable_entry()->set_text(id);
          v1::Entry e;
          grpc::Status s = client_stub->AppendEntry(Context(kAdminToken).get(), request, &e);
          absl::MutexLock lock(&ledger.mu);
          if (s.ok()) {
            ledger.acknowledged.insert(id);
            acknowledged_this_round++;
          } else {
            ledger.unacknowledged.insert(id);
            clients_running--;
            return;  // the server is gone
          }
        }
      });
    }
    // Kill at a random moment once some appends were acknowledged; the
    // assertions hold wherever the kill lands.
    const int kill_after = std::uniform_int_distribution<int>(20, 400)(rng);
    while (acknowledged_this_round.load() < kill_after && clients_running.load() == kClients) {
      std::this_thread::yield();
    }
    const bool all_running_at_kill = clients_running.load() == kClients;
    server_->Kill();
    stop = true;
    for (auto& t : clients) t.join();
    ASSERT_TRUE(all_running_at_kill) << "an append failed before the kill: " << server_->Log();
  }
  EXPECT_GT(ledger.acknowledged.size(), static_cast<size_t>(kRounds * 20));
}

}  // namespace
}  // namespace casefile::testing
