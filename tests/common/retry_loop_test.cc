#include "common/retry_loop.h"

#include <gtest/gtest.h>

#include <chrono>
#include <vector>

#include "testing/fake_clock.h"

namespace jae {

using testing::FakeRetryClock;

namespace {

using std::chrono::milliseconds;
using Outcome = AttemptOutcome<int>;

class RetryLoopTest : public ::testing::Test {
 protected:
  FakeRetryClock clock_;
  Backoff backoff_{BackoffPolicy{milliseconds(100), milliseconds(1000), 2.0}, 7};
  RetryPolicy policy_{4, std::nullopt, milliseconds(0)};
};

TEST_F(RetryLoopTest, OkAtOnceNeverSleeps) {
  int calls = 0;
  auto r = RetryLoop<int>(policy_, Idempotency::kIdempotent, backoff_, clock_, "op",
                          [&](milliseconds) { return ++calls, Outcome::Ok(42); });
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, 42);
  EXPECT_EQ(calls, 1);
  EXPECT_TRUE(clock_.sleeps().empty());
}

TEST_F(RetryLoopTest, TransientThenOk) {
  int calls = 0;
  auto r =
      RetryLoop<int>(policy_, Idempotency::kIdempotent, backoff_, clock_, "op", [&](milliseconds) {
        return ++calls < 3 ? Outcome::Transient(UnavailableError("down")) : Outcome::Ok(1);
      });
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(calls, 3);
  EXPECT_EQ(clock_.sleeps().size(), 2u);
}

TEST_F(RetryLoopTest, PermanentStopsAtOnce) {
  int calls = 0;
  auto r =
      RetryLoop<int>(policy_, Idempotency::kIdempotent, backoff_, clock_, "op", [&](milliseconds) {
        return ++calls, Outcome::Permanent(Status(StatusCode::kPermissionDenied, "no"));
      });
  EXPECT_EQ(r.status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(r.status().message(), "no");
  EXPECT_EQ(calls, 1);
}

TEST_F(RetryLoopTest, GivesUpAfterMaxAttemptsNamingWhereAndWhy) {
  int calls = 0;
  auto r = RetryLoop<int>(
      policy_, Idempotency::kIdempotent, backoff_, clock_, "GCS write",
      [&](milliseconds) { return ++calls, Outcome::Transient(UnavailableError("503")); });
  EXPECT_EQ(r.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(r.status().message(), "GCS write still failing after 4 attempt(s); last error: 503");
  EXPECT_EQ(calls, 4);
  EXPECT_EQ(clock_.sleeps().size(), 3u);
}

TEST_F(RetryLoopTest, NonIdempotentIsTriedOnce) {
  int calls = 0;
  auto r = RetryLoop<int>(
      policy_, Idempotency::kNonIdempotent, backoff_, clock_, "op",
      [&](milliseconds) { return ++calls, Outcome::Transient(UnavailableError("reset")); });
  EXPECT_EQ(r.status().message(), "reset");
  EXPECT_EQ(calls, 1);
}

TEST_F(RetryLoopTest, ServerHintIsAFloor) {
  int calls = 0;
  auto r =
      RetryLoop<int>(policy_, Idempotency::kIdempotent, backoff_, clock_, "op", [&](milliseconds) {
        return ++calls == 1
                   ? Outcome::Transient(ResourceExhaustedError("quota"), milliseconds(5000))
                   : Outcome::Ok(1);
      });
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(clock_.sleeps().size(), 1u);
  EXPECT_EQ(clock_.sleeps()[0], milliseconds(5000));
}

TEST_F(RetryLoopTest, DeadlineStopsRetriesAndBoundsEachAttempt) {
  policy_.max_attempts = 100;
  policy_.deadline = clock_.Now() + milliseconds(2500);
  policy_.min_attempt_time = milliseconds(200);
  std::vector<milliseconds> lefts;
  auto r = RetryLoop<int>(policy_, Idempotency::kIdempotent, backoff_, clock_, "Gemini",
                          [&](milliseconds left) {
                            lefts.push_back(left);
                            clock_.Advance(milliseconds(400));  // the attempt takes time
                            return Outcome::Transient(UnavailableError("503"));
                          });
  EXPECT_EQ(r.status().code(), StatusCode::kUnavailable);
  EXPECT_NE(r.status().message().find("deadline"), std::string::npos) << r.status().message();
  ASSERT_FALSE(lefts.empty());
  EXPECT_EQ(lefts[0], milliseconds(2500));
  for (size_t i = 1; i < lefts.size(); ++i) EXPECT_LT(lefts[i], lefts[i - 1]);
  EXPECT_LE(clock_.Now(), *policy_.deadline);
}

TEST_F(RetryLoopTest, NoTimeForAFirstAttempt) {
  policy_.deadline = clock_.Now() + milliseconds(50);
  policy_.min_attempt_time = milliseconds(200);
  int calls = 0;
  auto r = RetryLoop<int>(policy_, Idempotency::kIdempotent, backoff_, clock_, "op",
                          [&](milliseconds) { return ++calls, Outcome::Ok(1); });
  EXPECT_EQ(r.status().code(), StatusCode::kDeadlineExceeded);
  EXPECT_EQ(calls, 0);
}

}  // namespace
}  // namespace jae
