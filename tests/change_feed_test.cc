#include "core/chronology/change_feed.h"

#include <atomic>
#include <thread>

#include "absl/synchronization/notification.h"
#include "gtest/gtest.h"

namespace casefile {
namespace {

TEST(ChangeFeedTest, PublishReachesEveryListenerOfThatCaseOnly) {
  ChangeFeed feed;
  int a1 = 0, a2 = 0, a_dash_1 = 0;
  uint64_t t1 = feed.Subscribe("A", [&] { ++a1; });
  uint64_t t2 = feed.Subscribe("A", [&] { ++a2; });
  uint64_t t3 = feed.Subscribe("A-1", [&] { ++a_dash_1; });
  EXPECT_EQ(t1, 1u);
  EXPECT_EQ(t2, 2u);
  EXPECT_EQ(t3, 3u);

  feed.Publish("A");
  feed.Publish("A");
  feed.Publish("B");  // nobody listens
  EXPECT_EQ(a1, 2);
  EXPECT_EQ(a2, 2);
  EXPECT_EQ(a_dash_1, 0);
  feed.Publish("A-1");
  EXPECT_EQ(a_dash_1, 1);
  EXPECT_EQ(a1, 2);
}

TEST(ChangeFeedTest, UnsubscribeRemovesOnlyThatListener) {
  ChangeFeed feed;
  int first = 0, second = 0;
  uint64_t t1 = feed.Subscribe("A", [&] { ++first; });
  feed.Subscribe("A", [&] { ++second; });
  feed.Unsubscribe(t1);
  feed.Unsubscribe(t1);    // twice: no effect
  feed.Unsubscribe(9999);  // unknown: no effect
  feed.Publish("A");
  EXPECT_EQ(first, 0);
  EXPECT_EQ(second, 1);
  // Tokens are never reused.
  EXPECT_EQ(feed.Subscribe("A", [] {}), 3u);
}

// After Unsubscribe returns, the listener is not running and never runs
// again, even while another thread keeps publishing.
TEST(ChangeFeedTest, NoCallAfterUnsubscribeReturns) {
  ChangeFeed feed;
  std::atomic<int> calls{0};
  absl::Notification called_once;
  uint64_t token = feed.Subscribe("A", [&] {
    if (++calls == 1) called_once.Notify();
  });
  std::atomic<bool> stop{false};
  std::thread publisher([&] {
    while (!stop) feed.Publish("A");
  });
  called_once.WaitForNotification();
  feed.Unsubscribe(token);
  const int at_unsubscribe = calls.load();
  // The publisher goes on for a while; the count must not move.
  absl::Notification more_published;
  feed.Subscribe("A", [&, n = 0]() mutable {
    if (++n == 1000) more_published.Notify();
  });
  more_published.WaitForNotification();
  stop = true;
  publisher.join();
  EXPECT_EQ(calls.load(), at_unsubscribe);
}

}  // namespace
}  // namespace casefile
