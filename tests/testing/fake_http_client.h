// FakeHttpClient: the one scripted HttpClient of the unit tests. Every request is
// recorded and answered without a socket, so tests see exactly what was sent.
//
// Contract: an answer comes from, in order, (1) the queue filled by Push (first in,
// first out), (2) the handler given to the constructor or SetHandler, (3) a default
// 200 "{}". Thread-safe; the handler runs outside the lock so it may block or call
// back into the fake.
// Why one class: tests/auth and tests/store each had their own
// `jae::testing::FakeHttpClient`; two definitions of one name are an ODR violation as
// soon as one binary links both.
#pragma once

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/http_client.h"

namespace jae::testing {

class FakeHttpClient final : public HttpClient {
 public:
  using Handler = std::function<StatusOr<HttpResponse>(const HttpRequest&)>;
  explicit FakeHttpClient(Handler handler = nullptr) : handler_(std::move(handler)) {}

  // Answers the requests after the queue is empty (nullptr: the default 200 "{}").
  void SetHandler(Handler handler) {
    std::lock_guard lock(mu_);
    handler_ = std::move(handler);
  }

  // Queues one answer, used before the handler.
  void Push(StatusOr<HttpResponse> answer) {
    std::lock_guard lock(mu_);
    answers_.push_back(std::move(answer));
  }
  void Push(int status, std::string body = "{}", HttpHeaders headers = {}) {
    Push(HttpResponse{status, std::move(headers), std::move(body)});
  }

  StatusOr<HttpResponse> Send(const HttpRequest& request) override {
    Handler handler;
    {
      std::lock_guard lock(mu_);
      requests_.push_back(request);
      if (!answers_.empty()) {
        auto answer = std::move(answers_.front());
        answers_.pop_front();
        return answer;
      }
      handler = handler_;
    }
    if (handler) return handler(request);
    return HttpResponse{200, {}, "{}"};
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
  std::deque<StatusOr<HttpResponse>> answers_;
  std::vector<HttpRequest> requests_;
};

inline HttpResponse MakeResponse(int status, std::string body, HttpHeaders headers = {}) {
  return HttpResponse{status, std::move(headers), std::move(body)};
}

// The first header of `request` with this name (case-insensitive, as HTTP), or "".
inline std::string RequestHeader(const HttpRequest& request, std::string_view name) {
  for (const auto& [n, v] : request.headers) {
    if (n.size() == name.size() &&
        std::equal(n.begin(), n.end(), name.begin(), [](unsigned char a, unsigned char b) {
          return std::tolower(a) == std::tolower(b);
        })) {
      return v;
    }
  }
  return "";
}

}  // namespace jae::testing
