// A scripted HttpClient for unit tests: every request is recorded and answered by a
// handler, so tests see exactly what was sent without a socket.
#pragma once

#include <functional>
#include <mutex>
#include <vector>

#include "http/http_client.h"

namespace jae::testing {

class FakeHttpClient final : public HttpClient {
 public:
  using Handler = std::function<StatusOr<HttpResponse>(const HttpRequest&)>;
  explicit FakeHttpClient(Handler handler = nullptr) : handler_(std::move(handler)) {}

  void SetHandler(Handler handler) {
    std::lock_guard lock(mu_);
    handler_ = std::move(handler);
  }

  StatusOr<HttpResponse> Send(const HttpRequest& request) override {
    Handler handler;
    {
      std::lock_guard lock(mu_);
      requests_.push_back(request);
      handler = handler_;
    }
    if (!handler) return UnavailableError("no handler");
    return handler(request);
  }

  std::vector<HttpRequest> requests() const {
    std::lock_guard lock(mu_);
    return requests_;
  }
  std::size_t count() const {
    std::lock_guard lock(mu_);
    return requests_.size();
  }

 private:
  mutable std::mutex mu_;
  Handler handler_;
  std::vector<HttpRequest> requests_;
};

inline HttpResponse MakeResponse(int status, std::string body, HttpHeaders headers = {}) {
  HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  r.headers = std::move(headers);
  return r;
}

// Finds a header in a request (case-insensitive name), or "".
inline std::string RequestHeader(const HttpRequest& request, std::string_view name) {
  for (const auto& [n, v] : request.headers) {
    if (n.size() == name.size() && std::equal(n.begin(), n.end(), name.begin(), [](char a, char b) {
          return std::tolower(a) == std::tolower(b);
        })) {
      return v;
    }
  }
  return "";
}

}  // namespace jae::testing
