#include "service/growing_thread_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <vector>

namespace jae {
namespace {

TEST(GrowingThreadPool, StartsSmallAndGrowsOnlyWhenEveryWorkerIsBusy) {
  GrowingThreadPool pool(2, 6);
  EXPECT_EQ(pool.workers(), 2u);

  // Jobs that block until released: one worker each, up to the maximum.
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::atomic<int> started{0};
  for (int i = 0; i < 10; ++i) {
    pool.enqueue([&, released] {
      ++started;
      released.wait();
    });
  }
  for (int i = 0; i < 500 && started.load() < 6; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  EXPECT_EQ(started.load(), 6);  // the other four wait in the queue
  EXPECT_EQ(pool.workers(), 6u);
  release.set_value();
  pool.shutdown();  // runs the queued four before joining
  EXPECT_EQ(started.load(), 10);
}

TEST(GrowingThreadPool, ShutdownRunsQueuedJobsAndIgnoresLaterOnes) {
  std::atomic<int> ran{0};
  {
    GrowingThreadPool pool(1, 1);
    for (int i = 0; i < 50; ++i) pool.enqueue([&] { ++ran; });
    pool.shutdown();
    EXPECT_EQ(ran.load(), 50);
    pool.enqueue([&] { ++ran; });
    pool.shutdown();  // twice, and the destructor a third time: harmless
  }
  EXPECT_EQ(ran.load(), 50);
}

}  // namespace
}  // namespace jae
