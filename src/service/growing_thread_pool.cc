#include "service/growing_thread_pool.h"

#include <algorithm>
#include <utility>

namespace jae {

GrowingThreadPool::GrowingThreadPool(std::size_t initial, std::size_t max)
    : max_(std::max<std::size_t>(1, max)) {
  MutexLock lock(mu_);
  for (std::size_t i = 0; i < std::min(initial, max_); ++i) StartWorkerLocked();
}

GrowingThreadPool::~GrowingThreadPool() { shutdown(); }

std::size_t GrowingThreadPool::workers() const {
  MutexLock lock(mu_);
  return threads_.size();
}

void GrowingThreadPool::StartWorkerLocked() {
  threads_.emplace_back([this] { Work(); });
}

void GrowingThreadPool::enqueue(std::function<void()> job) {
  {
    MutexLock lock(mu_);
    if (shutting_down_) return;
    jobs_.push_back(std::move(job));
    // Idle workers each take one queued job; start one more for any job left over.
    if (jobs_.size() > idle_ && threads_.size() < max_) StartWorkerLocked();
  }
  ready_.notify_one();
}

void GrowingThreadPool::shutdown() {
  std::vector<std::thread> threads;
  {
    MutexLock lock(mu_);
    shutting_down_ = true;
    threads.swap(threads_);
  }
  ready_.notify_all();
  for (auto& thread : threads) thread.join();
}

void GrowingThreadPool::Work() {
  for (;;) {
    std::function<void()> job;
    {
      MutexLock lock(mu_);
      ++idle_;
      ready_.wait(lock.unique_lock(), [this] {
        mu_.AssertHeld();  // the wait runs the predicate under the lock
        return shutting_down_ || !jobs_.empty();
      });
      --idle_;
      if (jobs_.empty()) return;  // shutting down, nothing left
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    job();
  }
}

}  // namespace jae
