// GrowingThreadPool: cpp-httplib's task queue, with workers started on demand.
//
// Why: each kept-alive connection holds a worker, so the server needs ~2 x MAX_INFLIGHT
// of them under load — but creating 192 threads up front cost ~80 ms of a ~150 ms
// start-up (Cloud Run counts start-up against cold requests) for workers an idle or
// lightly loaded instance never uses.
//
// Contract: starts `initial` workers; Enqueue starts another when no worker is idle,
// until there are `max` (then jobs wait in FIFO order, as in httplib::ThreadPool).
// Workers are never stopped before shutdown. shutdown() runs the jobs already queued,
// then joins every worker. Thread-safe.
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "common/thread_annotations.h"

namespace jae {

class GrowingThreadPool final : public httplib::TaskQueue {
 public:
  GrowingThreadPool(std::size_t initial, std::size_t max);
  ~GrowingThreadPool() override;

  void enqueue(std::function<void()> job) override;
  void shutdown() override;

  std::size_t workers() const;

 private:
  void StartWorkerLocked() JAE_REQUIRES(mu_);
  void Work();

  const std::size_t max_;
  mutable Mutex mu_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_ JAE_GUARDED_BY(mu_);
  std::vector<std::thread> threads_ JAE_GUARDED_BY(mu_);
  std::size_t idle_ JAE_GUARDED_BY(mu_) = 0;
  bool shutting_down_ JAE_GUARDED_BY(mu_) = false;
};

}  // namespace jae
