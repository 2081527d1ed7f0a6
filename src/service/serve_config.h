// ServeConfig: `jae-ocr serve` settings from the environment (CONTRACT.md
// "Environment"), with command-line flags winning over variables.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "common/env.h"
#include "common/env_vars.h"
#include "common/log.h"
#include "common/status.h"
#include "processing/runtime.h"

namespace jae {

struct ServeFlags {
  std::optional<int> port;
  std::optional<std::string> results;  // URI: gs://b[/p], file:///p or a path
  std::optional<std::string> engine;
  std::optional<std::string> source_root;
};

// What serve shares with every processing command (engine, limits, timeouts, results,
// DELETE_SOURCE, LOG_LEVEL) is `runtime`, read by LoadRuntimeConfig; the rest is serve's.
struct ServeConfig {
  RuntimeConfig runtime;       // results_uri from --results, else RESULTS_BUCKET
  int port = 8080;             // --port, else PORT (Cloud Run sets it)
  std::string results_bucket;  // when runtime.results_uri is gs://, else empty
  std::string results_prefix;  // "" or ending in '/'
  std::string source_root;     // empty: events name GCS buckets; else <root>/<bucket> folders
  std::vector<std::string> source_buckets;  // SOURCE_BUCKETS; empty: any bucket
  // MAX_INFLIGHT: documents processed at once; more get 429 and are redelivered. The
  // default keeps the decoded images of a full house within a 2 GiB instance.
  int max_in_flight = 64;
  // After SIGTERM Cloud Run allows 10 s before SIGKILL: drain for 8, keep 2 to exit.
  std::chrono::seconds drain_timeout{8};
};

// InvalidArgument naming the flag or variable at fault.
StatusOr<ServeConfig> LoadServeConfig(const Env& env, const ServeFlags& flags);

}  // namespace jae
