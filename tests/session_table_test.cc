#include "core/access/session_table.h"

#include "gtest/gtest.h"

namespace casefile {
namespace {

class SessionTableTest : public ::testing::Test {
 protected:
  absl::Time now_ = absl::FromUnixSeconds(1'800'000'000);
  SessionTable table_{{.idle_timeout = absl::Minutes(15), .max_age = absl::Hours(8)}, [this] { return now_; }};
  const Caller hughes_{"hughes4471", "DC 4471 Hughes", Role::kInvestigator, "ipv4:10.0.0.1:5000", {"cait"}};
};

TEST_F(SessionTableTest, AnOpenSessionGivesItsCallerWithoutThePeer) {
  OpenedSession session = table_.Open(hughes_);
  EXPECT_EQ(session.token.size(), 43u);
  EXPECT_EQ(session.expire_time, now_ + absl::Hours(8));
  absl::StatusOr<Caller> caller = table_.Use(session.token);
  ASSERT_TRUE(caller.ok()) << caller.status();
  EXPECT_EQ(caller->user, "hughes4471");
  EXPECT_EQ(caller->display_name, "DC 4471 Hughes");
  EXPECT_EQ(caller->teams, std::vector<std::string>{"cait"});
  EXPECT_EQ(caller->peer, "");
  EXPECT_NE(table_.Open(hughes_).token, session.token);
  EXPECT_EQ(table_.Use("not-a-session").status().code(), absl::StatusCode::kNotFound);
}

TEST_F(SessionTableTest, IdleTimeoutEndsAnUnusedSessionAndUseKeepsItAlive) {
  OpenedSession session = table_.Open(hughes_);
  now_ += absl::Minutes(14);
  EXPECT_TRUE(table_.Use(session.token).ok());
  now_ += absl::Minutes(14);  // 28 minutes after sign-in, 14 after last use
  EXPECT_TRUE(table_.Use(session.token).ok());
  now_ += absl::Minutes(15);
  absl::StatusOr<Caller> ended = table_.Use(session.token);
  EXPECT_EQ(ended.status().code(), absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(ended.status().message(), "session ended: unused for longer than the idle timeout; sign in again");
  EXPECT_EQ(table_.Use(session.token).status().code(), absl::StatusCode::kNotFound);  // forgotten
  EXPECT_EQ(table_.size(), 0u);
}

// Check (for a live watch) says whether a session is live without keeping
// it alive: a watch left open does not stretch the idle timeout.
TEST_F(SessionTableTest, CheckDoesNotCountAsUse) {
  OpenedSession session = table_.Open(hughes_);
  now_ += absl::Minutes(14);
  EXPECT_TRUE(table_.Check(session.token).ok());
  now_ += absl::Minutes(2);  // 16 minutes after sign-in, checked but not used
  EXPECT_EQ(table_.Check(session.token),
            absl::UnauthenticatedError("session ended: unused for longer than the idle timeout; sign in again"));
  OpenedSession other = table_.Open(hughes_);
  ASSERT_TRUE(table_.Close(other.token));
  EXPECT_EQ(table_.Check(other.token), absl::UnauthenticatedError("session ended; sign in again"));
}

TEST_F(SessionTableTest, MaxAgeEndsASessionInUse) {
  OpenedSession session = table_.Open(hughes_);
  for (int i = 0; i < 47; ++i) {
    now_ += absl::Minutes(10);
    ASSERT_TRUE(table_.Use(session.token).ok()) << i;
  }
  now_ += absl::Minutes(10);  // 8 hours after sign-in
  EXPECT_EQ(table_.Use(session.token).status().message(),
            "session ended: open longer than the maximum session age; sign in again");
}

TEST_F(SessionTableTest, CloseEndsOneSession) {
  OpenedSession first = table_.Open(hughes_);
  OpenedSession second = table_.Open(hughes_);
  EXPECT_TRUE(table_.Close(first.token));
  EXPECT_FALSE(table_.Close(first.token));
  EXPECT_EQ(table_.Use(first.token).status().code(), absl::StatusCode::kNotFound);
  EXPECT_TRUE(table_.Use(second.token).ok());
}

TEST_F(SessionTableTest, CloseUnlessEndsTheSessionsItRejects) {
  OpenedSession hughes = table_.Open(hughes_);
  OpenedSession edt = table_.Open(Caller{"edt1", "EDT", Role::kOutOfHours});
  EXPECT_EQ(table_.CloseUnless([](const Caller& c) { return c.role == Role::kOutOfHours; }), 1u);
  EXPECT_EQ(table_.Use(hughes.token).status().code(), absl::StatusCode::kNotFound);
  EXPECT_TRUE(table_.Use(edt.token).ok());
}

TEST_F(SessionTableTest, EndedSessionsAreForgottenAsNewOnesOpen) {
  table_.Open(hughes_);
  table_.Open(hughes_);
  now_ += absl::Hours(1);
  table_.Open(hughes_);
  EXPECT_EQ(table_.size(), 1u);
}

TEST_F(SessionTableTest, OpeningOneMoreThanTheMaximumEndsTheUsersOldest) {
  SessionTable table({.idle_timeout = absl::Minutes(15), .max_age = absl::Hours(8), .max_per_user = 2},
                     [this] { return now_; });
  OpenedSession first = table.Open(hughes_);
  OpenedSession second = table.Open(hughes_);
  OpenedSession other = table.Open(Caller{"edt1", "EDT", Role::kOutOfHours});
  EXPECT_TRUE(table.Close(second.token));
  OpenedSession third = table.Open(hughes_);  // two open: first, third
  EXPECT_TRUE(table.Use(first.token).ok());
  OpenedSession fourth = table.Open(hughes_);  // ends first
  EXPECT_EQ(table.Use(first.token).status().code(), absl::StatusCode::kNotFound);
  EXPECT_TRUE(table.Use(third.token).ok());
  EXPECT_TRUE(table.Use(fourth.token).ok());
  EXPECT_TRUE(table.Use(other.token).ok());
  EXPECT_EQ(table.size(), 3u);
}

}  // namespace
}  // namespace casefile
