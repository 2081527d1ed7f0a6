// HttpServer: the routes of CONTRACT.md "HTTP (serve)" on cpp-httplib, mapped onto a
// Service. Request bodies may be chunked (httplib decodes them); bodies past the limits
// get 413 before any handler runs.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "common/status.h"
#include "service/app_route.h"
#include "service/service.h"

namespace httplib {
class Server;
}

namespace jae {

struct HttpServerOptions {
  std::string host = "0.0.0.0";
  int port = 8080;  // 0: any free port (tests)
  // Worker threads; each holds one connection. More than MAX_INFLIGHT so that probes,
  // metrics and 429 answers still get through when every slot is busy.
  int threads = 96;
  std::chrono::seconds read_timeout{30};  // a client must send its request within this
  std::chrono::seconds write_timeout{30};
  std::int64_t max_body_bytes = 21 * 1024 * 1024;
  std::int64_t max_event_bytes = 1024 * 1024;  // events are small JSON documents
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

 private:
  Service& service_;
  HttpServerOptions options_;
  std::unique_ptr<httplib::Server> server_;
};

}  // namespace jae
