#include "service/waiting_room.h"

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <vector>

namespace jae {

Connection::~Connection() {
  if (fd >= 0) {
    ::shutdown(fd, SHUT_RDWR);
    ::close(fd);
  }
}

bool Connection::HasRequestHead() const {
  return buffered.find("\r\n\r\n") != std::string::npos || buffered.size() >= WaitingRoom::kMaxHead;
}

bool Connection::ReadAvailable() {
  char chunk[16 * 1024];
  while (!HasRequestHead()) {
    const ssize_t n = ::recv(fd, chunk, sizeof chunk, MSG_DONTWAIT);
    if (n > 0) {
      buffered.append(chunk, static_cast<std::size_t>(n));
    } else if (n == 0) {
      return false;  // the peer closed before finishing a request
    } else if (errno != EINTR) {
      return errno == EAGAIN || errno == EWOULDBLOCK;
    }
  }
  return true;
}

WaitingRoom::WaitingRoom(Ready ready, std::size_t max_parked)
    : ready_(std::move(ready)), max_parked_(std::max<std::size_t>(1, max_parked)) {
  epoll_fd_ = ::epoll_create1(EPOLL_CLOEXEC);
  wake_fd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  epoll_event wake{};
  wake.events = EPOLLIN;
  wake.data.fd = wake_fd_;
  ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &wake);
  thread_ = std::thread([this] { Run(); });
}

WaitingRoom::~WaitingRoom() {
  Stop();
  ::close(epoll_fd_);
  ::close(wake_fd_);
}

std::size_t WaitingRoom::parked() const {
  MutexLock lock(mu_);
  return parked_.size();
}

void WaitingRoom::Park(std::shared_ptr<Connection> connection, Clock::time_point deadline) {
  std::shared_ptr<Connection> evicted;  // closed outside the lock
  {
    MutexLock lock(mu_);
    if (stopped_) return;  // `connection` is closed as it goes out of scope
    if (parked_.size() >= max_parked_) {
      auto oldest = std::min_element(parked_.begin(), parked_.end(), [](auto& a, auto& b) {
        return a.second.deadline < b.second.deadline;
      });
      ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, oldest->first, nullptr);
      evicted = std::move(oldest->second.connection);
      parked_.erase(oldest);
    }
    epoll_event event{};
    event.events = EPOLLIN | EPOLLRDHUP;
    event.data.fd = connection->fd;
    if (::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, connection->fd, &event) != 0) return;
    const int fd = connection->fd;
    parked_[fd] = Parked{std::move(connection), deadline};
  }
}

void WaitingRoom::Stop() {
  std::map<int, Parked> closing;
  {
    MutexLock lock(mu_);
    if (stopped_) return;
    stopped_ = true;
    closing.swap(parked_);
  }
  const std::uint64_t one = 1;
  (void)!::write(wake_fd_, &one, sizeof one);
  if (thread_.joinable()) thread_.join();
}

void WaitingRoom::Run() {
  std::vector<epoll_event> events(256);
  for (;;) {
    // Deadlines are checked at least every 100 ms.
    const int n = ::epoll_wait(epoll_fd_, events.data(), static_cast<int>(events.size()), 100);
    std::vector<std::shared_ptr<Connection>> ready;
    std::vector<std::shared_ptr<Connection>> dropped;  // closed outside the lock
    {
      MutexLock lock(mu_);
      if (stopped_) return;
      for (int i = 0; i < n; ++i) {
        const int fd = events[static_cast<std::size_t>(i)].data.fd;
        const auto it = parked_.find(fd);
        if (fd == wake_fd_ || it == parked_.end()) continue;
        const bool drop = !it->second.connection->ReadAvailable();
        if (!drop && !it->second.connection->HasRequestHead()) continue;
        ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, fd, nullptr);
        (drop ? dropped : ready).push_back(std::move(it->second.connection));
        parked_.erase(it);
      }
      const auto now = Clock::now();
      for (auto it = parked_.begin(); it != parked_.end();) {
        if (it->second.deadline > now) {
          ++it;
          continue;
        }
        ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, it->first, nullptr);
        dropped.push_back(std::move(it->second.connection));
        it = parked_.erase(it);
      }
    }
    for (auto& connection : ready) ready_(std::move(connection));
  }
}

}  // namespace jae
