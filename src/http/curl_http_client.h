// The libcurl HttpClient with its knobs: how many idle curl handles it keeps for reuse,
// and an extra CA bundle (for tests and benchmarks against a local TLS server).
// Production code calls MakeCurlHttpClient() (http/http_client.h), which uses the defaults.
//
// Contract: as HttpClient. Handles are pooled: a request takes an idle handle (or makes
// one), and gives it back reset (curl_easy_reset) when done, so the next request to the
// same host reuses its open connection and TLS session instead of a new handshake. At
// most `max_idle_handles` are kept; requests beyond that run on handles of their own,
// closed afterwards, so concurrency is never limited by the pool.
// Why: a new handle per request paid a TCP and TLS handshake on every Gemini and GCS call.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "http/http_client.h"

namespace jae {

struct CurlClientOptions {
  // Idle handles kept between requests: the service's default max_in_flight (64), so at
  // full load every in-flight call finds a warm connection. 0 means a new handle (and
  // connection) per request, the behaviour before the pool, kept for the benchmark.
  std::size_t max_idle_handles = 64;
  // A PEM file of CA certificates to trust instead of the system's; "" for the system's.
  std::string ca_file;
};

std::unique_ptr<HttpClient> MakeCurlHttpClient(CurlClientOptions options);

}  // namespace jae
