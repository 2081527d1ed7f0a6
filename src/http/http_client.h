// HttpClient: the one way jae-ocr speaks HTTP to Google APIs (Gemini, Vertex, GCS,
// OAuth2, the metadata server). The real one is libcurl with pooled handles, reusing
// connections (http/curl_http_client.h); tests use fakes or real local servers.
//
// Contract: Send returns the response for any HTTP status (4xx/5xx included). A non-OK
// Status means no usable response arrived: Unavailable for connection/transport errors,
// DeadlineExceeded for timeouts, OutOfRange when the body exceeds `max_response_bytes`.
// Thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/status.h"

namespace jae {

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method = "GET";
  std::string url;
  HttpHeaders headers;
  std::string body;
  std::chrono::milliseconds timeout{30000};
  std::int64_t max_response_bytes = 64 * 1024 * 1024;
};

struct HttpResponse {
  int status = 0;
  HttpHeaders headers;  // names lower-cased
  std::string body;
  // The first header with this (case-insensitive) name, or "".
  std::string Header(std::string_view name) const;
};

class HttpClient {
 public:
  virtual ~HttpClient() = default;
  virtual StatusOr<HttpResponse> Send(const HttpRequest& request) = 0;
};

std::unique_ptr<HttpClient> MakeCurlHttpClient();

// Percent-encodes everything but RFC 3986 unreserved characters (so '/' becomes %2F,
// as GCS object names in paths require).
std::string UrlEncode(std::string_view text);

}  // namespace jae
