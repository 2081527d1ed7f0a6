// HttpServer: the routes of CONTRACT.md "HTTP (serve)" on cpp-httplib, mapped onto a
// Service. Request bodies may be chunked or compressed (httplib decodes them); bodies
// are counted as decoded and refused with 413 past the limits, connection closed.
// Connections hold a worker thread only while a request is served (waiting_room.h).
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"
#include "service/access_control.h"
#include "service/app_route.h"
#include "service/service.h"

namespace httplib {
class Server;
}

namespace jae {

class ParkingServer;

struct HttpServerOptions {
  std::string host = "0.0.0.0";
  int port = 8080;  // 0: any free port (tests)
  // Worker threads; each serves one request at a time (a connection waiting for its
  // next request holds none). More than MAX_INFLIGHT so that probes, metrics and 429
  // answers still get through when every slot is busy.
  int threads = 96;
  // A new connection must send a whole request head (line and headers) within this,
  // waiting in a WaitingRoom meanwhile; at most max_waiting connections wait (past that
  // the oldest is closed). Kept-alive connections wait there 2 s for their next request.
  std::chrono::seconds head_timeout{10};
  std::size_t max_waiting = 4096;
  std::chrono::seconds read_timeout{30};  // longest wait for body bytes
  std::chrono::seconds write_timeout{30};
  std::int64_t max_body_bytes = 21 * 1024 * 1024;
  std::int64_t max_event_bytes = 1024 * 1024;  // events are small JSON documents
  // Who may call /v1/* and /app/ (access_control.h); must outlive the server. Null:
  // loopback peers only (secure by default).
  AccessPolicy* access = nullptr;
  AppSettings app;                             // GET /app/ (app_route.h)
};

class HttpServer {
 public:
  HttpServer(Service& service, HttpServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the listening socket; returns the port (useful when options.port is 0).
  StatusOr<int> Bind();
  // Serves until Stop(); in-flight requests finish before it returns.
  void Serve();
  // Closes the listening socket; thread-safe, callable from any thread.
  void Stop();

  // Raw HTTP/1.1 bytes as a client sent them (up to 16 pipelined requests) through the
  // same parser, body limits and routes as a connection, without socket or thread;
  // returns the bytes that would be sent back. For tests and the fuzzer (fuzz_http).
  std::string ServeBytes(std::string_view request);

 private:
  Service& service_;
  HttpServerOptions options_;
  std::unique_ptr<httplib::Server> server_;
  ParkingServer* parking_ = nullptr;  // server_, as the type that parks connections
  std::unique_ptr<AccessPolicy> default_access_;
};

}  // namespace jae
