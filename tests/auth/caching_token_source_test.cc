#include "auth/caching_token_source.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "testing/fake_clock.h"

namespace jae {

using testing::FakeClock;

namespace {

using std::chrono::seconds;

// A fetcher that counts calls and hands out "token-N".
class CountingFetcher final : public TokenFetcher {
 public:
  explicit CountingFetcher(seconds lifetime, std::chrono::milliseconds delay = {})
      : lifetime_(lifetime), delay_(delay) {}
  StatusOr<FetchedToken> Fetch() override {
    const int n = ++calls;
    if (delay_.count() > 0) std::this_thread::sleep_for(delay_);
    if (fail) return UnavailableError("token endpoint down");
    return FetchedToken{"token-" + std::to_string(n), lifetime_};
  }
  std::atomic<int> calls{0};
  std::atomic<bool> fail{false};

 private:
  seconds lifetime_;
  std::chrono::milliseconds delay_;
};

class CachingTokenSourceTest : public ::testing::Test {
 protected:
  std::shared_ptr<FakeClock> clock_ =
      std::make_shared<FakeClock>(std::chrono::system_clock::time_point(seconds(1'800'000'000)));
};

TEST_F(CachingTokenSourceTest, CachesUntilTheRefreshMargin) {
  auto fetcher = std::make_unique<CountingFetcher>(seconds(3600));
  auto* f = fetcher.get();
  CachingTokenSource source(std::move(fetcher), clock_);
  EXPECT_EQ(*source.Token(), "token-1");
  clock_->Advance(seconds(3600 - 301));
  EXPECT_EQ(*source.Token(), "token-1");
  EXPECT_EQ(f->calls, 1);
  clock_->Advance(seconds(2));  // now inside the 5-minute margin
  EXPECT_EQ(*source.Token(), "token-2");
  EXPECT_EQ(f->calls, 2);
}

TEST_F(CachingTokenSourceTest, FailedEarlyRefreshKeepsTheStillValidToken) {
  auto fetcher = std::make_unique<CountingFetcher>(seconds(3600));
  auto* f = fetcher.get();
  CachingTokenSource source(std::move(fetcher), clock_);
  ASSERT_TRUE(source.Token().ok());
  clock_->Advance(seconds(3600 - 200));
  f->fail = true;
  auto token = source.Token();
  ASSERT_TRUE(token.ok());
  EXPECT_EQ(*token, "token-1");
  clock_->Advance(seconds(150));  // 50 s left: below the one-minute minimum
  token = source.Token();
  ASSERT_FALSE(token.ok());
  EXPECT_EQ(token.status().code(), StatusCode::kUnavailable);
}

TEST_F(CachingTokenSourceTest, RejectsTokensThatExpireAlmostImmediately) {
  CachingTokenSource source(std::make_unique<CountingFetcher>(seconds(30)), clock_);
  auto token = source.Token();
  ASSERT_FALSE(token.ok());
  EXPECT_EQ(token.status().code(), StatusCode::kUnavailable);
}

TEST_F(CachingTokenSourceTest, ConcurrentCallersShareOneRefresh) {
  auto fetcher = std::make_unique<CountingFetcher>(seconds(3600), std::chrono::milliseconds(100));
  auto* f = fetcher.get();
  CachingTokenSource source(std::move(fetcher), clock_);
  constexpr int kThreads = 16;
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&] {
      auto t = source.Token();
      if (t.ok() && *t == "token-1") ++ok;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(f->calls, 1);
  EXPECT_EQ(ok, kThreads);
}

TEST_F(CachingTokenSourceTest, ConcurrentCallersShareOneFailure) {
  auto fetcher = std::make_unique<CountingFetcher>(seconds(3600), std::chrono::milliseconds(100));
  auto* f = fetcher.get();
  f->fail = true;
  CachingTokenSource source(std::move(fetcher), clock_);
  constexpr int kThreads = 8;
  std::vector<std::thread> threads;
  std::atomic<int> unavailable{0};
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&] {
      if (source.Token().status().code() == StatusCode::kUnavailable) ++unavailable;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(unavailable, kThreads);
  // The waiters took the refresher's answer instead of each calling the endpoint; a
  // thread scheduled only after that refresh finished may legitimately try again.
  EXPECT_LT(f->calls, kThreads);
}

TEST_F(CachingTokenSourceTest, OthersUseTheValidTokenWhileOneRefreshes) {
  auto fetcher = std::make_unique<CountingFetcher>(seconds(3600), std::chrono::milliseconds(300));
  auto* f = fetcher.get();
  CachingTokenSource source(std::move(fetcher), clock_);
  ASSERT_EQ(*source.Token(), "token-1");
  clock_->Advance(seconds(3600 - 200));  // inside the margin, still valid for 200 s
  std::thread refresher([&] { EXPECT_EQ(*source.Token(), "token-2"); });
  while (f->calls < 2) std::this_thread::yield();
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(*source.Token(), "token-1");  // did not wait for the slow refresh
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(250));
  refresher.join();
  EXPECT_EQ(*source.Token(), "token-2");
}

}  // namespace
}  // namespace jae
