#include "service/http_server.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <chrono>

#include "service/check_route.h"
#include "service/growing_thread_pool.h"

namespace jae {
namespace {

void Send(httplib::Response& res, const Answer& answer) {
  res.status = answer.status;
  // API answers carry personal data: never kept by a browser or a proxy.
  res.set_header("Cache-Control", "no-store");
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_content(answer.body, answer.content_type.c_str());
}

std::optional<TraceContext> TraceOf(const httplib::Request& req) {
  return ParseTraceHeaders(req.get_header_value("traceparent"),
                           req.get_header_value("X-Cloud-Trace-Context"));
}

}  // namespace

HttpServer::HttpServer(Service& service, HttpServerOptions options)
    : service_(service),
      options_(std::move(options)),
      server_(std::make_unique<httplib::Server>()) {
  const std::size_t threads = static_cast<std::size_t>(std::max(4, options_.threads));
  server_->new_task_queue = [threads] { return new GrowingThreadPool(4, threads); };
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

  server_->Post(
      "/", timed("event", [this](const httplib::Request& req, httplib::Response& res) {
        const auto trace = TraceOf(req);
        if (static_cast<std::int64_t>(req.body.size()) > options_.max_event_bytes) {
          Send(res, Answer{413, "application/json", "{\"error\":\"event body too large\"}\n"});
          return;
        }
        events::EventHeaders headers;
        headers.reserve(req.headers.size());
        for (const auto& [name, value] : req.headers) headers.emplace_back(name, value);
        Send(res, service_.HandleEvent(headers, req.body, trace ? &*trace : nullptr));
      }));

  server_->Post(
      "/v1/extract", timed("extract", [this](const httplib::Request& req, httplib::Response& res) {
        const auto trace = TraceOf(req);
        const TraceContext* t = trace ? &*trace : nullptr;
        if (req.is_multipart_form_data()) {
          if (!req.has_file("file")) {
            Send(res, Answer{400, "application/json",
                             "{\"error\":\"multipart body has no part named file\"}\n"});
            return;
          }
          const auto part = req.get_file_value("file");
          Send(res, service_.HandleExtract(part.content, part.content_type, part.filename, t));
          return;
        }
        Send(res, service_.HandleExtract(req.body, req.get_header_value("Content-Type"), "", t));
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

void HttpServer::Serve() { server_->listen_after_bind(); }

void HttpServer::Stop() { server_->stop(); }

}  // namespace jae
