// RetryClock: time as the retry loop sees it (now, and waiting), injectable so that tests
// of backoff and deadlines run in microseconds.
#pragma once

#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

namespace jae {

class RetryClock {
 public:
  virtual ~RetryClock() = default;
  virtual std::chrono::steady_clock::time_point Now() const = 0;
  virtual std::chrono::system_clock::time_point WallNow() const = 0;  // for Retry-After dates
  virtual void SleepFor(std::chrono::milliseconds d) = 0;
};

class RealRetryClock final : public RetryClock {
 public:
  std::chrono::steady_clock::time_point Now() const override {
    return std::chrono::steady_clock::now();
  }
  std::chrono::system_clock::time_point WallNow() const override {
    return std::chrono::system_clock::now();
  }
  void SleepFor(std::chrono::milliseconds d) override { std::this_thread::sleep_for(d); }
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

}  // namespace jae
