#include "service/serve_config.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "processing/source_stores.h"

namespace jae {
namespace {

// RESULTS_BUCKET may be a bare bucket name; a value with '/' (or file://) is a location.
std::string NormaliseResultsVariable(const std::string& value) {
  if (value.rfind("gs://", 0) == 0 || value.rfind("file://", 0) == 0) return value;
  if (value.find('/') != std::string::npos || value.front() == '.') return value;
  return "gs://" + value;
}

}  // namespace

StatusOr<ServeConfig> LoadServeConfig(const Env& env, const ServeFlags& flags) {
  ServeConfig c;
  if (flags.port) {
    if (*flags.port < 0 || *flags.port > 65535)
      return InvalidArgumentError("--port must be 0..65535");
    c.port = *flags.port;
  } else {
    auto port = PositiveIntVar(env, "PORT", 8080, 65535);
    if (!port.ok()) return port.status();
    c.port = static_cast<int>(*port);
  }
  std::string results_uri;
  if (flags.results) {
    results_uri = *flags.results;
  } else if (auto v = env.Get("RESULTS_BUCKET")) {
    results_uri = NormaliseResultsVariable(*v);
  } else {
    return InvalidArgumentError("RESULTS_BUCKET (or --results) is required for serve");
  }
  if (results_uri.rfind("gs://", 0) == 0) {
    const std::string rest = results_uri.substr(5);
    const std::size_t slash = rest.find('/');
    c.results_bucket = rest.substr(0, slash);
    if (slash != std::string::npos) {
      c.results_prefix = rest.substr(slash + 1);
      if (!c.results_prefix.empty() && c.results_prefix.back() != '/') c.results_prefix += '/';
    }
    if (c.results_bucket.empty()) return InvalidArgumentError("RESULTS_BUCKET names no bucket");
  }
  // Engine, limits, timeouts, DELETE_SOURCE, LOG_LEVEL: as for every processing command.
  auto runtime = LoadRuntimeConfig(env, flags.engine, std::move(results_uri), Severity::kInfo);
  if (!runtime.ok()) return runtime.status();
  c.runtime = *std::move(runtime);
  c.runtime.results_source = "RESULTS_BUCKET/--results";
  c.source_root = flags.source_root ? *flags.source_root : env.GetOr("SOURCE_ROOT", "");

  if (auto buckets = env.Get("SOURCE_BUCKETS")) {
    std::string_view rest = *buckets;
    while (!rest.empty()) {
      const std::size_t comma = rest.find(',');
      std::string_view item = rest.substr(0, comma);
      rest.remove_prefix(comma == std::string_view::npos ? rest.size() : comma + 1);
      while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
      while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
      if (item.starts_with("gs://")) item.remove_prefix(5);
      if (item.empty()) continue;
      if (!IsValidBucketName(item)) {
        return InvalidArgumentError("SOURCE_BUCKETS: '" + std::string(item.substr(0, 100)) +
                                    "' is not a bucket name");
      }
      c.source_buckets.emplace_back(item);
    }
  }

  auto inflight = PositiveIntVar(env, "MAX_INFLIGHT", c.max_in_flight, 10000);
  if (!inflight.ok()) return inflight.status();
  c.max_in_flight = static_cast<int>(*inflight);
  return c;
}

}  // namespace jae
