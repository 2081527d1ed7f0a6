#include "service/serve_config.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "engine/engine_factory.h"
#include "pipeline/pipeline.h"
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
  if (flags.results) {
    c.results_uri = *flags.results;
  } else if (auto v = env.Get("RESULTS_BUCKET")) {
    c.results_uri = NormaliseResultsVariable(*v);
  } else {
    return InvalidArgumentError("RESULTS_BUCKET (or --results) is required for serve");
  }
  if (c.results_uri.rfind("gs://", 0) == 0) {
    const std::string rest = c.results_uri.substr(5);
    const std::size_t slash = rest.find('/');
    c.results_bucket = rest.substr(0, slash);
    if (slash != std::string::npos) {
      c.results_prefix = rest.substr(slash + 1);
      if (!c.results_prefix.empty() && c.results_prefix.back() != '/') c.results_prefix += '/';
    }
    if (c.results_bucket.empty()) return InvalidArgumentError("RESULTS_BUCKET names no bucket");
  }
  c.engine = flags.engine ? *flags.engine : env.GetOr("JAE_ENGINE", "auto");
  c.engine_from_flag = flags.engine.has_value();
  // Only the choice is checked here (a usage error before anything starts); the engine
  // itself is made once, by the runtime.
  if (auto name = ResolveEngineName(flags.engine, env); !name.ok()) return name.status();
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

  auto pipeline = PipelineOptionsFromEnv(env);  // MAX_IMAGE_BYTES, IMAGE_MAX_SIDE
  if (!pipeline.ok()) return pipeline.status();
  c.max_image_bytes = pipeline->max_image_bytes;
  c.image_max_side = pipeline->image_max_side;
  c.engine_timeout = std::chrono::duration_cast<std::chrono::seconds>(pipeline->engine_timeout);
  auto inflight = PositiveIntVar(env, "MAX_INFLIGHT", c.max_in_flight, 10000);
  if (!inflight.ok()) return inflight.status();
  c.max_in_flight = static_cast<int>(*inflight);
  auto del = BoolVar(env, "DELETE_SOURCE", false);
  if (!del.ok()) return del.status();
  c.delete_source = *del;
  if (auto level = env.Get("LOG_LEVEL")) {
    auto severity = ParseSeverity(*level);
    if (!severity.ok()) return severity.status();
    c.log_level = *severity;
  }
  c.project = env.GetOr("GOOGLE_CLOUD_PROJECT", "");
  return c;
}

}  // namespace jae
