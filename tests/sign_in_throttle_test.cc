#include "core/access/sign_in_throttle.h"

#include "gtest/gtest.h"

namespace casefile {
namespace {

class SignInThrottleTest : public ::testing::Test {
 protected:
  absl::Time now_ = absl::FromUnixSeconds(1'800'000'000);
  SignInThrottle throttle_{{.max_failures_per_user = 5,
                            .max_failures_per_address = 8,
                            .failure_window = absl::Minutes(15),
                            .lockout = absl::Minutes(1),
                            .max_lockout = absl::Minutes(5)},
                           [this] { return now_; }};

  std::string Check(const std::string& user, const std::string& address = "ipv4:10.0.0.1") {
    absl::Status s = throttle_.Check(user, address);
    return s.ok() ? "ok" : std::string(s.message());
  }
  void Fail(const std::string& user, int times, const std::string& address = "ipv4:10.0.0.1") {
    for (int i = 0; i < times; ++i) throttle_.RecordFailure(user, address);
  }
};

TEST_F(SignInThrottleTest, FiveFailuresLockTheUserForAMinute) {
  Fail("hughes", 4);
  EXPECT_EQ(Check("hughes"), "ok");
  Fail("hughes", 1);
  EXPECT_EQ(throttle_.Check("hughes", "x").code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(Check("hughes"), "too many failed sign-ins for this user name: try again in 1m");
  now_ += absl::Seconds(30.5);
  EXPECT_EQ(Check("hughes"), "too many failed sign-ins for this user name: try again in 30s");
  EXPECT_EQ(Check("edt1", "ipv4:10.0.0.2"), "ok");
  now_ += absl::Seconds(29.5);
  EXPECT_EQ(Check("hughes"), "ok");
}

TEST_F(SignInThrottleTest, EachFurtherLockDoublesTheWaitUpToTheMaximum) {
  for (absl::Duration wait : {absl::Minutes(1), absl::Minutes(2), absl::Minutes(4), absl::Minutes(5),
                              absl::Minutes(5)}) {
    Fail("hughes", 5, "ipv4:10.0.0." + std::to_string(absl::ToInt64Minutes(wait)));
    EXPECT_EQ(Check("hughes", "elsewhere"),
              "too many failed sign-ins for this user name: try again in " + absl::FormatDuration(wait));
    now_ += wait;
  }
}

TEST_F(SignInThrottleTest, FailuresOutsideTheWindowDoNotCount) {
  Fail("hughes", 4);
  now_ += absl::Minutes(15);
  Fail("hughes", 4);
  EXPECT_EQ(Check("hughes"), "ok");
}

TEST_F(SignInThrottleTest, SuccessClearsTheUsersCountButNotTheAddresss) {
  Fail("hughes", 4);
  throttle_.RecordSuccess("hughes");
  Fail("hughes", 4);
  EXPECT_EQ(Check("hughes", "elsewhere"), "ok");
  // 8 failures from the address lock it, for every name.
  EXPECT_EQ(Check("edt1"), "too many failed sign-ins from this address: try again in 1m");
}

TEST_F(SignInThrottleTest, AQuietWindowAfterALockStartsAfresh) {
  Fail("hughes", 5, "a");
  now_ += absl::Minutes(1);
  Fail("hughes", 5, "b");
  EXPECT_EQ(Check("hughes", "c"), "too many failed sign-ins for this user name: try again in 2m");
  now_ += absl::Minutes(2) + absl::Minutes(15);
  Fail("hughes", 5, "d");
  EXPECT_EQ(Check("hughes", "e"), "too many failed sign-ins for this user name: try again in 1m");
}

TEST_F(SignInThrottleTest, TheLongerOfTwoLocksIsNamed) {
  Fail("a", 4, "x");
  Fail("b", 4, "x");  // address x: 8 failures, locked 1m
  now_ += absl::Seconds(10);
  Fail("c", 5, "y");  // user c: locked 1m from now
  EXPECT_EQ(Check("c", "x"), "too many failed sign-ins for this user name: try again in 1m");
  EXPECT_EQ(Check("d", "x"), "too many failed sign-ins from this address: try again in 50s");
}

}  // namespace
}  // namespace casefile
