// FakeHttpClient: records requests and answers them from a script, for store tests.
#pragma once

#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "http/http_client.h"

namespace jae::testing {

class FakeHttpClient final : public HttpClient {
 public:
  // Queued answers are used first, in order; then `fallback` (default: 200 "{}").
  void Push(StatusOr<HttpResponse> answer) { answers_.push_back(std::move(answer)); }
  void Push(int status, std::string body = "{}", HttpHeaders headers = {}) {
    answers_.push_back(HttpResponse{status, std::move(headers), std::move(body)});
  }
  std::function<StatusOr<HttpResponse>(const HttpRequest&)> fallback;

  StatusOr<HttpResponse> Send(const HttpRequest& request) override {
    std::lock_guard<std::mutex> lock(mutex_);
    requests_.push_back(request);
    if (!answers_.empty()) {
      auto answer = std::move(answers_.front());
      answers_.pop_front();
      return answer;
    }
    if (fallback) return fallback(request);
    return HttpResponse{200, {}, "{}"};
  }

  std::vector<HttpRequest> requests() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return requests_;
  }

 private:
  mutable std::mutex mutex_;
  std::deque<StatusOr<HttpResponse>> answers_;
  std::vector<HttpRequest> requests_;
};

// The value of header `name` (exact match) in `request`, or "" if absent.
inline std::string RequestHeader(const HttpRequest& request, const std::string& name) {
  for (const auto& [n, v] : request.headers) {
    if (n == name) return v;
  }
  return "";
}

}  // namespace jae::testing
