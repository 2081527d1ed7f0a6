// WaitingRoom: client connections wait here, holding no worker thread, until a complete
// request head (request line and headers) has arrived; then they are handed on.
//
// Why: cpp-httplib gives every connection a worker thread from accept() to close, so 300
// idle half-open connections (a request line and no end of headers) held all 192 workers
// and /healthz answered after the 30 s read timeout (issue 12, item 5). Here a
// connection costs a worker only while a request it has fully announced is served.
//
// Contract: Park() takes ownership of a connection and a deadline. One thread reads
// what arrives (non-blocking, into the connection's buffer); once the buffer holds
// "\r\n\r\n" (or kMaxHead bytes, for the HTTP layer to refuse) the connection goes to
// `ready`, called on that thread (it must not block: it enqueues). A connection whose
// peer closes, errs or misses its deadline is closed. At most `max_parked` wait; past
// that the one closest to its deadline is closed. Stop() closes every parked
// connection and joins the thread; Park() after Stop() closes what it is given.
// Thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "common/thread_annotations.h"

namespace jae {

// One accepted client socket and what was read from it but not yet consumed.
struct Connection {
  explicit Connection(int fd) : fd(fd) {}
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Whether `buffered` already holds a whole request head (or more than may be one).
  bool HasRequestHead() const;
  // Reads what has arrived without waiting, until a request head is buffered; false when
  // the connection is finished (the peer closed or the socket failed).
  bool ReadAvailable();

  int fd;
  std::string buffered;  // bytes read ahead of the HTTP parser
  std::size_t requests = 0;
};

class WaitingRoom {
 public:
  static constexpr std::size_t kMaxHead = 64 * 1024;
  using Clock = std::chrono::steady_clock;
  using Ready = std::function<void(std::shared_ptr<Connection>)>;

  WaitingRoom(Ready ready, std::size_t max_parked);
  ~WaitingRoom();
  WaitingRoom(const WaitingRoom&) = delete;
  WaitingRoom& operator=(const WaitingRoom&) = delete;

  void Park(std::shared_ptr<Connection> connection, Clock::time_point deadline);
  void Stop();
  std::size_t parked() const;

 private:
  struct Parked {
    std::shared_ptr<Connection> connection;
    Clock::time_point deadline;
  };
  void Run();

  const Ready ready_;
  const std::size_t max_parked_;
  int epoll_fd_ = -1;
  int wake_fd_ = -1;
  mutable Mutex mu_;
  std::map<int, Parked> parked_ JAE_GUARDED_BY(mu_);  // by fd
  bool stopped_ JAE_GUARDED_BY(mu_) = false;
  std::thread thread_;
};

}  // namespace jae
