#include "service/http_server.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "service/check_route.h"
#include "service/growing_thread_pool.h"
#include "service/waiting_room.h"

namespace jae {
namespace {

// Set by a handler that refused a body it did not read to the end: the connection must
// close after this response, or the unread rest would be parsed as the next request.
// Thread-local because httplib runs a request's handler on the thread that called
// process_request, and gives the handler no handle on the connection.
thread_local bool close_after_response = false;

bool WaitFor(int fd, short events, std::chrono::milliseconds timeout) {
  pollfd p{fd, events, 0};
  for (;;) {
    const int n = ::poll(&p, 1, static_cast<int>(timeout.count()));
    if (n >= 0) return n > 0;
    if (errno != EINTR) return false;
  }
}

// httplib's Stream over a Connection: what the waiting room read ahead first, then the
// socket, each wait bounded by the read or write timeout.
class ConnectionStream final : public httplib::Stream {
 public:
  ConnectionStream(Connection& connection, std::chrono::milliseconds read_timeout,
                   std::chrono::milliseconds write_timeout)
      : c_(connection), read_timeout_(read_timeout), write_timeout_(write_timeout) {}
  // What the parser consumed leaves the buffer; the rest is the next request's.
  ~ConnectionStream() override { c_.buffered.erase(0, consumed_); }

  bool is_readable() const override {
    return consumed_ < c_.buffered.size() || WaitFor(c_.fd, POLLIN, read_timeout_);
  }
  bool is_writable() const override { return WaitFor(c_.fd, POLLOUT, write_timeout_); }

  ssize_t read(char* ptr, size_t size) override {
    if (consumed_ < c_.buffered.size()) {
      const std::size_t n = std::min(size, c_.buffered.size() - consumed_);
      std::memcpy(ptr, c_.buffered.data() + consumed_, n);
      consumed_ += n;
      return static_cast<ssize_t>(n);
    }
    if (!WaitFor(c_.fd, POLLIN, read_timeout_)) return -1;
    for (;;) {
      const ssize_t n = ::recv(c_.fd, ptr, size, 0);
      if (n >= 0 || errno != EINTR) return n;
    }
  }

  ssize_t write(const char* ptr, size_t size) override {
    if (!is_writable()) return -1;
    for (;;) {
      const ssize_t n = ::send(c_.fd, ptr, size, MSG_NOSIGNAL);
      if (n >= 0 || errno != EINTR) return n;
    }
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (::getpeername(c_.fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) return;
    Describe(address, length, ip, port);
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (::getsockname(c_.fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) return;
    Describe(address, length, ip, port);
  }
  socket_t socket() const override { return c_.fd; }

 private:
  static void Describe(const sockaddr_storage& address, socklen_t length, std::string& ip,
                       int& port) {
    char host[NI_MAXHOST];
    char service[NI_MAXSERV];
    if (::getnameinfo(reinterpret_cast<const sockaddr*>(&address), length, host, sizeof host,
                      service, sizeof service, NI_NUMERICHOST | NI_NUMERICSERV) != 0) {
      return;
    }
    ip = host;
    port = std::atoi(service);
  }

  Connection& c_;
  std::size_t consumed_ = 0;
  std::chrono::milliseconds read_timeout_;
  std::chrono::milliseconds write_timeout_;
};

// httplib's Stream over bytes in memory: a request as a client sent it, and the answer.
class BytesStream final : public httplib::Stream {
 public:
  BytesStream(std::string_view input, std::string& output) : input_(input), output_(output) {}
  bool is_readable() const override { return !input_.empty(); }
  bool is_writable() const override { return true; }
  ssize_t read(char* ptr, size_t size) override {
    const std::size_t n = std::min(size, input_.size());
    std::memcpy(ptr, input_.data(), n);
    input_.remove_prefix(n);
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* ptr, size_t size) override {
    output_.append(ptr, size);
    return static_cast<ssize_t>(size);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = "127.0.0.1";
    port = 40000;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip = "127.0.0.1";
    port = 8080;
  }
  socket_t socket() const override { return INVALID_SOCKET; }
  bool exhausted() const { return input_.empty(); }

 private:
  std::string_view input_;
  std::string& output_;
};

}  // namespace

// httplib::Server whose connections hold a worker only while a request is served: until
// a request head has arrived (the first, or the next on a kept-alive connection) they
// wait in a WaitingRoom, which needs no thread per connection.
class ParkingServer final : public httplib::Server {
 public:
  ParkingServer(std::chrono::seconds head_timeout, std::size_t max_parked)
      : head_timeout_(head_timeout),
        room_([this](std::shared_ptr<Connection> c) { Dispatch(std::move(c)); }, max_parked) {}

  // The worker pool httplib creates in listen(); set by new_task_queue.
  void UsePool(httplib::TaskQueue* pool) { pool_ = pool; }
  void StopWaiting() { room_.Stop(); }

  // HttpServer::ServeBytes.
  std::string ServeBytes(std::string_view request) {
    std::string response;
    BytesStream stream(request, response);
    for (int i = 0; i < 16 && !stream.exhausted(); ++i) {
      bool closed = false;
      close_after_response = false;
      if (!process_request(stream, /*close_connection=*/false, closed, nullptr) || closed ||
          close_after_response) {
        break;
      }
    }
    return response;
  }

 private:
  // Called by httplib on a worker for each accepted socket: read what is there already
  // (a request usually arrives with the connection) and serve it, or park the socket.
  bool process_and_close_socket(socket_t sock) override {
    auto connection = std::make_shared<Connection>(sock);
    if (!connection->ReadAvailable()) return false;
    if (connection->HasRequestHead()) {
      Serve(std::move(connection));
    } else {
      room_.Park(std::move(connection), WaitingRoom::Clock::now() + head_timeout_);
    }
    return true;
  }

  void Dispatch(std::shared_ptr<Connection> connection) {
    httplib::TaskQueue* pool = pool_.load();
    if (pool == nullptr) return;  // not serving: `connection` closes here
    pool->enqueue([this, connection] { Serve(connection); });
  }

  // Serves the requests whose heads are buffered, then parks the connection until the
  // next (kept alive for keep_alive_timeout_sec_) or closes it.
  void Serve(std::shared_ptr<Connection> connection) {
    const auto ms = [](time_t sec, time_t usec) {
      return std::chrono::milliseconds(sec * 1000 + usec / 1000);
    };
    for (;;) {
      const bool last = ++connection->requests >= keep_alive_max_count_ ||
                        svr_sock_ == INVALID_SOCKET;  // stopping
      bool closed = false;
      bool ok = false;
      close_after_response = false;
      {
        ConnectionStream stream(*connection, ms(read_timeout_sec_, read_timeout_usec_),
                                ms(write_timeout_sec_, write_timeout_usec_));
        ok = process_request(stream, last, closed, nullptr);
      }
      if (!ok || closed || last || close_after_response) return;
      if (!connection->HasRequestHead()) break;
    }
    room_.Park(std::move(connection),
               WaitingRoom::Clock::now() + std::chrono::seconds(keep_alive_timeout_sec_));
  }

  const std::chrono::seconds head_timeout_;
  std::atomic<httplib::TaskQueue*> pool_{nullptr};
  WaitingRoom room_;
};

namespace {

void Send(httplib::Response& res, const Answer& answer) {
  res.status = answer.status;
  // API answers carry personal data: never kept by a browser or a proxy.
  res.set_header("Cache-Control", "no-store");
  res.set_header("X-Content-Type-Options", "nosniff");
  // Busy (429) or degraded (503): a client told when to come back does not hammer us (the
  // web app follows it; Pub/Sub and Eventarc keep their own backoff and ignore it).
  if (answer.status == 429) res.set_header("Retry-After", "2");
  if (answer.status == 503) res.set_header("Retry-After", "5");
  res.set_content(answer.body, answer.content_type.c_str());
}

enum class BodyRead { kComplete, kTooLarge, kBroken };

// A body too large or unreadable is refused and the connection closed. httplib itself
// sets 413 when a Content-Length is past the limit (it discards that body, unstored).
void SendBodyRefused(httplib::Response& res, BodyRead read) {
  res.set_header("Connection", "close");
  close_after_response = true;
  if (read == BodyRead::kTooLarge || res.status == 413) {
    Send(res, Answer{413, "application/json", "{\"error\":\"request body too large\"}\n"});
  } else {
    Send(res, Answer{400, "application/json", "{\"error\":\"request body cannot be read\"}\n"});
  }
}

// Reads the whole (de-chunked, decompressed) body into `body`; stops as soon as it
// passes `limit` bytes (nothing more is read) or the stream breaks.
BodyRead ReadBoundedBody(const httplib::ContentReader& reader, std::int64_t limit,
                         std::string& body) {
  bool too_large = false;
  const bool complete = reader([&](const char* data, std::size_t length) {
    if (static_cast<std::int64_t>(body.size() + length) > limit) {
      too_large = true;
      return false;
    }
    body.append(data, length);
    return true;
  });
  if (too_large) return BodyRead::kTooLarge;
  return complete ? BodyRead::kComplete : BodyRead::kBroken;
}

struct UploadedFile {
  std::string content;
  std::string content_type;
  std::string filename;
};

// The first multipart part named "file"; the other parts are counted, not kept. Stops
// past `limit` bytes of parts in all; `file` stays empty when no part has that name.
BodyRead ReadBoundedFile(const httplib::ContentReader& reader, std::int64_t limit,
                         std::optional<UploadedFile>& file) {
  std::int64_t total = 0;
  bool in_file = false;
  bool too_large = false;
  const bool complete = reader(
      [&](const httplib::MultipartFormData& part) {
        in_file = part.name == "file" && !file;
        if (in_file) file = UploadedFile{"", part.content_type, part.filename};
        return true;
      },
      [&](const char* data, std::size_t length) {
        total += static_cast<std::int64_t>(length);
        if (total > limit) {
          too_large = true;
          return false;
        }
        if (in_file) file->content.append(data, length);
        return true;
      });
  if (too_large) return BodyRead::kTooLarge;
  return complete ? BodyRead::kComplete : BodyRead::kBroken;
}

std::optional<TraceContext> TraceOf(const httplib::Request& req) {
  return ParseTraceHeaders(req.get_header_value("traceparent"),
                           req.get_header_value("X-Cloud-Trace-Context"));
}

}  // namespace

HttpServer::HttpServer(Service& service, HttpServerOptions options)
    : service_(service), options_(std::move(options)) {
  auto parking = std::make_unique<ParkingServer>(options_.head_timeout, options_.max_waiting);
  ParkingServer* raw = parking.get();
  parking_ = raw;
  server_ = std::move(parking);
  const std::size_t threads = static_cast<std::size_t>(std::max(4, options_.threads));
  server_->new_task_queue = [threads, raw] {
    auto* pool = new GrowingThreadPool(4, threads);
    raw->UsePool(pool);
    return pool;
  };
  server_->set_read_timeout(options_.read_timeout);
  server_->set_write_timeout(options_.write_timeout);
  server_->set_payload_max_length(static_cast<std::size_t>(options_.max_body_bytes));
  server_->set_keep_alive_max_count(1000);
  server_->set_keep_alive_timeout(2);
  // httplib writes a response's headers and body in separate send()s; with Nagle's
  // algorithm on, the body waits for the ACK of the headers, which the client delays by
  // up to 40 ms (load benchmark: 45 ms p50 between our clock stopping and the sender's
  // 200 — on every event, and the same on every probe).
  server_->set_tcp_nodelay(true);

  // Access control for the routes that answer personal data, before any body is read.
  if (options_.access == nullptr) {
    default_access_ = std::make_unique<ConfiguredAccess>(
        AccessOptions{}, nullptr, [] { return std::chrono::system_clock::now(); });
    options_.access = default_access_.get();
  }
  server_->set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    if (!req.path.starts_with("/v1/") && !req.path.starts_with("/app")) {
      return httplib::Server::HandlerResponse::Unhandled;
    }
    const std::string iap = req.get_header_value("x-goog-iap-jwt-assertion");
    const std::string authorization = req.get_header_value("Authorization");
    const AccessDecision decision = options_.access->Decide({req.remote_addr, iap, authorization});
    if (decision.allowed) return httplib::Server::HandlerResponse::Unhandled;
    service_.log().Write(Severity::kWarning, "access refused",
                         {{"status", decision.status}, {"reason", decision.reason}});
    service_.metrics().CountRequest("access_refused", decision.status, 0.0);
    if (decision.status == 401) res.set_header("WWW-Authenticate", "Bearer");
    res.set_header("Connection", "close");  // the body was not read
    Send(res, Answer{decision.status, "application/json",
                     decision.status == 401   ? "{\"error\":\"authentication required\"}\n"
                     : decision.status == 403 ? "{\"error\":\"access denied\"}\n"
                                              : "{\"error\":\"access check unavailable\"}\n"});
    return httplib::Server::HandlerResponse::Handled;
  });

  // Every route is timed and counted under a fixed label (never the raw path).
  auto timed = [this](const char* route, auto handler) {
    return [this, route, handler](const httplib::Request& req, httplib::Response& res) {
      const auto start = std::chrono::steady_clock::now();
      handler(req, res);
      service_.metrics().CountRequest(
          route, res.status,
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    };
  };
  auto timed_reader = [this](const char* route, auto handler) {
    return [this, route, handler](const httplib::Request& req, httplib::Response& res,
                                  const httplib::ContentReader& reader) {
      const auto start = std::chrono::steady_clock::now();
      handler(req, res, reader);
      service_.metrics().CountRequest(
          route, res.status,
          std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    };
  };

  // Bodies are read through a ContentReader, counted after decoding: httplib 0.11 applies
  // set_payload_max_length to Content-Length bodies only, so a chunked or gzip body used to
  // be held in full (300 MB of zeros in 305 KB of gzip: 590 MB RSS; issue 12, item 2).
  server_->Post("/",
                timed_reader("event", [this](const httplib::Request& req, httplib::Response& res,
                                             const httplib::ContentReader& reader) {
                  const auto trace = TraceOf(req);
                  std::string body;
                  const BodyRead read = ReadBoundedBody(reader, options_.max_event_bytes, body);
                  if (read != BodyRead::kComplete) return SendBodyRefused(res, read);
                  events::EventHeaders headers;
                  headers.reserve(req.headers.size());
                  for (const auto& [name, value] : req.headers) headers.emplace_back(name, value);
                  Send(res, service_.HandleEvent(headers, body, trace ? &*trace : nullptr));
                }));

  server_->Post(
      "/v1/extract",
      timed_reader("extract", [this](const httplib::Request& req, httplib::Response& res,
                                     const httplib::ContentReader& reader) {
        const auto trace = TraceOf(req);
        const TraceContext* t = trace ? &*trace : nullptr;
        if (req.is_multipart_form_data()) {
          std::optional<UploadedFile> file;
          const BodyRead read = ReadBoundedFile(reader, options_.max_body_bytes, file);
          if (read != BodyRead::kComplete) return SendBodyRefused(res, read);
          if (!file) {
            Send(res, Answer{400, "application/json",
                             "{\"error\":\"multipart body has no part named file\"}\n"});
            return;
          }
          Send(res, service_.HandleExtract(file->content, file->content_type, file->filename, t));
          return;
        }
        std::string body;
        const BodyRead read = ReadBoundedBody(reader, options_.max_body_bytes, body);
        if (read != BodyRead::kComplete) return SendBodyRefused(res, read);
        Send(res, service_.HandleExtract(body, req.get_header_value("Content-Type"), "", t));
      }));

  server_->Post("/v1/check",
                timed("check", [this](const httplib::Request& req, httplib::Response& res) {
                  const auto trace = TraceOf(req);
                  Send(res, HandleCheckHttp(service_, req, trace ? &*trace : nullptr));
                }));

  AddAppRoutes(*server_, options_.app);

  server_->Get("/healthz",
               timed("healthz", [this](const httplib::Request&, httplib::Response& res) {
                 Send(res, service_.Healthz());
               }));
  server_->Get("/readyz", timed("readyz", [this](const httplib::Request&, httplib::Response& res) {
                 Send(res, service_.Readyz());
               }));
  server_->Get("/metrics",
               timed("metrics", [this](const httplib::Request&, httplib::Response& res) {
                 Send(res, service_.MetricsText());
               }));
  // No exception may escape into httplib's worker (it would answer 500 with its text).
  server_->set_exception_handler(
      [this](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        service_.log().Write(Severity::kError, "unexpected exception in a request handler");
        Send(res, Answer{500, "application/json", "{\"error\":\"internal error\"}\n"});
      });
}

HttpServer::~HttpServer() = default;

namespace {

// cpp-httplib (as Debian compiles it) listens with a backlog of 5: a burst of events
// (200 senders at once) would overflow it and wait for SYN retransmits (1 s, 3 s...).
// Linux lets listen() be called again to raise the backlog; find our socket and do so.
void RaiseListenBacklog(int port) {
  for (int fd = 3; fd < 1024; ++fd) {
    int accepting = 0;
    socklen_t length = sizeof accepting;
    if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &accepting, &length) != 0 || !accepting) continue;
    sockaddr_storage address{};
    socklen_t address_length = sizeof address;
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&address), &address_length) != 0) continue;
    int bound = -1;
    if (address.ss_family == AF_INET) {
      bound = ntohs(reinterpret_cast<sockaddr_in*>(&address)->sin_port);
    } else if (address.ss_family == AF_INET6) {
      bound = ntohs(reinterpret_cast<sockaddr_in6*>(&address)->sin6_port);
    }
    if (bound == port) ::listen(fd, SOMAXCONN);
  }
}

}  // namespace

StatusOr<int> HttpServer::Bind() {
  int port = options_.port;
  if (port == 0) {
    port = server_->bind_to_any_port(options_.host);
    if (port <= 0) return UnavailableError("cannot bind a port on " + options_.host);
  } else if (!server_->bind_to_port(options_.host, port)) {
    return UnavailableError("cannot listen on " + options_.host + ":" + std::to_string(port));
  }
  RaiseListenBacklog(port);
  return port;
}

void HttpServer::Serve() {
  server_->listen_after_bind();
  // The pool is gone once listen returns: nothing may be dispatched to it any more.
  parking_->StopWaiting();
  parking_->UsePool(nullptr);
}

std::string HttpServer::ServeBytes(std::string_view request) {
  return parking_->ServeBytes(request);
}

void HttpServer::Stop() {
  parking_->StopWaiting();
  server_->stop();
}

}  // namespace jae
