// FakeClock and FakeRetryClock: clocks that say what the test tells them, so that dates,
// backoff and deadlines are tested without waiting. (Test doubles: they live with the
// others in tests/testing/, not in src/; the interfaces they implement are in
// common/clock.h.)
#pragma once

#include <chrono>
#include <mutex>
#include <vector>

#include "common/clock.h"

namespace jae::testing {

// A clock that says what the test tells it to.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(std::chrono::system_clock::time_point now) : now_(now) {}
  std::chrono::system_clock::time_point Now() const override { return now_; }
  void Set(std::chrono::system_clock::time_point now) { now_ = now; }
  void Advance(std::chrono::system_clock::duration d) { now_ += d; }

 private:
  std::chrono::system_clock::time_point now_;
};

// Sleeping advances time instantly and is recorded. Thread-safe.
class FakeRetryClock final : public RetryClock {
 public:
  FakeRetryClock() : now_(std::chrono::steady_clock::now()) {}
  std::chrono::steady_clock::time_point Now() const override {
    std::lock_guard lock(mu_);
    return now_;
  }
  std::chrono::system_clock::time_point WallNow() const override {
    std::lock_guard lock(mu_);
    return wall_base_ + (now_ - start_);
  }
  void SleepFor(std::chrono::milliseconds d) override {
    std::lock_guard lock(mu_);
    sleeps_.push_back(d);
    now_ += d;
  }
  void Advance(std::chrono::steady_clock::duration d) {
    std::lock_guard lock(mu_);
    now_ += d;
  }
  std::vector<std::chrono::milliseconds> sleeps() const {
    std::lock_guard lock(mu_);
    return sleeps_;
  }

 private:
  mutable std::mutex mu_;
  const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point now_;
  const std::chrono::system_clock::time_point wall_base_ =
      std::chrono::system_clock::time_point(std::chrono::seconds(1'800'000'000));
  std::vector<std::chrono::milliseconds> sleeps_;
};

}  // namespace jae::testing
